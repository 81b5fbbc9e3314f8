"""Who may book, cancel and read office hours. Each rule returns ``(allowed, reason)``."""

from django.utils import timezone
from django.utils.translation import gettext as _

from partners.permissions import role_in
from portal.permissions import is_program_manager


def speaks_for(user, member):
    """A member of the start-up's organisation (any role) acts for it."""
    return role_in(user, member.organisation) is not None


def is_mentor_of(user, slot):
    return bool(user and user.is_authenticated and slot.mentor.user_id == user.pk)


def can_book(user, slot, member):
    if member.cohort_id != slot.cohort_id:
        return False, _("This session is for another cohort.")
    if not speaks_for(user, member):
        return False, _("Only the start-up's own members book its sessions.")
    if slot.cancelled:
        return False, _("This session was cancelled.")
    if slot.starts_at <= timezone.now():
        return False, _("This session has already started.")
    return True, ""


def can_cancel_booking(user, booking):
    if not (speaks_for(user, booking.member) or is_program_manager(user)):
        return False, _("Only the start-up or a program manager cancels a booking.")
    if booking.slot.starts_at <= timezone.now():
        return False, _("A session that has started can no longer be cancelled.")
    return True, ""


def can_see_booking(user, booking):
    """The start-up, the mentor and program managers; anyone else gets 404."""
    allowed = (
        speaks_for(user, booking.member)
        or is_mentor_of(user, booking.slot)
        or is_program_manager(user)
    )
    return allowed, "" if allowed else _("Not found.")


def can_give_feedback(user, booking):
    if not (speaks_for(user, booking.member) or is_mentor_of(user, booking.slot)):
        return False, _("Only the start-up and the mentor give feedback on a session.")
    if booking.slot.ends_at > timezone.now():
        return False, _("Feedback opens when the session is over.")
    if booking.state != "booked":
        return False, _("This booking was cancelled.")
    return True, ""
