"""Site search over records and pages: every public type found, private never; facets, snippets,
pagination, the index following changes, and a bounded query count."""

import re

import pytest
from django.utils.html import escape

from partners.models import Organisation
from programs.pilots import services as pilot_services
from tests.conftest import XSS_PAYLOADS, assert_harmless, page_queries
from tests.factories import OrganisationFactory, ProgramManagerFactory
from tests.portal.search_world import WORD, build_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(demo_site):
    return build_world()


def _html(client, path, params=None):
    response = client.get(path, params or {})
    assert response.status_code == 200, path
    return response.content.decode()


def _link(html, text):
    """The href of the first link whose visible text starts with ``text``."""
    for href, inner in re.findall(r'<a href="([^"]*)"[^>]*>(.*?)</a>', html, re.S):
        if re.sub(r"<[^>]+>", "", inner).strip().startswith(text):
            return href.replace("&amp;", "&")
    raise AssertionError(f"no link {text!r}")


def _facet(html, param):
    """The href of the facet link that sets ``param`` (e.g. "type=pilots")."""
    match = re.search(rf'<a href="(\?[^"]*{re.escape(param)}[^"]*)"', html.replace("&amp;", "&"))
    assert match, param
    return match.group(1)


def _count(html):
    return int(re.search(r'<p role="status"[^>]*>(\d+) result', html).group(1))


def _results(html):
    return re.findall(r'<h2 class="result-list__title"><a href="([^"]*)"', html)


def test_every_public_record_type_is_found_and_nothing_private(client, world):
    html = _html(client, "/en/search/", {"q": WORD})
    found = _results(html)
    pilots = "/en/pilots/"
    expected = [
        f"/en/partners/{world.organisation.slug}/",
        f"/en/agencies/{world.agency.slug}/",
        f"{pilots}{world.pilot.slug}/",
        f"/en/events/speakers/{world.speaker.slug}/",
        f"/projects/{world.project.pk}/",
        world.event.url,
        world.programme.url,
        world.recommendation.url,
        world.page.url,
    ]
    for address in expected:
        assert any(address in href for href in found), (address, found)
    assert "secret" not in html.lower()
    assert _count(html) == len(expected)
    for label in (
        "Organisation",
        "Government agency",
        "Pilot project",
        "Speaker",
        "Hackathon project",
        "Event",
        "Programme",
        "Policy recommendation",
        "Page",
    ):
        assert f'<p class="search-result__type">{label}</p>' in html, label
    # Every result's link opens its public page.
    for href in found:
        assert client.get(href).status_code == 200, href
    # The Indonesian site finds the same records, linked in Indonesian.
    html = _html(client, "/id/search/", {"q": WORD})
    assert f"/id/pilots/{world.pilot.slug}/" in html
    assert f"/id/partners/{world.organisation.slug}/" in html
    assert "secret" not in html.lower()


def test_facets_narrow_the_results_and_count_them_right(client, world):
    html = _html(client, "/en/search/", {"q": WORD})
    assert 'aria-label="Narrow the results"' in html
    assert '<search aria-label="Search the portal">' in html  # a labelled search landmark
    pilots_link = _facet(html, "type=pilots")
    assert re.search(r'type=pilots"[^>]*>Pilot projects <span class="facet-count">\(1\)', html)
    narrowed = _html(client, "/en/search/" + pilots_link)
    assert _count(narrowed) == 1
    assert _results(narrowed) == [f"/en/pilots/{world.pilot.slug}/"]
    assert 'aria-current="true"' in narrowed
    # The pillar facet counts the organisation and the pilot tagged with it.
    html = _html(client, "/en/search/", {"q": WORD})
    assert re.search(r"Smart Environment\s*<span class=\"facet-count\">\(2\)", html)
    by_pillar = _html(client, "/en/search/" + _facet(html, "pillar=smart-environment"))
    assert _count(by_pillar) == 2
    # The year facet: the pilot started in 2023.
    by_year = _html(client, "/en/search/" + _facet(narrowed, "year=2023"))
    assert _results(by_year) == [f"/en/pilots/{world.pilot.slug}/"]
    # Removing the type filter brings everything back.
    assert _count(_html(client, "/en/search/" + _link(narrowed, "Clear filters"))) == _count(html)


