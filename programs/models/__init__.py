"""Programme models. Each module holds one concept; import from here."""

from .pilot_pages import PilotIndexPage
from .pilots import (
    AdoptionRecord,
    District,
    Origin,
    Pilot,
    PilotAgency,
    PilotDocument,
    PilotIndicator,
    PilotMilestone,
)
from .policy import PolicyIndexPage, PolicyRecommendationPage
from .programmes import ProgrammeCity, ProgrammeIndexPage, ProgrammePage, ProgrammeStatus
from .responses import GovernmentResponse, ResponseState

__all__ = [
    "AdoptionRecord",
    "District",
    "GovernmentResponse",
    "Origin",
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
]
