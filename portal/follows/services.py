"""Writes of the follow mechanism: following, preferences, and telling followers the news."""

import logging

from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.utils import translation
from django.utils.translation import gettext as _

from portal.links import language_of
from portal.models import (
    DigestEntry,
    Follow,
    FollowPreference,
    ItemNews,
    Notification,
)
from portal.models.follows import DEFAULT_DELIVERY, DIGESTS, Delivery
from portal.services import ActionRefused

from . import registry

logger = logging.getLogger(__name__)


def _target(item):
    followable = registry.for_model(type(item))
    if followable is None:
        raise ActionRefused(_("This cannot be followed."))
    model = followable.model_class
    return followable, ContentType.objects.get_for_model(model), item.pk


@transaction.atomic
def follow(user, item) -> Follow:
    """``user`` follows ``item`` (idempotent). Only public items can be followed."""
    followable, content_type, pk = _target(item)
    if not followable.is_public(item):
        raise ActionRefused(_("This cannot be followed."))
    existing = Follow.objects.filter(
        user=user, content_type=content_type, object_id__in=_versions(item)
    ).first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            existing = Follow.objects.create(
                user=user, content_type=content_type, object_id=pk, kind=followable.kind
            )
    except IntegrityError:  # a double click raced us: the follow exists
        existing = Follow.objects.get(user=user, content_type=content_type, object_id=pk)
    logger.info("Member %s follows %s %s", user.pk, followable.kind, pk)
    return existing


@transaction.atomic
def unfollow(user, item) -> bool:
    _followable, content_type, _pk = _target(item)
    deleted, _rows = Follow.objects.filter(
        user=user, content_type=content_type, object_id__in=_versions(item)
    ).delete()
    return bool(deleted)


def preferences(user) -> dict:
    """``{kind: delivery}`` for every registered kind, defaults included."""
    stored = dict(user.follow_preferences.values_list("kind", "delivery"))
    return {f.kind: stored.get(f.kind, DEFAULT_DELIVERY) for f in registry.kinds()}


@transaction.atomic
def set_preferences(user, choices: dict):
    """Save ``{kind: delivery}``; unknown kinds and empty or unknown values are ignored."""
    valid = set(Delivery.values)
    for kind, delivery in choices.items():
        if registry.get(kind) is None or delivery not in valid:
            continue
        FollowPreference.objects.update_or_create(
            user=user, kind=kind, defaults={"delivery": delivery}
        )
        # News already waiting moves to the digest now chosen, or is dropped (it is in-app).
        waiting = DigestEntry.objects.filter(user=user, news__kind=kind, digest__isnull=True)
        if delivery in DIGESTS:
            waiting.update(period=delivery)
        else:
            waiting.delete()


@transaction.atomic
def stop_follow_emails(user):
    """One-click unsubscribe: every kind becomes in-app only (the follows stay)."""
    set_preferences(user, {f.kind: Delivery.IN_APP for f in registry.kinds()})
    logger.info("Member %s unsubscribed from follow e-mails", user.pk)


@transaction.atomic
def record_news(item, *, verb, pipeline="", state=""):
    """Tell everyone who follows ``item`` (or another language version of it) the news.

    Each follower gets an in-app notification; then, by their preference for the kind, an
    e-mail through the outbox at once, or an entry for their next digest, or nothing more.
    Returns the ``ItemNews``, or None when nobody follows the item.
    """
    followable, content_type, pk = _target(item)
    follows = Follow.objects.filter(content_type=content_type, object_id__in=_versions(item))
    follows = list(follows.select_related("user").filter(user__is_active=True))
    if not follows:
        return None
    news = ItemNews.objects.create(
        content_type=content_type,
        object_id=pk,
        kind=followable.kind,
        verb=verb,
        pipeline=pipeline,
        state=state,
    )
    Follow.objects.filter(pk__in=[f.pk for f in follows]).update(latest_news=news)
    users = {f.user.pk: f.user for f in follows}.values()
    stored = dict(
        FollowPreference.objects.filter(user__in=users, kind=followable.kind).values_list(
            "user", "delivery"
        )
    )
    worded = {}  # language -> (text, url): each language is worded once
    notifications, entries = [], []
    for user in users:
        language = language_of(user)
        if language not in worded:
            with translation.override(language):
                title, url = followable.present([item])[item.pk]
                worded[language] = (followable.describe_news(item, news, title), url)
        text, url = worded[language]
        notifications.append(
            Notification(
                recipient=user, kind=f"follows.{followable.kind}", title=text[:200], url=url or ""
            )
        )
        delivery = stored.get(user.pk, DEFAULT_DELIVERY)
        if user.email_notifications and delivery in DIGESTS:
            entries.append(DigestEntry(user=user, news=news, period=delivery))
    Notification.objects.bulk_create(notifications)
    DigestEntry.objects.bulk_create(entries)
    from .emails import send_immediate

    for notification in notifications:
        user = notification.recipient
        if user.email_notifications and stored.get(user.pk) == Delivery.IMMEDIATE:
            send_immediate(notification)
    logger.info("News of %s %s told %s followers", followable.kind, pk, len(users))
    return news


def _versions(item):
    """The item's pk and, for a page, its other language versions (a subquery): following
    the English page of an event is following the event."""
    from wagtail.models import Page

    if not isinstance(item, Page):
        return [item.pk]
    return Page.objects.filter(translation_key=item.translation_key).values("pk")


def is_following(user, item) -> bool:
    if not user.is_authenticated:
        return False
    _followable, content_type, _pk = _target(item)
    return Follow.objects.filter(
        user=user, content_type=content_type, object_id__in=_versions(item)
    ).exists()
