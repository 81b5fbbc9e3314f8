"""Who hears about each admission step, and what they are told.

Texts and notification kinds come from the group when it names them (``admission_notices``,
keyed by step: "request", "approve", "decline", "decline_invitation", "revoke"), else from
``DEFAULT_NOTICES``; addresses come from the group's protocol (docs/admission.md).
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from portal.workflow import Notice


@dataclass(frozen=True)
class NoticeText:
    title: str
    kind: str = ""  # empty: the engine's "<pipeline>.<step>"


DEFAULT_NOTICES = {
    "request": NoticeText(_("Someone asked to join")),
    "approve": NoticeText(_("Your request to join was approved")),
    "decline": NoticeText(_("Your request to join was declined")),
    "decline_invitation": NoticeText(_("Your invitation was declined")),
    "revoke": NoticeText(_("An invitation you received was revoked")),
}


def text(group, step):
    return {**DEFAULT_NOTICES, **getattr(group, "admission_notices", {})}[step]


def request_sent(join_request, entry):
    """The group's admins hear of a new request, with a link to where they answer it."""
    group = join_request.group
    notice = text(group, "request")
    yield Notice(
        group.admission_admins(),
        title=notice.title,
        body=f"{join_request.user} · {group.admission_name()}",
        url=group.admission_admin_url(),
        kind=notice.kind,
    )


def request_decided(join_request, entry):
    """The person who asked hears the answer."""
    group = join_request.group
    notice = text(group, entry.action)
    yield Notice(
        [join_request.user],
        title=notice.title,
        body=group.admission_name(),
        url=group.admission_member_url(),
        kind=notice.kind,
    )


def invitation_declined(invitation, entry):
    """The inviter hears that the person invited said no."""
    group = invitation.group
    notice = text(group, "decline_invitation")
    yield Notice(
        [invitation.invited_by],
        title=notice.title,
        body=f"{invitation.email} · {group.admission_name()}",
        url=group.admission_admin_url(),
        kind=notice.kind,
    )


def invitation_revoked(invitation, entry):
    """The person invited, when they have an account, hears that the invitation is off."""
    from django.contrib.auth import get_user_model

    group = invitation.group
    notice = text(group, "revoke")
    invitee = get_user_model().objects.filter(email__iexact=invitation.email).first()
    yield Notice(
        [invitee] if invitee is not None else [],
        title=notice.title,
        body=group.admission_name(),
        kind=notice.kind,
    )
