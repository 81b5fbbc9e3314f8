"""The one place that answers "may this user do X to this event or registration", with the reason.

Each rule returns ``(allowed, reason)``; the workflow engine and views show the reason. Private
things (tickets, join links, check-in, attendance lists) answer 404 to everyone else.
"""

from django.utils import timezone
from django.utils.translation import gettext as _

from portal.permissions import is_program_manager


def can_manage_events(user, obj=None):
    """Program managers run registrations: add, move, check in, close."""
    if is_program_manager(user):
        return True, ""
    return False, _("Only program managers manage event registrations.")


def can_register(user, event):
    if not (user and user.is_authenticated):
        return False, _("Sign in to register for this event.")
    if not event.takes_registrations:
        return False, _("This event does not take registrations.")
    if event.registration_closed:
        return False, _("Registration for this event is closed.")
    now = timezone.now()
    if event.registration_opens_at and now < event.registration_opens_at:
        return False, _("Registration has not opened yet.")
    if now >= (event.registration_closes_at or event.start):
        return False, _("Registration for this event is closed.")
    return True, ""


def owns(user, registration):
    return bool(user and user.is_authenticated and registration.user_id == user.pk)


def can_cancel(user, registration):
    if owns(user, registration) or is_program_manager(user):
        if registration.event.end <= timezone.now() and not is_program_manager(user):
            return False, _("This event is over.")
        return True, ""
    return False, _("Only the member or a program manager cancels a registration.")


def can_promote(user, registration):
    """The system (user None) promotes when a seat frees up; program managers too. Never
    beyond capacity: the event row is locked by the caller while this is checked."""
    if user is not None and not is_program_manager(user):
        return False, _("Only program managers move people off the waiting list.")
    if registration.event.seats_left() <= 0:
        return False, _("The event is full: free a seat or raise the capacity first.")
    return True, ""


def can_see_ticket(user, registration):
    if owns(user, registration) and registration.is_confirmed:
        return True, ""
    return False, _("This ticket is not yours.")


def can_see_join_link(user, event, registration=None):
    """Only confirmed participants (and program managers) see an online event's join link."""
    if is_program_manager(user):
        return True, ""
    if registration is not None and owns(user, registration) and registration.is_confirmed:
        return True, ""
    return False, _("The link is sent to confirmed participants.")
