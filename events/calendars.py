"""Calendars and metadata: iCalendar files (icalendar), "add to calendar" links, schema.org.

The public feed and per-event files never carry the online join link; only the confirmation
e-mail's attachment, sent to a confirmed participant, does.
"""

from datetime import UTC
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from icalendar import Calendar, Event, vText

from .models.pages import AttendanceMode

PRODID = "-//Jakarta Co-creation Portal//Events//EN"
MODE_SCHEMA = {
    AttendanceMode.IN_PERSON: "https://schema.org/OfflineEventAttendanceMode",
    AttendanceMode.ONLINE: "https://schema.org/OnlineEventAttendanceMode",
    AttendanceMode.HYBRID: "https://schema.org/MixedEventAttendanceMode",
}


def absolute(url):
    return url if url.startswith("http") else f"{settings.SITE_URL}{url}"


def location_text(event):
    if event.attendance_mode == AttendanceMode.ONLINE:
        return "Online"
    parts = [event.venue_name, event.venue_address]
    return ", ".join(part for part in parts if part)


def canonical_urls(events, request=None):
    """{event pk: absolute URL of its default-language page}, in one query for any number."""
    from wagtail.models import Locale

    from .models import EventPage

    events = list(events)
    default = Locale.get_default()
    keys = {event.translation_key for event in events if event.locale_id != default.pk}
    canonical = {
        page.translation_key: page
        for page in EventPage.objects.filter(
            translation_key__in=keys, locale=default
        ).select_related("locale")
    }
    return {
        event.pk: absolute(
            (
                event
                if event.locale_id == default.pk
                else canonical.get(event.translation_key, event)
            ).get_url(request)
            or ""
        )
        for event in events
    }


def build_calendar(events, *, join_url_for=None, method=None, urls=None):
    """An iCalendar (bytes) with one VEVENT per event. ``join_url_for(event)`` may add the
    private join link for a confirmed participant; public callers leave it out. ``urls``
    ({pk: url}, see ``canonical_urls``) saves a query per event in long calendars."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", settings.WAGTAIL_SITE_NAME)
    if method:
        calendar.add("method", method)
    for event in events:
        url = urls[event.pk] if urls else absolute(event.canonical().url or "")
        vevent = Event()
        # One UID per event whatever its language, so calendars update instead of duplicating.
        vevent.add("uid", f"event-{event.translation_key}@{settings.SITE_URL.split('//')[-1]}")
        vevent.add("dtstamp", timezone.now().astimezone(UTC))
        vevent.add("dtstart", event.start.astimezone(UTC))
        vevent.add("dtend", event.end.astimezone(UTC))
        vevent.add("summary", event.title)
        description = event.summary
        join_url = join_url_for(event) if join_url_for else ""
        if join_url:
            description = f"{description}\n\n{join_url}"
        vevent.add("description", f"{description}\n\n{url}")
        vevent["location"] = vText(location_text(event))
        vevent.add("url", url)
        calendar.add_component(vevent)
    return calendar.to_ical()


def calendar_response(events, request=None, *, filename="events.ics"):
    events = list(events)
    urls = canonical_urls(events, request)
    response = HttpResponse(
        build_calendar(events, urls=urls), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def google_calendar_link(event):
    """Google Calendar's event template link (no join link: it is public)."""
    fmt = "%Y%m%dT%H%M%SZ"
    dates = f"{event.start.astimezone(UTC).strftime(fmt)}/{event.end.astimezone(UTC).strftime(fmt)}"
    query = {
        "action": "TEMPLATE",
        "text": event.title,
        "dates": dates,
        "details": f"{event.summary}\n\n{absolute(event.url or '')}",
        "location": location_text(event),
        "ctz": "Asia/Jakarta",
    }
    return "https://calendar.google.com/calendar/render?" + urlencode(query)


def structured_data(event, request=None):
    """schema.org Event, as JSON-LD data (never the join link)."""
    url = absolute(event.url or "")
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "description": event.summary,
        "startDate": timezone.localtime(event.start).isoformat(),
        "endDate": timezone.localtime(event.end).isoformat(),
        "eventAttendanceMode": MODE_SCHEMA.get(event.attendance_mode),
        "eventStatus": "https://schema.org/EventScheduled",
        "inLanguage": {"en": "en", "id": "id"}.get(event.language, ["id", "en"]),
        "url": url,
        "organizer": {
            "@type": "Organization",
            "name": settings.WAGTAIL_SITE_NAME,
            "url": settings.SITE_URL,
        },
    }
    locations = []
    if event.has_place:
        place = {"@type": "Place", "name": event.venue_name or "Jakarta"}
        address = event.venue_address or "Jakarta, Indonesia"
        place["address"] = {
            "@type": "PostalAddress",
            "streetAddress": address,
            "addressLocality": "Jakarta",
            "addressCountry": "ID",
        }
        locations.append(place)
    if event.is_online:
        locations.append({"@type": "VirtualLocation", "url": url})
    if locations:
        data["location"] = locations[0] if len(locations) == 1 else locations
    return data
