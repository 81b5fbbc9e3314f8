"""The impact dashboard (/impact/) and its one source of figures (programs/impact/figures.py):
figures counted from records, the page in both languages, its tables equal to the module's
numbers, its links, flat query counts as data grows, the public cache, hostile text escaped and
the impact-figures dataset."""

import io
import re
from datetime import date
from html.parser import HTMLParser

import pytest
from django.utils import translation
from wagtail.models import Locale

from events.models import Registration, Speaker
from partners.models import Organisation
from portal.datasets import get as get_dataset
from portal.models import HomePage, Pillar
from programs.impact import demo as impact_demo
from programs.impact.figures import figures
from programs.models import (
    Cohort,
    CohortMember,
    ImpactPage,
    Pilot,
    PilotIndexPage,
    ProgrammePage,
)
from tests.conftest import XSS_PAYLOADS, assert_harmless, page_queries
from tests.events.conftest import make_event
from tests.factories import OrganisationFactory, UserFactory
from tests.programs.cohorts import make_cohort
from tests.programs.conftest import make_programme, make_recommendation

pytestmark = pytest.mark.django_db

SVG_ALLOWED = ("script", "meta", "link", "form", "input", "style", "svg")


@pytest.fixture
def site(demo_site, django_capture_on_commit_callbacks):
    """The index pages the dashboard links to, a programme, and /impact/ as the demo seeds it."""
    from events.demo import _index as event_index
    from events.hackathons.demo import _index as hackathon_index
    from partners import demo as partners_demo
    from partners.demo_challenges import _index as challenge_index
    from programs import demo as programs_demo
    from programs.cohorts import demo as cohorts_demo
    from programs.pilots import demo as pilots_demo

    home = HomePage.objects.get(locale__language_code="en")
    target = Locale.objects.get(language_code="id")
    with django_capture_on_commit_callbacks(execute=True):
        events = event_index(home, target)
        hackathon_index(home, target)
        programmes, policy = programs_demo._indexes(home, target)
        pilots_demo.index(home, target)
        cohorts_demo._index(home, target)
        partners_demo._directories(home, target)
        challenge_index(home, target)
        programme = make_programme(programmes, title="Smart Change", slug="smart-change")
        impact_demo.seed(io.StringIO(), home, target)
    from portal.i18n import synchronise_page_trees

    synchronise_page_trees()
    return {"events": events, "policy": policy, "programme": programme, "home": home}


def grow(site, times):
    """``times`` of each kind of record the figures count, linked to the programme."""
    programme = site["programme"]
    governance = Pillar.objects.get(slug="smart-governance", locale__language_code="en")
    agency = OrganisationFactory(name=f"Agency {Organisation.objects.count()}", kind="agency")
    cohort = make_cohort(f"Batch {Cohort.objects.count()}", past=True, programme=programme)
    people = UserFactory.create_batch(times)
    for number in range(times):
        historic = make_event(
            site["events"],
            title=f"Dialogue {number}",
            days=-800 - number,
            recorded_attendance=100,
            programme=programme,
            takes_registrations=False,
        )
        historic.pillars.set([governance])
        historic.speakers.set(
            [
                Speaker.objects.create(
                    name=f"Speaker {number}-{times}", slug=f"speaker-{number}-{times}"
                )
            ]
        )
        historic.save_revision().publish()
        held = make_event(
            site["events"], title=f"Class {number}", days=-3 - number, programme=programme
        )
        Registration.objects.create(event=held, user=people[number], state="attended")
        make_recommendation(
            site["policy"],
            title=f"Recommendation {times}-{number}",
            programme=programme,
            agencies=[agency],
            date=date(2022, 3, 1),
        )
        Pilot.objects.create(
            title=f"Pilot {times}-{number}",
            slug=f"pilot-{times}-{number}",
            lead_organisation=OrganisationFactory(),
            programme=programme,
            is_published=True,
            start_date=date(2023, 1, 1),
        )
        CohortMember.objects.create(cohort=cohort, organisation=OrganisationFactory())


