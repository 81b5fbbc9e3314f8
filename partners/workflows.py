"""Partner pipelines, declared for the portal's workflow engine (docs/workflow.md)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.models import Visibility
from portal.workflow import Pipeline, Transition

from . import notices, permissions
from .permissions import can_moderate_organisations


class VerificationState(models.TextChoices):
    PENDING = "pending", _("Pending verification")
    VERIFIED = "verified", _("Verified")
    REJECTED = "rejected", _("Rejected")
    SUSPENDED = "suspended", _("Suspended")


PENDING, VERIFIED, REJECTED, SUSPENDED = VerificationState.values


class OrganisationVerification(Pipeline):
    """pending → verified | rejected; verified ⇄ suspended. Only verified ones are public."""

    name = "partners.organisation_verification"
    field = "verification_state"
    states = VerificationState
    transitions = [
        Transition(
            "verify",
            _("Verify"),
            (PENDING,),
            VERIFIED,
            can_moderate_organisations,
            visibility=Visibility.PUBLIC,
        ),
        Transition(
            "reject",
            _("Reject"),
            (PENDING,),
            REJECTED,
            can_moderate_organisations,
            requires_comment=True,
        ),
        Transition(
            "suspend",
            _("Suspend"),
            (VERIFIED,),
            SUSPENDED,
            can_moderate_organisations,
            requires_comment=True,
        ),
        Transition(
            "reinstate",
            _("Reinstate"),
            (SUSPENDED,),
            VERIFIED,
            can_moderate_organisations,
            visibility=Visibility.PUBLIC,
        ),
    ]


class ProposalState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    IN_REVIEW = "in_review", _("In review")
    CHANGES_REQUESTED = "changes_requested", _("Changes requested")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class ProposalPipeline(Pipeline):
    """draft → submitted → in_review ⇄ changes_requested → accepted | declined; withdrawn.

    The first submission must come before the call closes; a resubmission after a request
    for changes may come later (program managers asked for it).
    """

    name = "partners.proposal"
    states = ProposalState
    transitions = [
        Transition(
            "submit",
            _("Submit"),
            ("draft", "changes_requested"),
            "submitted",
            permissions.can_submit_proposal,
            notify=notices.proposal_submitted,
        ),
        Transition(
            "start_review",
            _("Start the review"),
            ("submitted",),
            "in_review",
            permissions.can_decide_proposal,
            notify=notices.proposal_moved,
        ),
        Transition(
            "request_changes",
            _("Request changes"),
            ("in_review",),
            "changes_requested",
            permissions.can_decide_proposal,
            requires_comment=True,
            notify=notices.proposal_moved,
        ),
        Transition(
            "accept",
            _("Accept"),
            ("in_review",),
            "accepted",
            permissions.can_decide_proposal,
            notify=notices.proposal_moved,
        ),
        Transition(
            "decline",
            _("Decline"),
            ("in_review",),
            "declined",
            permissions.can_decide_proposal,
            notify=notices.proposal_moved,
        ),
        Transition(
            "withdraw",
            _("Withdraw"),
            ("draft", "submitted", "in_review", "changes_requested"),
            "withdrawn",
            permissions.can_withdraw_proposal,
            notify=notices.proposal_withdrawn,
        ),
    ]
