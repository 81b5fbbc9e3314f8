from .event_index import EventIndexPage
from .hackathons import HackathonIndexPage, HackathonPage, HackathonPerson, PersonRole, Track
from .pages import AttendanceMode, EventLanguage, EventPage, EventType
from .registrations import Registration, RegistrationState
from .speakers import Speaker
from .submissions import (
    Award,
    Comparison,
    DeclaredConflict,
    Finalist,
    FinalsJudge,
    Licence,
    Screenshot,
    Submission,
    Vote,
    VoteAudit,
)
from .teams import Team, TeamInvitation, TeamJoinRequest, TeamMembership, TeamRole

__all__ = [
    "AttendanceMode",
    "Award",
    "Comparison",
    "DeclaredConflict",
    "EventIndexPage",
    "EventLanguage",
    "EventPage",
    "EventType",
    "Finalist",
    "FinalsJudge",
    "HackathonIndexPage",
    "HackathonPage",
    "HackathonPerson",
    "Licence",
    "PersonRole",
    "Registration",
    "RegistrationState",
    "Screenshot",
    "Speaker",
    "Submission",
    "Team",
    "TeamInvitation",
    "TeamJoinRequest",
    "TeamMembership",
    "TeamRole",
    "Track",
    "Vote",
    "VoteAudit",
]
