"""Every write about event registrations: atomic, permission-checked, logged, e-mails on commit.

``register`` decides confirmed or waitlisted with the event row locked (``select_for_update``)
in one transaction, so concurrent sign-ups never exceed the capacity on PostgreSQL. SQLite
refuses a second writer at once ("database is locked") instead of queueing it; the whole
transaction is then retried a bounded number of times after a short sleep.
"""

import logging

from django.db import transaction
from django.db.models import F, Max
from django.utils import timezone
from django.utils.translation import gettext as _

from events import emails, permissions
from events.models import EventPage, Registration, RegistrationState
from portal.cache import purge_pages
from portal.services import ActionRefused, require, retry_when_locked
from portal.text import plain_text
from portal.workflow import apply_transition

logger = logging.getLogger(__name__)

MAX_ANSWER_LENGTH = 2000

__all__ = [
    "ActionRefused",
    "add_person",
    "cancel",
    "check_in",
    "clean_answers",
    "mark_no_show",
    "promote",
    "register",
    "set_registration_closed",
]


def _locked_event(event):
    """The default-language event row, locked until the transaction ends.

    Every caller changes what the event page shows ("N of M seats left", the waiting list,
    registration open or closed), so the public cache forgets the event (both languages).
    """
    locked = EventPage.objects.select_for_update().get(pk=event.canonical().pk)
    purge_pages([locked])
    return locked


def clean_answers(event, answers):
    """Answers to the event's questions as plain text (as typed, on one line, length capped)."""
    cleaned = {}
    for block in event.registration_questions:
        question = block.value["question"]
        value = plain_text((answers or {}).get(question, ""), single_line=True)
        if block.value["required"] and not value:
            raise ActionRefused(_("Please answer: %(question)s") % {"question": question})
        choices = [c.strip() for c in (block.value["choices"] or "").splitlines() if c.strip()]
        if value and choices and value not in choices:
            raise ActionRefused(_("Please choose one of the answers offered."))
        cleaned[question] = value[:MAX_ANSWER_LENGTH]
    return cleaned


def _create(event, user, answers, added_by):
    """With ``event`` locked: confirmed while seats remain, else waitlisted at the end."""
    if Registration.objects.active().filter(event=event, user=user).exists():
        raise ActionRefused(_("You are already registered for this event."))
    if event.seats_left() > 0:
        state, position = RegistrationState.CONFIRMED, None
    else:
        last = event.registrations.filter(state=RegistrationState.WAITLISTED).aggregate(
            last=Max("position")
        )["last"]
        state, position = RegistrationState.WAITLISTED, (last or 0) + 1
    registration = Registration.objects.create(
        event=event, user=user, state=state, position=position, answers=answers, added_by=added_by
    )
    emails.registered(registration)
    logger.info(
        "Registration %s for event %s: %s %s", registration.pk, event.pk, state, position or ""
    )
    return registration


def register(user, event, answers=None) -> Registration:
    """A member signs up in one step: confirmed while seats remain, waitlisted after."""

    @transaction.atomic
    def attempt():
        locked = _locked_event(event)
        require(permissions.can_register(user, locked))
        return _create(locked, user, clean_answers(locked, answers), None)

    return retry_when_locked(attempt)()


def add_person(manager, event, user, answers=None) -> Registration:
    """A program manager adds someone (windows and closing do not apply; capacity does)."""

    @transaction.atomic
    def attempt():
        require(permissions.can_manage_events(manager))
        locked = _locked_event(event)
        return _create(
            locked,
            user,
            {k: plain_text(v, MAX_ANSWER_LENGTH) for k, v in (answers or {}).items()},
            manager,
        )

    return retry_when_locked(attempt)()


def _step(registration, name, actor, **kwargs):
    return apply_transition(registration, name, actor, **kwargs)


def _close_gap(event, position):
    """Everyone behind a place that left the waiting list moves up one."""
    if position:
        event.registrations.filter(
            state=RegistrationState.WAITLISTED, position__gt=position
        ).update(position=F("position") - 1)


def _promote_first(event):
    """Fill free seats from the head of the waiting list (the system acts: user None)."""
    promoted = []
    while event.seats_left() > 0:
        first = (
            event.registrations.filter(state=RegistrationState.WAITLISTED)
            .order_by("position", "pk")
            .first()
        )
        if first is None:
            break
        promoted.append(_promote(None, event, first))
    return promoted


def _promote(actor, event, registration):
    position = registration.position
    _step(registration, "promote", actor)
    Registration.objects.filter(pk=registration.pk).update(position=None)
    registration.position = None
    _close_gap(event, position)
    emails.promoted(registration)
    return registration


def cancel(actor, registration):
    """Cancel; a freed seat goes at once to the first person waiting, who is told by e-mail.
    Returns the people promoted."""

    @transaction.atomic
    def attempt():
        event = _locked_event(registration.event)
        current = Registration.objects.get(pk=registration.pk)
        position = current.position
        _step(current, "cancel", actor)
        Registration.objects.filter(pk=current.pk).update(position=None)
        _close_gap(event, position)
        emails.cancelled(current, actor)
        return _promote_first(event)

    return retry_when_locked(attempt)()


def promote(manager, registration):
    @transaction.atomic
    def attempt():
        event = _locked_event(registration.event)
        return _promote(manager, event, Registration.objects.get(pk=registration.pk))

    return retry_when_locked(attempt)()


def check_in(manager, registration):
    @transaction.atomic
    def attempt():
        current = Registration.objects.get(pk=registration.pk)
        if current.state == RegistrationState.ATTENDED:
            return current  # scanned twice: nothing to do
        _step(current, "check_in", manager)
        Registration.objects.filter(pk=current.pk).update(attended_at=timezone.now())
        return current

    return retry_when_locked(attempt)()


def mark_no_show(manager, registration):
    return retry_when_locked(lambda: _step(registration, "no_show", manager))()


@transaction.atomic
def set_registration_closed(manager, event, closed=True):
    """Close (or reopen) registration; reopening fills any free seats from the waiting list."""
    require(permissions.can_manage_events(manager))
    locked = _locked_event(event)
    EventPage.objects.filter(pk=locked.pk).update(registration_closed=closed)
    locked.registration_closed = closed
    logger.info(
        "Registration for event %s %s by %s",
        locked.pk,
        "closed" if closed else "opened",
        manager.pk,
    )
    return [] if closed else _promote_first(locked)


def fill_free_seats(manager, event):
    """After a program manager raised the capacity: promote as many as now fit."""
    require(permissions.can_manage_events(manager))
    with transaction.atomic():
        return _promote_first(_locked_event(event))
