from .organisations import Organisation, OrganisationKind, OrganisationSize, VerificationState
from .pages import AgencyIndexPage, PartnerIndexPage

__all__ = [
    "AgencyIndexPage",
    "Organisation",
    "OrganisationKind",
    "OrganisationSize",
    "PartnerIndexPage",
    "VerificationState",
]
