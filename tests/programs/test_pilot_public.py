"""The public pilot tracker and pages: filters, search, funnel from the records, and never an
unpublished pilot or an internal timeline entry (tracker, page, search, feed, sitemap, export)."""

import re
from datetime import date

import pytest
from django.db.models import Q

from portal.models import Pillar
from programs.models import Pilot
from programs.pilots import services
from tests.conftest import XSS_PAYLOADS, assert_harmless
from tests.programs.pilots import run_to

pytestmark = pytest.mark.django_db


def funnel_numbers(html):
    return {stage: int(count) for stage, count in re.findall(r'data-stage="(\w+)">(\d+)<', html)}


@pytest.fixture
def tracker(pilot_index, world):
    """The world's pilot adopted and published; a second published, an unpublished third."""
    run_to(world, "adopted")
    services.add_note(world.manager, world.pilot, text="SECRET budget talk")
    services.add_note(world.manager, world.pilot, text="Launched in Kampung Melayu", public=True)
    services.update_pilot(
        world.manager, world.pilot, {"districts": ["east"], "start_date": date(2023, 2, 1)}
    )
    services.set_published(world.manager, world.pilot, True)
    pillar = Pillar.objects.get(locale__language_code="en", slug="smart-mobility")
    other = services.propose_pilot(
        by=world.manager,
        origin="challenge_response",
        title="Odd-even enforcement cameras",
        pillars=[pillar],
        lead_organisation=world.lead_org,
    )
    services.update_pilot(
        world.manager, other, {"districts": ["south"], "start_date": date(2024, 3, 1)}
    )
    services.set_published(world.manager, other, True)
    hidden = services.propose_pilot(
        by=world.manager,
        origin="direct",
        title="Hidden HIDDENPILOT",
        lead_organisation=world.lead_org,
    )
    services.invite_agency(world.manager, hidden, world.host, "host")
    return pilot_index, world, other, hidden


def test_the_tracker_lists_published_pilots_with_working_filters(client, tracker):
    index, world, other, _hidden = tracker
    url = index.url
    html = client.get(url).content.decode()
    assert world.pilot.title in html and other.title in html and "HIDDENPILOT" not in html
    cases = {
        "?status=adopted": world.pilot,
        "?status=proposed": other,
        f"?agency={world.host.slug}": world.pilot,
        "?pillar=smart-mobility": other,
        "?origin=challenge_response": other,
        "?origin=direct": world.pilot,
        "?district=south": other,
        "?district=east": world.pilot,
        "?year=2023": world.pilot,
        "?year=2024": other,
        "?q=enforcement": other,
        "?q=River+sensors": world.pilot,
    }
    for query, expected in cases.items():
        html = client.get(url + query).content.decode()
        unexpected = other if expected == world.pilot else world.pilot
        assert expected.title in html and unexpected.title not in html, query
        assert "HIDDENPILOT" not in html
    assert client.get(url + "?q=HIDDENPILOT").content.decode().count("HIDDENPILOT") == 1  # the box


def test_the_funnel_numbers_match_the_records(client, tracker):
    index, _world, _other, _hidden = tracker
    numbers = funnel_numbers(client.get(index.url).content.decode())
    published = Pilot.objects.filter(is_published=True)
    assert numbers == {
        "proposed": published.count(),
        "agency_review": published.filter(reached__gte=1).count(),
        "approved": 1,
        "piloting": 1,
        "evaluation": 1,
        "adopted": 1,
        "discontinued": 0,
    }
    assert numbers["proposed"] == 2  # the unpublished pilot is not counted
    filtered = funnel_numbers(client.get(index.url + "?status=proposed").content.decode())
    assert filtered["proposed"] == 1 and filtered["adopted"] == 0


