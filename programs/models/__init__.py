"""Programme models. Each module holds one concept; import from here."""

from .cohort_applications import CohortApplication, CohortApplicationAttachment
from .cohort_pages import AcceleratorIndexPage
from .cohorts import Cohort, CohortKind, CohortMember, CohortStatus, ReviewerConflict
from .demo_day import DemoDayInterest, OutcomeKind, StartupOutcome
from .impact import ImpactPage
from .mentoring import (
    BookingState,
    Mentor,
    OfficeHourBooking,
    OfficeHourSlot,
    SessionFeedback,
)
from .milestones import CohortMilestone, PilotMilestone
from .pilot_pages import PilotIndexPage
from .pilots import (
    AdoptionRecord,
    District,
    Origin,
    Pilot,
    PilotAgency,
    PilotDocument,
    PilotIndicator,
)
from .policy import PolicyIndexPage, PolicyRecommendationPage
from .programmes import ProgrammeCity, ProgrammeIndexPage, ProgrammePage, ProgrammeStatus
from .responses import GovernmentResponse, ResponseState

__all__ = [
    "AcceleratorIndexPage",
    "AdoptionRecord",
    "BookingState",
    "Cohort",
    "CohortApplication",
    "CohortApplicationAttachment",
    "CohortKind",
    "CohortMember",
    "CohortMilestone",
    "CohortStatus",
    "DemoDayInterest",
    "District",
    "GovernmentResponse",
    "ImpactPage",
    "Mentor",
    "OfficeHourBooking",
    "OfficeHourSlot",
    "Origin",
    "OutcomeKind",
    "Pilot",
    "PilotAgency",
    "PilotDocument",
    "PilotIndexPage",
    "PilotIndicator",
    "PilotMilestone",
    "PolicyIndexPage",
    "PolicyRecommendationPage",
    "ProgrammeCity",
    "ProgrammeIndexPage",
    "ProgrammePage",
    "ProgrammeStatus",
    "ResponseState",
    "ReviewerConflict",
    "SessionFeedback",
    "StartupOutcome",
]