def totals(programme=None):
    return {figure.key: figure.total for figure in figures(programme)}


def test_figures_are_counted_from_the_records_and_move_when_one_changes(site):
    grow(site, 2)
    network, programme = totals(), totals(site["programme"])
    assert network["participants"] == programme["participants"] == 2 * 100 + 2
    assert network["events"] == 4 and network["speakers"] == 2
    assert network["recommendations"] == 2 and network["responses"] == 2
    assert network["pilots"] == 2 and network["startups"] == 2
    assert "challenges" in network and "challenges" not in programme  # network-only
    by_year = dict(figures(keys=["pilots"])[0].by_year)
    assert by_year == {2023: 2}
    # A record changes: the figure moves.
    Pilot.objects.filter(title="Pilot 2-0").update(is_published=False)
    Registration.objects.update(state="no_show")
    after = totals()
    assert after["pilots"] == 1 and after["participants"] == 2 * 100
    for figure in figures():
        assert str(figure.label) and len(str(figure.definition)) > 30


def test_the_programme_page_key_figures_are_the_modules(site):
    grow(site, 1)
    programme = ProgrammePage.objects.get(pk=site["programme"].pk)
    with translation.override("en"):
        shown = {str(label): number for label, number in programme.key_figures()}
        module = {str(f.label): f.total for f in figures(programme) if f.total}
    assert shown == {label: module[label] for label in shown}
    assert shown["participants"] == 101 and shown["pilot projects"] == 1


class _Tables(HTMLParser):
    """Each table's caption and its rows (header text, data-value)."""

    def __init__(self):
        super().__init__()
        self.tables, self._in, self._text = [], None, ""

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.tables.append({"caption": "", "rows": []})
        elif tag in ("caption", "th") and self.tables:
            self._in, self._text = tag, ""
        elif tag == "td" and self.tables:
            value = int(dict(attrs)["data-value"])
            self.tables[-1]["rows"][-1] = (self.tables[-1]["rows"][-1], value)

    def handle_endtag(self, tag):
        if tag == "caption" and self._in == "caption":
            self.tables[-1]["caption"] = " ".join(self._text.split())
        elif tag == "th" and self._in == "th" and self.tables:
            self.tables[-1]["rows"].append(" ".join(self._text.split()))
        if tag in ("caption", "th"):
            self._in = None

    def handle_data(self, data):
        if self._in:
            self._text += data


def tables(html):
    parser = _Tables()
    parser.feed(html)
    return [
        {"caption": t["caption"], "rows": [r for r in t["rows"] if isinstance(r, tuple)]}
        for t in parser.tables
    ]


