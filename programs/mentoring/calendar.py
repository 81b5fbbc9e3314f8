"""One booked session as an iCalendar file, for the start-up's and the mentor's calendars."""

from datetime import UTC

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from icalendar import Calendar, Event, vText

PRODID = "-//Co-creation portal//Office hours//EN"


def booking_calendar(booking):
    slot = booking.slot
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    vevent = Event()
    vevent.add("uid", f"office-hours-{booking.pk}@{settings.SITE_URL.split('//')[-1]}")
    vevent.add("dtstamp", timezone.now().astimezone(UTC))
    vevent.add("dtstart", slot.starts_at.astimezone(UTC))
    vevent.add("dtend", slot.ends_at.astimezone(UTC))
    vevent.add("summary", f"{slot.mentor.name} · {booking.member.organisation.name}")
    vevent.add("description", booking.need or "")
    vevent["location"] = vText(slot.location)
    if booking.state == "cancelled":
        vevent.add("status", "CANCELLED")
    calendar.add_component(vevent)
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="office-hours-{booking.pk}.ics"'
    return response
