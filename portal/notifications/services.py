"""Telling members what happened: in-app notifications plus an e-mail each, in their language."""

import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from portal.links import language_of
from portal.models import Notification

from .email import enqueue_email

logger = logging.getLogger(__name__)


@transaction.atomic
def notify(recipients, *, title, body="", url="", kind="", email=True):
    """Create a notification for each recipient and queue its e-mail in the same transaction.

    ``title``, ``body`` and ``url`` may be lazy (translations, ``portal.links.link``): each
    recipient's copy is rendered in their preferred language. Inactive users and duplicates are
    skipped.
    """
    users = {user.pk: user for user in recipients if user is not None and user.is_active}.values()
    notifications = []
    for user in users:
        with translation.override(language_of(user)):
            notifications.append(
                Notification(
                    recipient=user, kind=kind, title=str(title)[:200], body=str(body), url=str(url)
                )
            )
    Notification.objects.bulk_create(notifications)
    if email:
        for notification in notifications:
            # A member who turned e-mail off on their profile reads it at /me/notifications/.
            if not notification.recipient.email_notifications:
                continue
            key = f"notification:{notification.pk}" if notification.pk else None
            enqueue_email(_email_for(notification), key=key)
    logger.info("Notified %s people: %s", len(notifications), kind or title)
    return notifications


def _email_for(notification):
    user = notification.recipient
    with translation.override(language_of(user)):
        context = {
            "notification": notification,
            "user": user,
            "link": f"{settings.SITE_URL}{notification.url}" if notification.url else "",
            "site_name": settings.WAGTAIL_SITE_NAME,
            "settings_link": f"{settings.SITE_URL}{reverse('portal:notifications')}",
        }
        text = render_to_string("notifications/email/notification.txt", context)
        html = render_to_string("notifications/email/notification.html", context)
    # A line break in a header makes the message unsendable, so the subject is one line.
    subject = " ".join(f"[{settings.WAGTAIL_SITE_NAME}] {notification.title}".split())
    message = EmailMultiAlternatives(
        subject=subject,
        body=text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[user.email],
    )
    message.attach_alternative(html, "text/html")
    return message


@transaction.atomic
def mark_read(user, ids=None):
    """Mark the user's notifications read: those in ``ids``, or all. Others' ids are ignored."""
    unread = Notification.objects.filter(recipient=user, read_at__isnull=True)
    if ids is not None:
        unread = unread.filter(pk__in=ids)
    return unread.update(read_at=timezone.now())
