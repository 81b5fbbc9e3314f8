"""The government-response pipeline, declared for the portal's workflow engine (docs/workflow.md).

pending → under_consideration → accepted | partially_accepted | rejected;
accepted | partially_accepted → implemented. Every answer is public; a program manager's reminder
(pending → pending) stays between the agency and program managers.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.models import Visibility
from portal.workflow import Pipeline, Transition

from . import notices, permissions


class ResponseState(models.TextChoices):
    PENDING = "pending", _("Awaiting response")
    UNDER_CONSIDERATION = "under_consideration", _("Under consideration")
    ACCEPTED = "accepted", _("Accepted")
    PARTIALLY_ACCEPTED = "partially_accepted", _("Partially accepted")
    REJECTED = "rejected", _("Rejected")
    IMPLEMENTED = "implemented", _("Implemented")


PENDING, CONSIDERING, ACCEPTED, PARTIAL, REJECTED, IMPLEMENTED = ResponseState.values
AWAITING = (PENDING, CONSIDERING)
DECIDED = (ACCEPTED, PARTIAL, REJECTED, IMPLEMENTED)
# Steps that record the agency's answer: they carry the response text, date and reference.
ANSWERS = ("accept", "accept_partially", "reject", "implement")


class GovernmentResponsePipeline(Pipeline):
    name = "programs.government_response"
    states = ResponseState
    transitions = [
        Transition(
            "consider",
            _("Take under consideration"),
            (PENDING,),
            CONSIDERING,
            permissions.can_respond,
            visibility=Visibility.PUBLIC,
            notify=notices.response_moved,
        ),
        Transition(
            "accept",
            _("Accept"),
            (CONSIDERING,),
            ACCEPTED,
            permissions.can_respond,
            requires_comment=True,
            requires_date=True,
            visibility=Visibility.PUBLIC,
            notify=notices.response_moved,
        ),
        Transition(
            "accept_partially",
            _("Accept in part"),
            (CONSIDERING,),
            PARTIAL,
            permissions.can_respond,
            requires_comment=True,
            requires_date=True,
            visibility=Visibility.PUBLIC,
            notify=notices.response_moved,
        ),
        Transition(
            "reject",
            _("Reject"),
            (CONSIDERING,),
            REJECTED,
            permissions.can_respond,
            requires_comment=True,
            requires_date=True,
            visibility=Visibility.PUBLIC,
            notify=notices.response_moved,
        ),
        Transition(
            "implement",
            _("Record implementation"),
            (ACCEPTED, PARTIAL),
            IMPLEMENTED,
            permissions.can_respond,
            requires_comment=True,
            requires_date=True,
            visibility=Visibility.PUBLIC,
            notify=notices.response_moved,
        ),
        Transition(
            "remind",
            _("Remind the agency"),
            (PENDING,),
            PENDING,
            permissions.can_remind,
            requires_comment=True,
            visibility=Visibility.PARTICIPANTS,
            notify=notices.response_reminder,
        ),
    ]
