"""django-q2 jobs for events. Production's qcluster runs ``hourly`` (a Schedule created by the
migration events/0002); ``manage.py send_event_reminders`` runs it by hand.

Each e-mail is claimed before it is queued (a conditional UPDATE of ``reminder_sent_at`` or
``follow_up_sent_at``), so a job that runs twice, or on two workers at once, sends it once.
"""

import logging
from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale

from events import emails
from events.models import EventPage, Registration, RegistrationState

logger = logging.getLogger(__name__)

FOLLOW_UP_WINDOW = timedelta(days=7)


def _claim(registration, field):
    now = timezone.now()
    return Registration.objects.filter(pk=registration.pk, **{f"{field}__isnull": True}).update(
        **{field: now}
    )


def send_reminders(now=None):
    """E-mail confirmed participants of events starting in the next 24 to 48 hours, once."""
    now = now or timezone.now()
    due = Registration.objects.filter(
        state=RegistrationState.CONFIRMED,
        reminder_sent_at__isnull=True,
        event__live=True,
        event__locale=Locale.get_default(),
        event__start__gte=now + timedelta(hours=24),
        event__start__lt=now + timedelta(hours=48),
    ).select_related("event", "user")
    sent = 0
    for registration in due:
        with transaction.atomic():
            if _claim(registration, "reminder_sent_at"):
                emails.reminder(registration)
                sent += 1
    logger.info("Event reminders sent: %s", sent)
    return sent


def send_follow_ups(now=None):
    """After an event, thank those who came (or were confirmed) and point to the materials."""
    now = now or timezone.now()
    due = Registration.objects.filter(
        state__in=[RegistrationState.CONFIRMED, RegistrationState.ATTENDED],
        follow_up_sent_at__isnull=True,
        event__live=True,
        event__locale=Locale.get_default(),
        event__end__lt=now,
        event__end__gte=now - FOLLOW_UP_WINDOW,
    ).select_related("event", "user")
    sent = 0
    for registration in due:
        with transaction.atomic():
            if _claim(registration, "follow_up_sent_at"):
                emails.follow_up(registration)
                sent += 1
    EventPage.objects.filter(
        end__lt=now, end__gte=now - FOLLOW_UP_WINDOW, follow_up_sent_at__isnull=True
    ).update(follow_up_sent_at=now)
    logger.info("Event follow-ups sent: %s", sent)
    return sent


def hourly():
    return {"reminders": send_reminders(), "follow_ups": send_follow_ups()}
