"""The two admission pipelines, declared once for every group (docs/admission.md).

request to join: pending → approved | declined | withdrawn (by the person who asked);
invitation: pending → accepted | declined (by the person invited) | revoked (by the inviter or
whoever admits people into the group). The step that sends each one (``request``, ``invite``)
keeps the state: it records the sending on the item's timeline and audit log and tells people.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.workflow import Pipeline, Transition

from . import notices, permissions


class RequestState(models.TextChoices):
    PENDING = "pending", _("Waiting")
    APPROVED = "approved", _("Approved")
    DECLINED = "declined", _("Declined")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class InvitationState(models.TextChoices):
    PENDING = "pending", _("Waiting")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    REVOKED = "revoked", _("Revoked")


PENDING = "pending"


class JoinRequestPipeline(Pipeline):
    name = "portal.join_request"
    states = RequestState
    transitions = [
        Transition(
            "request",
            _("Ask to join"),
            (PENDING,),
            PENDING,
            permissions.can_send_request,
            notify=notices.request_sent,
        ),
        Transition(
            "approve",
            _("Approve"),
            (PENDING,),
            RequestState.APPROVED,
            permissions.can_decide_request,
            notify=notices.request_decided,
        ),
        Transition(
            "decline",
            _("Decline"),
            (PENDING,),
            RequestState.DECLINED,
            permissions.can_decide_request,
            notify=notices.request_decided,
        ),
        Transition(
            "withdraw",
            _("Withdraw"),
            (PENDING,),
            RequestState.WITHDRAWN,
            permissions.can_withdraw_request,
        ),
    ]


class InvitationPipeline(Pipeline):
    name = "portal.invitation"
    states = InvitationState
    transitions = [
        Transition(
            "invite",
            _("Invite"),
            (PENDING,),
            PENDING,
            permissions.can_send_invitation,
        ),
        Transition(
            "accept",
            _("Accept"),
            (PENDING,),
            InvitationState.ACCEPTED,
            permissions.can_accept_invitation,
        ),
        Transition(
            "decline",
            _("Decline"),
            (PENDING,),
            InvitationState.DECLINED,
            permissions.can_decline_invitation,
            notify=notices.invitation_declined,
        ),
        Transition(
            "revoke",
            _("Revoke"),
            (PENDING,),
            InvitationState.REVOKED,
            permissions.can_revoke_invitation,
            notify=notices.invitation_revoked,
        ),
    ]
