from .calls import Call
from .challenges import ChallengeIndexPage, ChallengePage, ChallengeStatus
from .memberships import Invitation, JoinRequest, Membership, MembershipRole
from .organisations import Organisation, OrganisationKind, OrganisationSize, VerificationState
from .pages import AgencyIndexPage, PartnerIndexPage
from .proposals import Proposal, ProposalAttachment, ProposalState

__all__ = [
    "AgencyIndexPage",
    "Call",
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
    "Proposal",
    "ProposalAttachment",
    "ProposalState",
    "VerificationState",
]
