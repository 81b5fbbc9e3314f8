"""django-q2 job: remind agencies that sit on a pilot invitation for more than 14 days.

Production's qcluster runs ``remind_agencies`` daily (a Schedule created by the migration
programs/0004). Each involvement is claimed with a conditional UPDATE of ``reminded_at`` before
its reminder is sent, so it is reminded once per 14-day period however often the job runs.
"""

import logging
from datetime import timedelta

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from portal.notifications.services import notify
from programs.models import PilotAgency
from programs.models.pilots import REVIEW_OVERDUE_DAYS

from . import notices

logger = logging.getLogger(__name__)


def remind_agencies(now=None):
    now = now or timezone.now()
    period_ago = now - timedelta(days=REVIEW_OVERDUE_DAYS)
    due = (
        PilotAgency.objects.overdue(now=now)
        .filter(Q(reminded_at__isnull=True) | Q(reminded_at__lt=period_ago))
        .exclude(pilot__state__in=("adopted", "discontinued"))
        .select_related("pilot", "agency")
    )
    sent = 0
    for involvement in due:
        with transaction.atomic():
            claimed = (
                PilotAgency.objects.filter(pk=involvement.pk, state="invited")
                .filter(Q(reminded_at__isnull=True) | Q(reminded_at__lt=period_ago))
                .update(reminded_at=now)
            )
            if claimed:
                notice = notices.reminder(involvement)
                notify(
                    notice.recipients,
                    title=notice.title,
                    body=notice.body,
                    url=notice.url,
                    kind="programs.pilot_agency.reminder",
                )
                sent += 1
    logger.info("Pilot invitation reminders sent: %s", sent)
    return sent
