"""The digest job: one e-mail per member and period with the news queued for them.

Production's qcluster runs :func:`send_digests` hourly (a django-q2 Schedule from portal's
migration 0013). A digest goes out once per member and period even with several workers: the
``DigestSent(user, period, starts_on)`` row is unique and is created in the same transaction
that marks the entries sent and queues the e-mail in the outbox; a second worker (or run)
fails to create it and skips that member.
"""

import logging
from collections import defaultdict
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone, translation

from portal.links import language_of
from portal.models import DigestEntry, DigestSent
from portal.models.follows import DIGESTS, Delivery

from . import registry
from .emails import send_digest

logger = logging.getLogger(__name__)


def period_start(period, today):
    """The first day of the period ``today`` is in: itself (daily) or its Monday (weekly)."""
    if period == Delivery.WEEKLY:
        return today - timedelta(days=today.weekday())
    return today


def send_digests(now=None):
    """Send every digest that is due; returns how many were queued."""
    today = timezone.localdate(now)
    sent = 0
    for period in DIGESTS:
        starts_on = period_start(period, today)
        already = DigestSent.objects.filter(
            user=OuterRef("user"), period=period, starts_on=starts_on
        )
        waiting = (
            DigestEntry.objects.filter(period=period, digest__isnull=True)
            .filter(~Exists(already))
            .values_list("user", flat=True)
            .distinct()
        )
        for user_pk in list(waiting):
            sent += _send_one(user_pk, period, starts_on)
    logger.info("Queued %s follow digests", sent)
    return sent


def _send_one(user_pk, period, starts_on):
    with transaction.atomic():
        try:
            with transaction.atomic():
                digest = DigestSent.objects.create(
                    user_id=user_pk, period=period, starts_on=starts_on
                )
        except IntegrityError:
            return 0  # another worker, or an earlier run, sent this period's digest
        entries = list(
            DigestEntry.objects.select_for_update()
            .filter(user_id=user_pk, period=period, digest__isnull=True)
            .select_related("news", "user")
            .order_by("news__created_at", "pk")
        )
        if not entries:
            return 0
        DigestEntry.objects.filter(pk__in=[e.pk for e in entries]).update(digest=digest)
        user = entries[0].user
        if not user.is_active or not user.email_notifications:
            return 0
        lines = _lines(user, [e.news for e in entries])
        if not lines:
            return 0
        send_digest(digest, lines)
    return 1


def _lines(user, news_items):
    """(text, absolute link) per piece of news whose item is still public, in the member's
    language; one query per kind."""
    by_kind = defaultdict(list)
    for news in news_items:
        by_kind[news.kind].append(news)
    lines = []
    with translation.override(language_of(user)):
        items = {}
        for kind, group in by_kind.items():
            followable = registry.get(kind)
            if followable is None:
                continue
            public = list(followable.public().filter(pk__in={n.object_id for n in group}))
            shown = followable.present(public)
            items.update({(kind, i.pk): (followable, i, *shown[i.pk]) for i in public})
        for news in news_items:
            if (news.kind, news.object_id) not in items:
                continue  # no longer public
            followable, item, title, url = items[(news.kind, news.object_id)]
            text = followable.describe_news(item, news, title)
            lines.append((text, f"{settings.SITE_URL}{url}" if url else ""))
    return lines
