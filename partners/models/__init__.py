from .challenges import ChallengeIndexPage, ChallengePage, ChallengeStatus
from .memberships import Invitation, JoinRequest, Membership, MembershipRole
from .organisations import Organisation, OrganisationKind, OrganisationSize, VerificationState
from .pages import AgencyIndexPage, PartnerIndexPage

__all__ = [
    "AgencyIndexPage",
    "ChallengeIndexPage",
    "ChallengePage",
    "ChallengeStatus",
    "Invitation",
    "JoinRequest",
    "Membership",
    "MembershipRole",
    "Organisation",
    "OrganisationKind",
    "OrganisationSize",
    "PartnerIndexPage",
    "VerificationState",
]
