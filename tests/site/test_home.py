"""The home page shows the network at work (portal/showcases.py): figures from records, what is
coming up and open, the latest recommendations and adopted pilots, in the reader's language,
each linking to a page that answers; fresh on the next anonymous request."""

import re

import pytest
from django.test import override_settings

from events.models import EventIndexPage
from programs.impact.figures import by_key
from tests.conftest import page_queries
from tests.events.conftest import make_event

pytestmark = pytest.mark.django_db

SHOWCASES = {
    "en": [
        "The network in figures",
        "Upcoming events",
        "Open sandbox challenges",
        "Open calls for proposals",
        "Hackathons",
        "Accelerator: open for applications",
        "Latest policy recommendations",
        "Pilots the city adopted",
    ],
    "id": [
        "Jaringan dalam angka",
        "Acara mendatang",
        "Tantangan sandbox yang terbuka",
        "Panggilan proposal yang terbuka",
        "Hackathon",
        "Akselerator: pendaftaran dibuka",
        "Rekomendasi kebijakan terbaru",
        "Proyek percontohan yang diadopsi kota",
    ],
}


def _section(html, heading):
    found = re.search(
        r'<section class="showcase section" aria-labelledby="([^"]+)">\s*<h2 id="\1">'
        + re.escape(heading)
        + r"</h2>(.*?)</section>",
        html,
        re.S,
    )
    assert found, f"no showcase headed {heading!r}"
    return found.group(2)


def _links(fragment):
    return re.findall(r'<a href="([^"]+)"', fragment)


@pytest.mark.parametrize("language", ["en", "id"])
def test_every_showcase_lists_records_that_open(client, demo, language):
    html = client.get(f"/{language}/").content.decode()
    for heading in SHOWCASES[language]:
        links = _links(_section(html, heading))
        assert links, f"{heading}: nothing listed and no link"
        for link in links:
            assert link.startswith(f"/{language}/"), (heading, link)
            assert client.get(link).status_code == 200, (heading, link)


def test_the_figures_are_the_impact_figures(client, demo):
    html = client.get("/en/").content.decode()
    figures = _section(html, "The network in figures")
    totals = by_key(keys=["participants", "pilots", "adopted"], detail=False)
    for key, label in (("participants", "participants"), ("pilots", "pilot projects")):
        number = f"{totals[key].total:,}"
        assert re.search(rf">{re.escape(number)}</strong> {label}<", figures), (key, number)


def test_indonesian_readers_get_indonesian_titles(client, demo):
    html = client.get("/id/").content.decode()
    recommendations = _section(html, "Rekomendasi kebijakan terbaru")
    titles = re.findall(r'<h3 class="card__title"><a href="[^"]+"( lang="en")?>', recommendations)
    assert titles and not any(titles), "Indonesian recommendations shown as English"
    assert "agensi" in recommendations or "instansi" in recommendations


def test_a_new_event_shows_on_the_next_anonymous_request(client, demo):
    with override_settings(PORTAL_PAGE_CACHE=True):
        client.get("/en/")
        assert client.get("/en/")["X-Portal-Cache"] == "hit"
        index = EventIndexPage.objects.get(locale__language_code="en")
        make_event(index, title="Water-sensitive city clinic", days=0.01)
        html = client.get("/en/").content.decode()
    assert "Water-sensitive city clinic" in _section(html, "Upcoming events")


def test_the_home_page_costs_the_same_queries_with_more_events(client, demo):
    before = page_queries(client, "/en/")
    index = EventIndexPage.objects.get(locale__language_code="en")
    for number in range(5):
        make_event(index, title=f"Extra clinic {number}", days=number + 1)
    assert page_queries(client, "/en/") == before


def _figure(html, label):
    found = re.search(rf">([\d,]+)</strong> {label}<", _section(html, "The network in figures"))
    assert found, f"no {label} figure"
    return int(found.group(1).replace(",", ""))


def test_the_cached_figures_follow_the_records(client, demo):
    """The totals are kept in the frame cache; a recorded attendance moves them at once."""
    html = client.get("/en/").content.decode()
    participants = _figure(html, "participants")
    assert _figure(client.get("/en/").content.decode(), "participants") == participants
    index = EventIndexPage.objects.get(locale__language_code="en")
    make_event(index, title="Kampung flood drill", days=-3, recorded_attendance=120)
    html = client.get("/en/").content.decode()
    assert _figure(html, "participants") == participants + 120


def test_a_section_made_private_leaves_the_home_page_at_once(client, demo):
    from wagtail.models import PageViewRestriction

    index = EventIndexPage.objects.get(locale__language_code="en")
    make_event(index, title="Members-only strategy retreat", days=0.02)
    with override_settings(PORTAL_PAGE_CACHE=True):
        client.get("/en/")
        cached = client.get("/en/")
        assert cached["X-Portal-Cache"] == "hit"
        assert "Members-only strategy retreat" in _section(
            cached.content.decode(), "Upcoming events"
        )
        restriction = PageViewRestriction.objects.create(page=index, restriction_type="login")
        assert "Members-only strategy retreat" not in client.get("/en/").content.decode()
        restriction.delete()
        assert "Members-only strategy retreat" in client.get("/en/").content.decode()


def test_the_home_page_costs_few_queries(client, demo):
    """Each showcase is one query plus its pictures' renditions; the locale, the view
    restrictions, the figures and the index links are read once (portal/request_memo.py,
    the frame cache), with or without a private section."""
    from wagtail.models import PageViewRestriction

    assert page_queries(client, "/en/") <= 24
    PageViewRestriction.objects.create(
        page=EventIndexPage.objects.get(locale__language_code="en"), restriction_type="login"
    )
    assert page_queries(client, "/en/") <= 26
