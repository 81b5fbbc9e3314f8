"""Who may move a request to join or an invitation, with the reason.

The group decides who admits people (``admission_may_admit``) and who may join
(``admission_may_accept``); these rules add whose item it is: the person who asked withdraws
their request, the person invited answers their invitation, the inviter (or whoever admits)
revokes it. Each returns ``(allowed, reason)``.
"""

from django.utils.translation import gettext as _


def _signed_in(user):
    return bool(user and user.is_authenticated and user.is_active)


def _sent(item, step):
    """Whether the sending step is on the item's timeline already: it is taken once."""
    from portal.models import TimelineEntry

    return TimelineEntry.objects.for_object(item).filter(action=step).exists()


def is_requester(user, join_request):
    return _signed_in(user) and join_request.user_id == user.pk


def is_invitee(user, invitation):
    return _signed_in(user) and (user.email or "").lower() == invitation.email.lower()


def can_send_request(user, join_request):
    if not is_requester(user, join_request):
        return False, _("Only the person who asks sends their request.")
    if _sent(join_request, "request"):
        return False, _("This request was already sent.")
    return True, ""


def can_decide_request(user, join_request):
    return join_request.group.admission_may_admit(user)


def can_withdraw_request(user, join_request):
    if is_requester(user, join_request):
        return True, ""
    return False, _("Only the person who asked withdraws the request.")


def can_send_invitation(user, invitation):
    allowed, reason = invitation.group.admission_may_admit(user)
    if not allowed:
        return allowed, reason
    if _sent(invitation, "invite"):
        return False, _("This invitation was already sent.")
    return True, ""


def can_accept_invitation(user, invitation):
    if not is_invitee(user, invitation):
        return False, invitation.wrong_address_message()
    return invitation.group.admission_may_accept(user)


def can_decline_invitation(user, invitation):
    if not is_invitee(user, invitation):
        return False, invitation.wrong_address_message()
    return True, ""


def may_revoke(user, invitation):
    """The inviter, or whoever admits people into the group now."""
    if _signed_in(user) and invitation.invited_by_id == user.pk:
        return True
    return invitation.group.admission_may_admit(user)[0]


def can_revoke_invitation(user, invitation):
    if may_revoke(user, invitation):
        return True, ""
    return False, _("Only the person who sent the invitation, or who admits members, revokes it.")
