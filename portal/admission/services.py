"""Every write about requests to join and invitations, for every group: atomic, checked, and
moved only through the workflow engine (a timeline entry, an audit-log entry, notifications).

Apps call these from their own services (which clean the input and add what only they know) and
show ``ActionRefused`` messages to the user.
"""

import logging

from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.services import ActionRefused, require
from portal.workflow import apply_transition

from .workflows import PENDING, InvitationState, RequestState

logger = logging.getLogger(__name__)


def _locked(item):
    return type(item)._default_manager.select_for_update().get(pk=item.pk)


def _refuse_unless_pending_request(join_request):
    if join_request.state == RequestState.WITHDRAWN:
        raise ActionRefused(_("This request was withdrawn."))
    if join_request.state != PENDING:
        raise ActionRefused(_("This request was already answered."))


def _refuse_unless_pending_invitation(invitation):
    if invitation.state == InvitationState.ACCEPTED:
        raise ActionRefused(_("This invitation has already been used."))
    if invitation.state == InvitationState.DECLINED:
        raise ActionRefused(_("This invitation was declined."))
    if invitation.state == InvitationState.REVOKED:
        raise ActionRefused(_("This invitation was revoked."))


def _reason(check, item):
    try:
        check(item)
    except ActionRefused as error:
        return str(error)
    return ""


def request_refusal(join_request):
    """Why this request can no longer move, or "" while it waits."""
    return _reason(_refuse_unless_pending_request, join_request)


def invitation_refusal(invitation):
    """Why this invitation can no longer be answered, or "" while it waits."""
    return _reason(_refuse_unless_pending_invitation, invitation)


# --- Requests to join ------------------------------------------------------------------------


@transaction.atomic
def request_to_join(user, group, message=""):
    """``user`` asks to join ``group``; its admins are told. ``message`` is already clean."""
    require(group.admission_may_request(user))
    try:
        with transaction.atomic():  # a savepoint: a concurrent twin refuses cleanly
            join_request = group.join_requests.create(user=user, message=message)
    except IntegrityError as error:
        _allowed, reason = group.admission_may_request(user)
        raise ActionRefused(reason or _("You have already asked to join.")) from error
    apply_transition(join_request, "request", user)
    logger.info("Request to join %s by user %s", join_request.pk, user.pk)
    return join_request


@transaction.atomic
def decide(actor, join_request, *, approve):
    """Approve (the group admits the person) or decline; the person who asked is told."""
    join_request = _locked(join_request)
    _refuse_unless_pending_request(join_request)
    apply_transition(
        join_request, "approve" if approve else "decline", actor, expected_state=PENDING
    )
    if approve:
        join_request.group.admission_admit(join_request.user, join_request.admission_role)
    join_request.decided_by = actor
    join_request.decided_at = timezone.now()
    join_request.save(update_fields=["decided_by", "decided_at"])
    return join_request


@transaction.atomic
def withdraw(user, join_request):
    """The person who asked takes a waiting request back."""
    join_request = _locked(join_request)
    _refuse_unless_pending_request(join_request)
    apply_transition(join_request, "withdraw", user, expected_state=PENDING)
    join_request.decided_at = timezone.now()
    join_request.save(update_fields=["decided_at"])
    return join_request


# --- Invitations -----------------------------------------------------------------------------


@transaction.atomic
def invite(actor, group, *, email, **fields):
    """Invite ``email`` (normalised) into ``group``; the group sends it (``fields``: e.g. role)."""
    email = (email or "").strip().lower()
    require(group.admission_may_invite(actor, email))
    invitation = group.invitations.create(email=email, invited_by=actor, **fields)
    apply_transition(invitation, "invite", actor)
    group.admission_send_invitation(invitation)
    logger.info("Invitation %s into %s", invitation.pk, group.pk)
    return invitation


@transaction.atomic
def accept(user, invitation):
    """The person invited joins the group; returns what the group's admitting made."""
    invitation = _locked(invitation)
    _refuse_unless_pending_invitation(invitation)
    apply_transition(invitation, "accept", user, expected_state=PENDING)
    admitted = invitation.group.admission_admit(user, invitation.admission_role)
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
    return admitted


@transaction.atomic
def decline_invitation(user, invitation):
    invitation = _locked(invitation)
    _refuse_unless_pending_invitation(invitation)
    apply_transition(invitation, "decline", user, expected_state=PENDING)
    return invitation


@transaction.atomic
def revoke(user, invitation):
    """The inviter, or whoever admits people into the group, takes a waiting invitation back."""
    invitation = _locked(invitation)
    _refuse_unless_pending_invitation(invitation)
    apply_transition(invitation, "revoke", user, expected_state=PENDING)
    return invitation


# --- Erasure -----------------------------------------------------------------------------------


def forget(queryset):
    """Delete these requests or invitations with their timeline and audit-log entries, which
    name the person (an erased account's, see portal/privacy/erasure.py)."""
    from wagtail.models import ModelLogEntry

    from portal.models import TimelineEntry

    ids = [str(pk) for pk in queryset.values_list("pk", flat=True)]
    if not ids:
        return
    content_type = ContentType.objects.get_for_model(queryset.model)
    TimelineEntry.objects.filter(content_type=content_type, object_id__in=ids).delete()
    ModelLogEntry.objects.filter(content_type=content_type, object_id__in=ids).delete()
    queryset.model._default_manager.filter(pk__in=ids).delete()
