"""Every write of office hours: book, cancel, feedback. Atomic, with the slot row locked so two
start-ups racing for the last place cannot both get it, and the start-up's cohort membership
locked so two of its people booking overlapping sessions at once cannot both succeed."""

import logging

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portal.links import link
from portal.notifications.services import notify
from portal.services import ActionRefused, require, retry_when_locked
from programs.models import (
    BookingState,
    CohortMember,
    OfficeHourBooking,
    OfficeHourSlot,
    SessionFeedback,
)

from . import permissions

logger = logging.getLogger(__name__)


@retry_when_locked
@transaction.atomic
def book(user, slot, member, need="") -> OfficeHourBooking:
    slot = OfficeHourSlot.objects.select_for_update().select_related("mentor__user").get(pk=slot.pk)
    require(permissions.can_book(user, slot, member))
    active = slot.bookings.filter(state=BookingState.BOOKED)
    if active.filter(member=member).exists():
        raise ActionRefused(_("Your start-up has already booked this session."))
    if active.count() >= slot.capacity:
        raise ActionRefused(_("This session is full. Choose another time."))
    # Always slot, then start-up: the same order in every booking, so no two wait on each other.
    CohortMember.objects.select_for_update().filter(pk=member.pk).exists()
    clash = OfficeHourBooking.objects.filter(
        member=member,
        state=BookingState.BOOKED,
        slot__cancelled=False,
        slot__starts_at__lt=slot.ends_at,
        slot__ends_at__gt=slot.starts_at,
    )
    if clash.exists():
        raise ActionRefused(_("Your start-up already has a session at that time."))
    try:
        with transaction.atomic():
            booking = OfficeHourBooking.objects.create(
                slot=slot, member=member, booked_by=user, need=need.strip()[:1000]
            )
    except IntegrityError as error:
        raise ActionRefused(_("Your start-up has already booked this session.")) from error
    notify(
        [slot.mentor.user],
        title=gettext_lazy("A start-up booked your office hours"),
        body=f"{member.organisation.name} · {timezone.localtime(slot.starts_at):%Y-%m-%d %H:%M}",
        url=link("programs:mentor_sessions"),
        kind="office_hours",
    )
    logger.info("Office hours %s booked by member %s", slot.pk, member.pk)
    return booking


@retry_when_locked
@transaction.atomic
def cancel(user, booking) -> OfficeHourBooking:
    booking = (
        OfficeHourBooking.objects.select_for_update()
        .select_related("slot__mentor__user", "member__organisation")
        .get(pk=booking.pk)
    )
    require(permissions.can_cancel_booking(user, booking))
    if booking.state == BookingState.CANCELLED:
        raise ActionRefused(_("This booking was already cancelled."))
    booking.state = BookingState.CANCELLED
    booking.cancelled_at = timezone.now()
    booking.save(update_fields=["state", "cancelled_at"])
    notify(
        [booking.slot.mentor.user],
        title=gettext_lazy("A start-up cancelled its office hours"),
        body=f"{booking.member.organisation.name} · "
        f"{timezone.localtime(booking.slot.starts_at):%Y-%m-%d %H:%M}",
        url=link("programs:mentor_sessions"),
        kind="office_hours",
    )
    return booking


@transaction.atomic
def give_feedback(user, booking, *, rating, comment="") -> SessionFeedback:
    require(permissions.can_give_feedback(user, booking))
    from_mentor = permissions.is_mentor_of(user, booking.slot)
    feedback, _created = SessionFeedback.objects.update_or_create(
        booking=booking,
        from_mentor=from_mentor,
        defaults={"author": user, "rating": rating, "comment": comment.strip()[:2000]},
    )
    return feedback