@pytest.mark.parametrize("language", ["en", "id"])
def test_the_dashboard_tables_show_the_modules_numbers_in_both_languages(client, site, language):
    grow(site, 2)
    response = client.get(f"/{language}/impact/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{language}"' in html
    assert ("Dampak" if language == "id" else "Impact") in html
    with translation.override(language):
        network = {f.key: f for f in figures()}
        found = tables(html)
        charted = [(k, b) for k, b in impact_demo.CHARTS if network[k].series("year")]
        assert len(found) == len(charted) >= 6  # a figure without records says so instead
        for table, (key, breakdown) in zip(found, charted, strict=True):
            figure = network[key]
            name = breakdown if figure.series(breakdown) else "year"
            expected = [(label, value) for label, value, _slug in figure.series(name)]
            assert table["rows"] == expected, key
            assert table["caption"].startswith(str(figure.label).capitalize())
        # Each chart has a text alternative naming its numbers.
        participants = network["participants"]
        alternative = "; ".join(f"{y}: {v}" for y, v in participants.by_year)
        assert alternative in html
        assert f"{participants.total:,}".replace(",", "." if language == "id" else ",") in html


def test_a_visitor_follows_each_link_to_the_records_and_to_the_dataset(client, site):
    grow(site, 1)
    html = client.get("/en/impact/").content.decode()
    records = set(re.findall(r'<a href="([^"]+)">The records behind', html))
    assert len(records) >= 8
    for address in sorted(records):
        assert client.get(address.replace("&amp;", "&")).status_code == 200, address
    # The dataset is linked exactly when /open-data/ serves it: never a dead link.
    served = client.get("/en/open-data/impact-figures/").status_code == 200
    assert ('href="/en/open-data/impact-figures/"' in html) is served
    # A breakdown row links to the list filtered by it: events by type.
    typed = re.search(r'<th scope="row"><a href="(/en/events/\?type=[a-z_]+)">', html)
    assert typed and client.get(typed.group(1)).status_code == 200
    adopted = PilotIndexPage.objects.get(locale__language_code="en").url + "?status=adopted"
    assert f'href="{adopted}"' in html


def test_the_dashboard_costs_the_same_queries_at_ten_times_the_data(client, site):
    grow(site, 1)
    few = len(page_queries(client, "/en/impact/"))
    with translation.override("en"):
        from tests.conftest import count_queries

        with count_queries() as one:
            figures()
    grow(site, 10)
    assert len(page_queries(client, "/en/impact/")) == few
    with translation.override("en"), count_queries() as ten:
        figures()
    assert len(ten) == len(one)


def test_anonymous_visitors_get_the_dashboard_from_the_public_cache(client, site, settings):
    settings.PORTAL_PAGE_CACHE = True
    first = client.get("/en/impact/")
    second = client.get("/en/impact/")
    assert second["X-Portal-Cache"] == "hit"
    assert "public" in second["Cache-Control"] and not second.cookies
    assert first.content == second.content or second.status_code == 200


def test_hostile_names_are_escaped_in_charts_and_tables(client, site):
    payload = next(p for p in XSS_PAYLOADS if "<script" in p.lower())
    OrganisationFactory(name=payload, city=payload, kind="agency")
    page = ImpactPage.objects.get(locale__language_code="en")
    programme = site["programme"]
    programme.title = payload
    programme.save_revision().publish()
    page.sections = [
        ("figure", {"figure": "organisations", "breakdown": "city", "programme": None}),
        ("headline", {"heading": payload, "figures": ["events"], "programme": programme}),
    ]
    page.save_revision().publish()
    html = client.get("/en/impact/").content.decode()
    start = html.index('<div class="container impact">')
    fragment = html[start : html.index("</main>", start) if "</main>" in html else None]
    assert_harmless(fragment, allowed_tags=SVG_ALLOWED)
    assert "&lt;" in fragment


def test_the_impact_figures_dataset_holds_the_dashboards_numbers(site):
    grow(site, 1)
    dataset = get_dataset("impact-figures")
    rows = [dataset.row(record) for record in dataset.rows()]
    network = {f.key: f for f in figures()}
    total = next(
        r
        for r in rows
        if r["figure"] == "participants" and not r["programme"] and r["year"] is None
    )
    assert total["value"] == network["participants"].total == 101
    yearly = {
        r["year"]: r["value"]
        for r in rows
        if r["figure"] == "pilots" and r["programme"] == "smart-change" and r["year"]
    }
    assert yearly == dict(network["pilots"].by_year)
    assert set(dataset.field_names()) == {"id", "figure", "label", "programme", "year", "value"}
    assert len({r["id"] for r in rows}) == len(rows)  # every row its own stable number


def test_each_impact_figure_row_has_its_own_api_address(client, site):
    grow(site, 1)
    listed = client.get("/api/v1/impact-figures/", {"page_size": 5}).json()["results"]
    first = listed[0]
    assert first["api_url"], "each row links to itself"
    detail = client.get(first["api_url"])
    assert detail.status_code == 200
    assert detail.json() == first
    assert client.get("/api/v1/impact-figures/1/").status_code == 404


def test_editors_arrange_the_dashboard_in_the_admin(admin_client, site):
    page = ImpactPage.objects.get(locale__language_code="en")
    response = admin_client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Figure with chart" in html and "Headline figures" in html
