"""django-q2 job: remind the team of every overdue milestone, once.

Production's qcluster runs ``remind_overdue`` daily (the Schedule "milestones: overdue
reminders", created by migration programs/0010). It covers every concrete milestone model (any
subclass of ``Milestone``, found in the app registry, so the core names no app). Each milestone
is claimed with a conditional UPDATE of ``reminded_at`` before its notice is created, so it is
reminded once however often the job runs or however many workers run it; a new due date set in
the admin clears ``reminded_at`` (``admin.MilestoneAdminForm``).
"""

import logging

from django.apps import apps
from django.db import transaction
from django.utils import timezone

from portal.notifications.services import notify

from . import notices
from .models import Milestone

logger = logging.getLogger(__name__)
KIND = "portal.milestone.overdue"


def milestone_models():
    return [m for m in apps.get_models() if issubclass(m, Milestone)]


def remind_overdue(now=None):
    now = now or timezone.now()
    today = timezone.localdate(now)
    sent = 0
    for model in milestone_models():
        due = model.reminder_candidates(model.objects.overdue(today).filter(reminded_at=None))
        for milestone in due:
            with transaction.atomic():
                claimed = (
                    model.objects.overdue(today)
                    .filter(pk=milestone.pk, reminded_at=None)
                    .update(reminded_at=now)
                )
                if claimed:
                    notice = notices.overdue(milestone)
                    notify(
                        notice.recipients,
                        title=notice.title,
                        body=notice.body,
                        url=notice.url,
                        kind=KIND,
                    )
                    sent += 1
    logger.info("Overdue milestone reminders sent: %s", sent)
    return sent
