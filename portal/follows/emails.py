"""The e-mails of followed items (one at once, or a digest), with one-click unsubscribe.

Every such e-mail carries ``List-Unsubscribe`` (the signed link, and ``List-Unsubscribe-Post:
List-Unsubscribe=One-Click`` so mail clients may POST it, RFC 8058): the link turns follow
e-mails off without signing in. They go through the outbox like every e-mail.
"""

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from portal.links import language_of
from portal.notifications.email import enqueue_email

SALT = "portal.follows.unsubscribe"


def unsubscribe_token(user) -> str:
    return signing.dumps({"u": user.pk}, salt=SALT, compress=True)


def user_pk_from_token(token):
    """The member's pk a token was made for, or None when it was tampered with."""
    try:
        return int(signing.loads(token, salt=SALT)["u"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None


def unsubscribe_url(user) -> str:
    with translation.override(language_of(user)):
        path = reverse("portal:follows_unsubscribe", args=[unsubscribe_token(user)])
    return f"{settings.SITE_URL}{path}"


def _message(user, subject, template, context):
    link = unsubscribe_url(user)
    with translation.override(language_of(user)):
        context = {
            **context,
            "user": user,
            "site_name": settings.WAGTAIL_SITE_NAME,
            "unsubscribe_link": link,
            "preferences_link": f"{settings.SITE_URL}{reverse('portal:profile')}",
        }
        text = render_to_string(f"notifications/email/{template}.txt", context)
        html = render_to_string(f"notifications/email/{template}.html", context)
        subject = " ".join(f"[{settings.WAGTAIL_SITE_NAME}] {subject}".split())
    message = EmailMultiAlternatives(
        subject=subject,
        body=text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[user.email],
        headers={
            "List-Unsubscribe": f"<{link}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    message.attach_alternative(html, "text/html")
    return message


def send_immediate(notification):
    """Queue the e-mail of one piece of news (its in-app notification already exists)."""
    user = notification.recipient
    link = f"{settings.SITE_URL}{notification.url}" if notification.url else ""
    message = _message(
        user, notification.title, "follow_news", {"notification": notification, "link": link}
    )
    return enqueue_email(message, key=f"follow:{notification.pk}" if notification.pk else None)


def send_digest(digest, lines):
    """Queue one digest e-mail: ``lines`` are (text, absolute link) in the member's language."""
    from django.utils.translation import gettext as _

    user = digest.user
    with translation.override(language_of(user)):
        if digest.period == "daily":
            subject = _("Your daily digest of followed items")
        else:
            subject = _("Your weekly digest of followed items")
    message = _message(user, subject, "follow_digest", {"lines": lines, "subject": subject})
    return enqueue_email(message, key=f"digest:{user.pk}:{digest.period}:{digest.starts_on}")