def test_the_pilot_page_shows_the_public_record_only(client, tracker):
    index, world, _other, hidden = tracker
    html = client.get(index.pilot_url(world.pilot)).content.decode()
    for text in (
        "Adopted",
        world.host.name,
        world.second_host.name,
        "Flood early warning in JAKI",
        "Governor Regulation 12/2024",
        "Warning minutes",
        "Launched in Kampung Melayu",
        "East Jakarta",
        "EVAL-1",
    ):
        assert text in html, text
    assert "SECRET" not in html
    assert client.get(index.pilot_url(hidden)).status_code == 404
    assert client.get(index.url + "no-such-pilot/").status_code == 404
    indonesian = client.get("/id/pilots/" + world.pilot.slug + "/").content.decode()
    assert "Diadopsi" in indonesian or "Adopted" in indonesian  # the catalogue fills in later


def test_unpublished_pilots_are_nowhere_public(client, tracker):
    index, world, other, hidden = tracker
    feed = client.get(index.url + "feed/").content.decode()
    assert other.title in feed and "HIDDENPILOT" not in feed
    export = client.get(index.url + "export/").content.decode()
    assert world.pilot.title in export and "HIDDENPILOT" not in export and "SECRET" not in export
    sitemap = client.get("/sitemap.xml").content.decode()
    assert f"/pilots/{world.pilot.slug}/" in sitemap and hidden.slug not in sitemap
    search = client.get("/en/search/", {"q": "HIDDENPILOT"}).content.decode()
    assert hidden.slug not in search and "Hidden HIDDENPILOT" not in search
    services.set_published(world.manager, world.pilot, False)
    assert client.get(index.pilot_url(world.pilot)).status_code == 404
    assert world.pilot.title not in client.get(index.url + "export/").content.decode()


def test_the_agency_page_lists_the_pilots_it_adopted(client, tracker, demo_site):
    from partners.models import AgencyIndexPage
    from portal.i18n import synchronise_page_trees
    from portal.models import HomePage

    _index, world, _other, _hidden = tracker
    home = HomePage.objects.get(locale__language_code="en")
    agencies = home.add_child(instance=AgencyIndexPage(title="Agencies", slug="agencies"))
    synchronise_page_trees()
    html = client.get(agencies.profile_url(world.host)).content.decode()
    assert "Pilots this agency adopted" in html and world.pilot.title in html
    assert funnel_numbers(html)["adopted"] == 1 and "HIDDENPILOT" not in html
    second = client.get(agencies.profile_url(world.second_host)).content.decode()
    assert (
        funnel_numbers(second)["approved"] == 1
        and world.pilot.title not in second.split("Pilots this agency adopted")[1]
    )


def test_the_programme_page_counts_its_pilots(client, tracker, indexes):
    from tests.programs.conftest import make_programme

    _index, world, _other, hidden = tracker
    programme = make_programme(indexes[0], title="Smart Change")
    Pilot.objects.filter(Q(pk=world.pilot.pk) | Q(pk=hidden.pk)).update(programme=programme)
    html = client.get(programme.url).content.decode()
    assert re.search(r"<strong[^>]*>1</strong> pilot projects", html)
    assert re.search(r"<strong[^>]*>1</strong> pilots adopted", html)
    assert funnel_numbers(html)["adopted"] == 1


def test_hostile_text_is_shown_as_text(client, pilot_index, world):
    for number, payload in enumerate(XSS_PAYLOADS[:25]):
        pilot = services.propose_pilot(
            by=world.manager,
            origin="direct",
            title=f"P{number} {payload}"[:200],
            summary=payload,
            problem=payload,
            lead_organisation=world.lead_org,
        )
        services.add_note(world.manager, pilot, text=payload, public=True)
        services.set_published(world.manager, pilot, True)
        html = client.get(pilot_index.pilot_url(pilot)).content.decode()
        assert_harmless(html.split("<main", 1)[1].split("</main>", 1)[0], allowed_tags=())
    assert_harmless(
        client.get(pilot_index.url).content.decode().split("<main", 1)[1].split("</main>", 1)[0],
        allowed_tags=("form", "input"),
    )
