"""Wagtail's own e-mails (moderation: a page submitted, approved, rejected, commented) through
the portal's outbox, like every other e-mail.

Wagtail sends them from ``wagtail.admin.mail`` with an SMTP connection it opens in the editor's
request: a mail server that is down loses them ("notification sending skipped") and slows the
request. Replacing that module's ``send_mail`` and ``get_connection`` (installed once, from
``PortalConfig.ready``) makes each one an ``OutgoingEmail`` written in the request's transaction,
retried by the worker, visible under Jobs → Outgoing e-mails.
"""

from django.conf import settings
from django.core.mail.backends.dummy import EmailBackend
from django.core.mail.message import EmailMultiAlternatives


class _NoConnection(EmailBackend):
    """What Wagtail opens and closes around its sends: nothing (the outbox sends later)."""


def _no_connection(*args, **kwargs):
    return _NoConnection()


def send_mail(subject, message, recipient_list, from_email=None, **kwargs):
    """``wagtail.admin.mail.send_mail``'s signature and message, queued in the outbox."""
    from portal.notifications.email import enqueue_email

    email = EmailMultiAlternatives(
        subject,
        message,
        from_email
        or getattr(settings, "WAGTAILADMIN_NOTIFICATION_FROM_EMAIL", settings.DEFAULT_FROM_EMAIL),
        recipient_list,
        headers={"Auto-Submitted": "auto-generated"},
        bcc=kwargs.get("bcc"),
        cc=kwargs.get("cc"),
        reply_to=kwargs.get("reply_to"),
    )
    if kwargs.get("html_message"):
        email.attach_alternative(kwargs["html_message"], "text/html")
    enqueue_email(email)
    return 1


def install():
    from wagtail.admin import mail as wagtail_mail

    wagtail_mail.send_mail = send_mail
    wagtail_mail.get_connection = _no_connection
    try:  # form pages imported send_mail by name
        from wagtail.contrib.forms import models as form_models
    except ImportError:
        return
    form_models.send_mail = send_mail
