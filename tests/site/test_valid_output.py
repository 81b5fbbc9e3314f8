"""Valid machine-readable output: <time datetime> without microseconds, feed dates that are
the records' own."""

import re

import pytest

from events.models import EventPage, HackathonPage
from tests.site.readers import head

pytestmark = pytest.mark.django_db


def test_machine_readable_times_and_feed_dates_are_valid_and_the_records_own(client, demo):
    """The Nu checker's rule (no microseconds in <time datetime>) and RSS dated by the
    recommendation's date, not the day the demo was published."""
    from email.utils import parsedate_to_datetime

    from defusedxml import ElementTree

    from programs.models import PolicyRecommendationPage

    hackathon = HackathonPage.objects.live().filter(locale__language_code="en").first()
    event = EventPage.objects.live().filter(locale__language_code="en").first()
    machine_time = re.compile(r"\d{4}-\d\d-\d\d(T\d\d:\d\d:\d\d[+-]\d{4})?")
    for url in (hackathon.url, event.url, "/en/events/"):
        values = re.findall(r'<time datetime="([^"]+)"', head(client, url))
        assert values, url
        assert [v for v in values if not machine_time.fullmatch(v)] == [], url

    feed = ElementTree.fromstring(client.get("/en/policy/feed/").content)
    items = feed.findall("channel/item")
    dates = {
        p.full_url: p.date
        for p in PolicyRecommendationPage.objects.live().filter(locale__language_code="en")
    }
    assert items
    for item in items:
        published = parsedate_to_datetime(item.find("pubDate").text)
        assert published.date() == dates[item.find("guid").text]
        assert published.utcoffset().total_seconds() == 7 * 3600  # midnight in Jakarta
    assert len({item.find("pubDate").text for item in items}) > 1
