"""Programme models. Each module holds one concept; import from here."""

from .policy import PolicyIndexPage, PolicyRecommendationPage
from .programmes import ProgrammeCity, ProgrammeIndexPage, ProgrammePage, ProgrammeStatus
from .responses import GovernmentResponse, ResponseState

__all__ = [
    "GovernmentResponse",
    "PolicyIndexPage",
    "PolicyRecommendationPage",
    "ProgrammeCity",
    "ProgrammeIndexPage",
    "ProgrammePage",
    "ProgrammeStatus",
    "ResponseState",
]
