"""The cohort application pipeline, declared for the portal's workflow engine (docs/workflow.md).

draft → submitted → in_review ⇄ changes_requested → shortlisted → interview → accepted |
waitlisted | declined; waitlisted → accepted when a seat frees; withdrawn by the applicant from
any open state (an accepted one too, until the cohort ends: that frees the seat).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.workflow import Pipeline, Transition

from . import notices, permissions


class ApplicationState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    IN_REVIEW = "in_review", _("In review")
    CHANGES_REQUESTED = "changes_requested", _("Changes requested")
    SHORTLISTED = "shortlisted", _("Shortlisted")
    INTERVIEW = "interview", _("Interview")
    ACCEPTED = "accepted", _("Accepted")
    WAITLISTED = "waitlisted", _("Waitlisted")
    DECLINED = "declined", _("Declined")
    WITHDRAWN = "withdrawn", _("Withdrawn")


OPEN_STATES = (
    "draft",
    "submitted",
    "in_review",
    "changes_requested",
    "shortlisted",
    "interview",
    "waitlisted",
    "accepted",
)
EDITABLE_STATES = ("draft", "changes_requested")
# The first round: what a blind review hides the applicant's identity in.
FIRST_ROUND = ("submitted", "in_review", "changes_requested")
DECIDE = permissions.can_decide_application


class ApplicationPipeline(Pipeline):
    name = "programs.cohort_application"
    states = ApplicationState
    transitions = [
        Transition(
            "submit",
            _("Submit"),
            ("draft", "changes_requested"),
            "submitted",
            permissions.can_submit_application,
            notify=notices.submitted,
        ),
        Transition(
            "start_review",
            _("Start the review"),
            ("submitted",),
            "in_review",
            DECIDE,
            notify=notices.moved,
        ),
        Transition(
            "request_changes",
            _("Request changes"),
            ("in_review",),
            "changes_requested",
            DECIDE,
            requires_comment=True,
            notify=notices.moved,
        ),
        Transition(
            "shortlist", _("Shortlist"), ("in_review",), "shortlisted", DECIDE, notify=notices.moved
        ),
        Transition(
            "invite_interview",
            _("Invite to an interview"),
            ("shortlisted",),
            "interview",
            DECIDE,
            requires_date=True,
            notify=notices.moved,
        ),
        Transition(
            "accept",
            _("Accept"),
            ("interview", "shortlisted"),
            "accepted",
            permissions.can_accept_application,
            notify=notices.moved,
        ),
        Transition(
            "waitlist",
            _("Put on the waiting list"),
            ("interview", "shortlisted"),
            "waitlisted",
            DECIDE,
            notify=notices.moved,
        ),
        Transition(
            "decline",
            _("Decline"),
            ("in_review", "shortlisted", "interview", "waitlisted"),
            "declined",
            DECIDE,
            notify=notices.moved,
        ),
        Transition(
            "offer_seat",
            _("Offer the freed seat"),
            ("waitlisted",),
            "accepted",
            permissions.can_offer_seat,
            notify=notices.seat_offered,
        ),
        Transition(
            "withdraw",
            _("Withdraw"),
            OPEN_STATES,
            "withdrawn",
            permissions.can_withdraw_application,
            notify=notices.withdrawn,
        ),
    ]
