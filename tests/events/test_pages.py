"""Listing, filters, event pages, join-link visibility, calendars, JSON-LD, check-in, jobs,
figures, and query counts that stay flat with ten times the data."""

import json
import re
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from events import jobs, services
from events.figures import figures_for
from events.models import EventPage, Registration, Speaker
from tests.conftest import count_queries, page_queries
from tests.events.conftest import make_event
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
SECRET = "secret-room"


def _main(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, url
    return response.content.decode()


def test_listing_shows_upcoming_first_then_past_and_filters(client, event_index):
    make_event(event_index, title="Past talk", days=-30, event_type="talk")
    make_event(
        event_index,
        title="Later class",
        days=20,
        event_type="online_class",
        attendance_mode="online",
    )
    make_event(event_index, title="Soon dialogue", days=3)
    html = _main(client, "/en/events/")
    assert html.index("Soon dialogue") < html.index("Later class") < html.index("Past talk")
    html = _main(client, "/en/events/?type=talk")
    assert "Past talk" in html and "Soon dialogue" not in html
    html = _main(client, "/en/events/?mode=online")
    assert "Later class" in html and "Soon dialogue" not in html
    html = _main(client, "/en/events/?q=dialogue")
    assert "Soon dialogue" in html and "Past talk" not in html
    year = (timezone.now() - timedelta(days=30)).year
    assert "Past talk" in _main(client, f"/en/events/archive/{year}/")
    assert "Past talk" in _main(client, "/id/events/")  # the Indonesian tree has them too


def test_listing_carries_schema_org_json_ld_without_the_join_link(client, event):
    html = _main(client, "/en/events/")
    blocks = re.findall(
        r'<script type="application/ld\+json" nonce="[^"]*">(.*?)</script>', html, re.S
    )
    data = [json.loads(block) for block in blocks]
    assert data[0]["@type"] == "Event" and data[0]["name"] == event.title
    assert SECRET not in html


@pytest.mark.parametrize("who", ["visitor", "member", "waitlisted", "cancelled"])
def test_the_join_link_is_hidden_from_all_but_confirmed(client, event, people, who):
    services.register(people[0], event)
    services.register(people[1], event)
    if who == "waitlisted":
        services.register(people[2], event)
        client.force_login(people[2])
    elif who == "cancelled":
        services.cancel(people[0], Registration.objects.get(user=people[0]))
        client.force_login(people[0])
    elif who == "member":
        client.force_login(people[3])
    for url in (
        event.url,
        "/id" + event.url[3:],
        "/en/events/",
        "/en/events/feed.ics",
        "/id/events/feed.ics",
        reverse("events:ics", args=[event.pk]),
    ):
        assert SECRET not in _main(client, url), (who, url)


def test_the_join_link_is_shown_to_confirmed_participants(client, event, people):
    registration = services.register(people[0], event)
    client.force_login(people[0])
    assert SECRET in _main(client, event.url)
    assert SECRET in _main(client, reverse("events:ticket", args=[registration.pk]))


def test_feed_and_event_calendar_parse(client, event_index):
    make_event(event_index, title="First", days=5)
    make_event(event_index, title="Second", days=8)
    response = client.get("/en/events/feed.ics")
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    assert {str(e["summary"]) for e in calendar.walk("VEVENT")} == {"First", "Second"}
    first = EventPage.objects.get(slug="first", locale__language_code="en")
    one = Calendar.from_ical(client.get(reverse("events:ics", args=[first.pk])).content)
    assert [str(e["summary"]) for e in one.walk("VEVENT")] == ["First"]
    html = _main(client, "/en/events/first/")
    assert "calendar.google.com/calendar/render?action=TEMPLATE" in html


def test_ticket_shows_an_inline_svg_qr_code(client, event, people):
    registration = services.register(people[0], event)
    client.force_login(people[0])
    html = _main(client, reverse("events:ticket", args=[registration.pk]))
    svg = re.search(r"<svg[^>]*>.*?</svg>", html, re.S).group(0)
    assert "style=" not in svg and "<script" not in svg and "http" not in svg.split(">")[0]
    assert registration.code in html


def test_check_in_by_search_and_by_code(client, event, people, manager):
    registrations = [services.register(p, event) for p in people[:2]]
    client.force_login(manager)
    page = reverse("events:check_in", args=[event.pk])
    html = _main(client, f"{page}?q={people[0].email}")
    assert people[0].email in html and people[1].email not in html
    client.post(page, {"registration": registrations[0].pk})
    registrations[0].refresh_from_db()
    assert registrations[0].state == "attended" and registrations[0].attended_at
    code_url = reverse("events:check_in_code", args=[registrations[1].code])
    assert people[1].email in _main(client, code_url)
    client.post(code_url)
    registrations[1].refresh_from_db()
    assert registrations[1].state == "attended"
    client.post(code_url)  # scanned twice: still attended, no error
    assert figures_for(EventPage.objects.filter(pk=event.pk))["participants"] == 2


def test_reminder_job_sends_once_and_records_it(
    event_index, people, django_capture_on_commit_callbacks
):
    tomorrow = make_event(event_index, title="Tomorrow", days=1.5, capacity=10)
    make_event(event_index, title="Next week", days=7, capacity=10)
    registration = services.register(people[0], tomorrow)
    services.register(people[1], EventPage.objects.get(title="Next week", locale=tomorrow.locale))
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert jobs.send_reminders() == 1
        assert jobs.send_reminders() == 0
    assert [m.to for m in mail.outbox] == [[people[0].email]]
    Calendar.from_ical(mail.outbox[0].attachments[0][1])
    registration.refresh_from_db()
    assert registration.reminder_sent_at is not None


def test_follow_up_job_sends_materials_once(
    event_index, people, manager, django_capture_on_commit_callbacks
):
    event = make_event(
        event_index,
        title="Soon over",
        days=2,
        capacity=10,
        recording_url="https://video.example.org/rec",
    )
    registration = services.register(people[0], event)
    EventPage.objects.filter(pk=event.pk).update(
        start=timezone.now() - timedelta(hours=5), end=timezone.now() - timedelta(hours=2)
    )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert jobs.send_follow_ups() == 1
        assert jobs.send_follow_ups() == 0
    assert "video.example.org/rec" in mail.outbox[0].body
    registration.refresh_from_db()
    assert registration.follow_up_sent_at


def test_the_hourly_schedule_exists():
    from django_q.models import Schedule

    assert Schedule.objects.filter(func="events.jobs.hourly", schedule_type="H").exists()


def test_figures_count_attendance_plus_recorded_historic_attendance(event_index, people, manager):
    historic = make_event(
        event_index,
        title="2021 dialogue",
        days=-900,
        recorded_attendance=250,
        takes_registrations=False,
    )
    current = make_event(event_index, title="Workshop", days=3, capacity=10)
    speaker = Speaker.objects.create(name="Ayu Santoso")
    for page in (historic, current):
        page.speakers.add(speaker)
        page.save_revision().publish()
    for person in people[:3]:
        services.check_in(manager, services.register(person, current))
    everything = EventPage.objects.all()  # both language trees: counted once each
    assert figures_for(everything) == {
        "events": 2,
        "participants": 253,
        "speakers": 1,
        "attended": 3,
        "recorded_attendance": 250,
    }
    with count_queries() as queries:
        figures_for(everything)
    assert queries == 3


def test_speaker_page_lists_their_events(client, event_index):
    speaker = Speaker.objects.create(
        name="Lena Becker", title="Urban planner", title_id="Perencana kota"
    )
    event = make_event(event_index, title="Mobility talk", days=4)
    event.speakers.add(speaker)
    event.save_revision().publish()
    html = _main(client, "/en/events/speakers/lena-becker/")
    assert "Mobility talk" in html and "Urban planner" in html
    assert "Perencana kota" in _main(client, "/id/events/speakers/lena-becker/")
    _main(client, "/en/events/speakers/nobody/", status=404)


_queries = page_queries


def test_list_and_detail_query_counts_stay_flat(client, event_index, manager):
    speaker = Speaker.objects.create(name="Budi Wijaya")

    def add(count, start):
        for n in range(start, start + count):
            page = make_event(event_index, title=f"Event {n}", days=n + 1, capacity=5)
            page.speakers.add(speaker)
            page.save_revision().publish()
            for person in UserFactory.create_batch(2):
                services.register(person, page)

    add(2, 0)
    first = EventPage.objects.filter(title="Event 0", locale=event_index.locale).first()
    member = Registration.objects.filter(event=first).first().user
    client.force_login(member)
    urls = ["/en/events/", first.url, "/en/events/speakers/budi-wijaya/", reverse("events:mine")]
    few = {url: _queries(client, url) for url in urls}
    add(20, 2)
    for n in range(10):
        services.add_person(
            manager,
            EventPage.objects.get(title=f"Event {n + 2}", locale=event_index.locale),
            member,
        )
    assert {url: _queries(client, url) for url in urls} == few
    client.force_login(manager)
    check_in = reverse("events:check_in", args=[first.pk])
    few = _queries(client, check_in)
    for person in UserFactory.create_batch(3):
        services.add_person(manager, first, person)
    assert _queries(client, check_in) == few
