"""Scheduled housekeeping for background jobs (django-q2 Schedules from portal's migration 0007).

- ``sweep_outbox`` (every 10 minutes) queues again any e-mail still waiting well after it was due:
  the broker keeps its tasks, so this only matters if an operator emptied the queue or django-q2
  gave a task up after ``max_attempts`` crashes.
- ``clean_up`` (daily) deletes what finished jobs leave behind: sent e-mails (their message was
  already emptied when sent), e-mails given up long ago (their message may hold a reset link),
  finished one-off schedules and old task results.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_q.conf import Conf
from django_q.models import OrmQ, Schedule, Task

from portal.models import OutgoingEmail

from .email import JOB_PATH, queue_delivery

logger = logging.getLogger(__name__)


def _days(name, default):
    return timedelta(days=getattr(settings, name, default))


def sweep_outbox(now=None):
    """Queue again the e-mails that are due but no task has sent. Returns how many."""
    now = now or timezone.now()
    late = now - timedelta(seconds=Conf.RETRY + (Conf.TIMEOUT or 0))
    queued = 0
    for outgoing in OutgoingEmail.objects.pending().filter(next_attempt_at__lt=late):
        with transaction.atomic():
            queue_delivery(outgoing)
        queued += 1
    if queued:
        logger.warning("Outbox sweep queued %s late e-mail(s) again", queued)
    return queued


@transaction.atomic
def retry_email(outgoing):
    """Try a given-up (or waiting) e-mail again now; the admin's retry action. False if sent."""
    outgoing = OutgoingEmail.objects.select_for_update().get(pk=outgoing.pk)
    if outgoing.sent_at is not None or not outgoing.payload:
        return False
    outgoing.failed_at = None
    outgoing.attempts = 0
    outgoing.next_attempt_at = timezone.now()
    outgoing.save(update_fields=["failed_at", "attempts", "next_attempt_at"])
    queue_delivery(outgoing)
    logger.info("E-mail %s queued again by hand", outgoing.key)
    return True


@transaction.atomic
def clean_up(now=None):
    """Delete finished job leftovers older than their retention. Returns counts by kind."""
    now = now or timezone.now()
    sent_before = now - _days("PORTAL_SENT_EMAIL_RETENTION_DAYS", 30)
    failed_before = now - _days("PORTAL_FAILED_JOB_RETENTION_DAYS", 14)
    message_before = now - _days("PORTAL_FAILED_EMAIL_MESSAGE_RETENTION_DAYS", 3)
    results_before = now - _days("PORTAL_JOB_RESULT_RETENTION_DAYS", 7)
    counts = {
        "sent e-mails": OutgoingEmail.objects.filter(sent_at__lt=sent_before).delete()[0],
        "failed e-mails": OutgoingEmail.objects.filter(failed_at__lt=failed_before).delete()[0],
        # The row stays for the record (to whom, what, why it failed); the links in its text
        # have expired, so the text goes.
        "failed e-mail messages": OutgoingEmail.objects.failed()
        .filter(failed_at__lt=message_before)
        .exclude(payload={})
        .update(payload={}),
        # One-off schedules that ran keep repeats=0 (the e-mail retries of older releases held
        # whole messages, reset links included); pending ones are kept.
        "finished schedules": Schedule.objects.filter(
            schedule_type=Schedule.ONCE, repeats=0
        ).delete()[0],
        "task results": Task.objects.filter(success=True, stopped__lt=results_before).delete()[0],
        "failed tasks": Task.objects.filter(success=False, stopped__lt=failed_before).delete()[0],
        # Results of the pre-outbox e-mail task hold the message in their arguments.
        "old e-mail task results": Task.objects.filter(func=JOB_PATH, success=True).delete()[0],
    }
    logger.info("Job clean-up: %s", ", ".join(f"{n} {kind}" for kind, n in counts.items()))
    return counts


def oldest_queued_age(now=None):
    """Seconds the oldest task that may run now has waited in the queue (0 when none)."""
    now = now or timezone.now()
    oldest = OrmQ.objects.filter(lock__lte=now).order_by("lock").values_list("lock", flat=True)
    first = oldest.first()
    return max(0.0, (now - first).total_seconds()) if first else 0.0