def test_snippets_mark_the_words_and_hostile_text_stays_text(client, world):
    html = _html(client, "/en/search/", {"q": "kampung floods"})
    assert "<mark>kampung</mark>" in html
    assert "<mark>floods</mark>" in html
    hostile = OrganisationFactory(
        name=f"{WORD} hostile", description="flood " + " ".join(XSS_PAYLOADS)
    )
    html = _html(client, "/en/search/", {"q": "hostile flood"})
    assert f"/en/partners/{hostile.slug}/" in html
    assert_harmless(html)
    for payload in XSS_PAYLOADS:
        response = client.get("/en/search/", {"q": f"{WORD} {payload}"})
        assert response.status_code == 200, payload
        page = response.content.decode()
        assert_harmless(page)
        if "<" in payload:
            assert payload not in page
            assert escape(payload) in page or escape(payload)[:40] in page


def test_the_index_follows_a_pilot_being_created_renamed_and_unpublished(client, world, settings):
    """With the public page cache on, as in production: results are cached for anonymous
    visitors, and every change the public can see shows at once."""
    settings.PORTAL_PAGE_CACHE = True
    manager = ProgramManagerFactory()
    pilot = pilot_services.propose_pilot(
        by=manager,
        origin="direct",
        title="Mangrove planting drones",
        lead_organisation=world.organisation,
    )
    assert "Mangrove" not in _html(client, "/en/search/", {"q": "mangrove"})  # not published
    pilot_services.set_published(manager, pilot, True)
    assert f"/en/pilots/{pilot.slug}/" in _html(client, "/en/search/", {"q": "mangrove"})
    again = client.get("/en/search/", {"q": "mangrove"})
    assert again["X-Portal-Cache"] == "hit"
    assert again["Cache-Control"].startswith("public")
    pilot_services.update_pilot(manager, pilot, {"title": "Seagrass planting drones"})
    assert f"/en/pilots/{pilot.slug}/" not in _html(client, "/en/search/", {"q": "mangrove"})
    assert f"/en/pilots/{pilot.slug}/" in _html(client, "/en/search/", {"q": "seagrass"})
    # The pilot is found by its lead organisation's name, also after the organisation is renamed.
    world.organisation.name = "Yayasan Terumbu Lestari"
    world.organisation.save()
    found = _html(client, "/en/search/", {"q": "terumbu"})
    result = found[found.index(f"/en/pilots/{pilot.slug}/") :]
    assert "<mark>Terumbu</mark>" in result[: result.index("</li>")]  # the match is shown
    pilot_services.set_published(manager, pilot, False)
    assert f"/en/pilots/{pilot.slug}/" not in _html(client, "/en/search/", {"q": "seagrass"})
    # An organisation that loses its verification leaves the results at once.
    Organisation.objects.filter(pk=world.organisation.pk).update(verification_state="suspended")
    assert world.organisation.slug not in _html(client, "/en/search/", {"q": WORD})


def test_the_results_page_costs_the_same_queries_with_ten_times_the_records(client, world):
    manager = ProgramManagerFactory()

    def grow(count, start):
        for number in range(start, start + count):
            organisation = OrganisationFactory(name=f"{WORD} partner {number}")
            pilot = pilot_services.propose_pilot(
                by=manager,
                origin="direct",
                title=f"{WORD} pilot {number}",
                lead_organisation=organisation,
            )
            pilot_services.set_published(manager, pilot, True)

    grow(2, 0)
    small = page_queries(client, f"/en/search/?q={WORD}")
    grow(18, 2)
    large = page_queries(client, f"/en/search/?q={WORD}")
    assert large == small
    # The second page is reached through the Next link, and shows the rest.
    html = _html(client, "/en/search/", {"q": WORD})
    assert _count(html) == 9 + 40
    following = _html(client, "/en/search/" + _link(html, "Next"))
    assert 'rel="prev"' in following
    assert len(_results(following)) == 10
