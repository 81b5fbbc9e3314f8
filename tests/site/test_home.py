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


def test_the_home_page_lists_no_page_of_a_private_section_in_few_queries(client, demo):
    from wagtail.models import PageViewRestriction

    index = EventIndexPage.objects.get(locale__language_code="en")
    with override_settings(PORTAL_PAGE_CACHE=False):
        make_event(index, title="Members-only strategy retreat", days=0.02)
        html = client.get("/en/").content.decode()
        assert "Members-only strategy retreat" in _section(html, "Upcoming events")
        PageViewRestriction.objects.create(page=index, restriction_type="login")
        html = client.get("/en/").content.decode()
    assert "Members-only strategy retreat" not in html
    # Each showcase is one query (the locale joined, private sections a subquery), not three,
    # plus its pictures' renditions in one.
    assert page_queries(client, "/en/") <= 40
