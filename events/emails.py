"""What members are told about their registrations: a notification at /me/ plus an e-mail in
their language, queued after the commit. Confirmations carry the event as an .ics file (with the
join link of an online event: the recipient is a confirmed participant)."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from portal.links import link_for
from portal.notifications.email import enqueue_email
from portal.notifications.services import notify

TITLES = {
    "confirmed": _("You are registered: %(event)s"),
    "waitlisted": _("You are on the waiting list: %(event)s"),
    "promoted": _("A seat is yours: %(event)s"),
    "cancelled": _("Registration cancelled: %(event)s"),
    "reminder": _("Tomorrow: %(event)s"),
    "follow_up": _("Thank you for joining %(event)s"),
}


def my_events_url(user):
    return link_for(user, "events:mine")


def event_url_for(user, event):
    """The event's address in the member's language (its translation, or the source page)."""
    from wagtail.models import Locale

    locale = Locale.objects.filter(language_code=user.preferred_language).first()
    page = (event.get_translation_or_none(locale) if locale else None) or event
    return f"{settings.SITE_URL}{page.url or ''}"


def ics_attachment(registration):
    from events.calendars import build_calendar

    def join_url(event):
        return event.join_url if event.is_online and registration.is_confirmed else ""

    return build_calendar([registration.event], join_url_for=join_url, method="PUBLISH")


def send(registration, kind, *, attach_ics=False):
    user = registration.user
    event = registration.event
    language = user.preferred_language or settings.LANGUAGE_CODE
    with translation.override(language):
        title = str(TITLES[kind] % {"event": event.title})
        context = {
            "registration": registration,
            "event": event,
            "user": user,
            "event_link": event_url_for(user, event),
            "ticket_link": f"{settings.SITE_URL}{reverse('events:ticket', args=[registration.pk])}",
            "my_events_link": f"{settings.SITE_URL}{my_events_url(user)}",
            "join_url": event.join_url if event.is_online and registration.is_confirmed else "",
            "site_name": settings.WAGTAIL_SITE_NAME,
        }
        body = render_to_string(f"events/email/{kind}.txt", context)
    notify(
        [user], title=title, body=body, url=my_events_url(user), kind=f"events.{kind}", email=False
    )
    message = EmailMultiAlternatives(
        subject=" ".join(f"[{settings.WAGTAIL_SITE_NAME}] {title}".split()),
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[user.email],
    )
    if attach_ics:
        message.attach(f"{event.slug}.ics", ics_attachment(registration), "text/calendar")
    enqueue_email(message)


def registered(registration):
    if registration.is_confirmed:
        send(registration, "confirmed", attach_ics=True)
    else:
        send(registration, "waitlisted")


def promoted(registration):
    send(registration, "promoted", attach_ics=True)


def cancelled(registration, actor):
    send(registration, "cancelled")


def reminder(registration):
    send(registration, "reminder", attach_ics=True)


def follow_up(registration):
    send(registration, "follow_up")
