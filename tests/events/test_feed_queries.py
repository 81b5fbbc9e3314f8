"""/events/feed.ics stays flat: the same queries for 3 events as for 30, in both languages, and
its window (ended at most 30 days ago, the first 60 by start) is what docs/events.md promises."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.events.conftest import make_event

pytestmark = pytest.mark.django_db


def feed_queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured), response.content.decode()


def test_the_feed_runs_the_same_queries_for_ten_times_the_events(client, event_index):
    for number in range(3):
        make_event(event_index, title=f"Early event {number}", days=number + 1)
    few = {
        url: feed_queries(client, url)[0] for url in ("/en/events/feed.ics", "/id/events/feed.ics")
    }
    for number in range(27):
        make_event(event_index, title=f"Later event {number}", days=number + 5)
    for url, count in few.items():
        many, text = feed_queries(client, url)
        assert text.count("BEGIN:VEVENT") == 30
        assert many == count, f"{url}: {count} queries for 3 events, {many} for 30"
        assert count <= 8, f"{url}: {count} queries"
    # The Indonesian feed links each event's English (default-language) page.
    assert "/en/events/later-event-26/" in feed_queries(client, "/id/events/feed.ics")[1]


def test_the_feed_leaves_out_events_that_ended_over_thirty_days_ago(client, event_index):
    make_event(event_index, title="Recent past event", days=-20)
    make_event(event_index, title="Long past event", days=-45)
    text = feed_queries(client, "/en/events/feed.ics")[1]
    assert "Recent past event" in text and "Long past event" not in text


def test_the_feed_holds_the_soonest_events_up_to_its_limit(client, event_index, monkeypatch):
    from events.models import EventIndexPage

    monkeypatch.setattr(EventIndexPage, "FEED_LIMIT", 3)
    for days in (40, 10, -5, 30, 20):
        make_event(event_index, title=f"Event in {days} days", days=days)
    text = feed_queries(client, "/en/events/feed.ics")[1]
    assert text.count("BEGIN:VEVENT") == 3
    for kept in ("Event in -5 days", "Event in 10 days", "Event in 20 days"):
        assert kept in text
    assert "Event in 30 days" not in text and "Event in 40 days" not in text
