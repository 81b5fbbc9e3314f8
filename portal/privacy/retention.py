"""The daily retention job: what the portal keeps only for a while.

``apply_retention`` (a django-q2 Schedule from portal's migration) deletes notifications older
than ``PORTAL_NOTIFICATION_RETENTION_DAYS`` and asks each app, through the
``register_retention`` hook (``fn(now) -> {what: count}``), to drop its own expired data (the
IP addresses recorded with People's Choice votes after ``PORTAL_IP_RETENTION_DAYS``). Finished
job payloads and sent e-mails are dropped by ``portal.notifications.jobs.clean_up``.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from wagtail import hooks

from portal.models import Notification

logger = logging.getLogger(__name__)

HOOK = "register_retention"


def cutoff(setting, now):
    return now - timedelta(days=getattr(settings, setting))


@transaction.atomic
def apply_retention(now=None):
    now = now or timezone.now()
    counts = {
        "notifications": Notification.objects.filter(
            created_at__lt=cutoff("PORTAL_NOTIFICATION_RETENTION_DAYS", now)
        ).delete()[0]
    }
    for contribute in hooks.get_hooks(HOOK):
        counts.update(contribute(now))
    logger.info("Retention: %s", ", ".join(f"{n} {what}" for what, n in counts.items()))
    return counts
