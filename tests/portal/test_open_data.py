"""The open-data catalogue (/open-data/, portal/open_data/): every public dataset listed and
downloadable as CSV, JSON and XLSX with its declared columns; one Frictionless Data Package that
the real ``frictionless`` tool validates; a DCAT catalogue a CKAN harvester can read; nothing
unpublished, private or personal in any of it; formulas neutralised (docs/open-data.md)."""

import csv
import io
import json
import re
import zipfile

import frictionless
import pytest
import rdflib
from openpyxl import load_workbook
from wagtail.models import Locale

from events.models import Speaker, Submission, Team
from partners.models import Membership
from portal.datasets import datasets, get
from portal.i18n import synchronise_page_trees
from portal.models import HomePage
from programs.models import Pilot
from tests.conftest import XSS_PAYLOADS, assert_harmless, count_queries
from tests.events.conftest import make_event, make_hackathon
from tests.factories import OrganisationFactory, UserFactory
from tests.partners.conftest import make_challenge
from tests.programs.conftest import make_programme, make_recommendation

pytestmark = pytest.mark.django_db

EVERY_DATASET = {
    "organisations",
    "agencies",
    "challenges",
    "events",
    "speakers",
    "hackathon-results",
    "programmes",
    "policy-recommendations",
    "government-responses",
    "pilot-adoptions",
    "pilots",
}
FORMULA = '=HYPERLINK("http://evil.example","click")'
SECRETS = (
    "Shadow Collective",
    "Secret draft dialogue",
    "Hidden pilot",
    "Hidden project",
    "Draft challenge",
    "member@qlue.example",
    "Draft programme",
)


def _indexes():
    from events.demo import _index as events_index
    from events.hackathons.demo import _index as hackathons_index
    from partners import demo as partners_demo
    from partners.demo_challenges import _index as challenges_index
    from programs import demo as programs_demo
    from programs.pilots.demo import index as pilots_index

    home = HomePage.objects.get(locale__language_code="en")
    target = Locale.objects.get(language_code="id")
    partners_demo._directories(home, target)
    found = {
        "challenges": challenges_index(home, target),
        "events": events_index(home, target),
        "hackathons": hackathons_index(home, target),
        "pilots": pilots_index(home, target),
    }
    found["programmes"], found["policy"] = programs_demo._indexes(home, target)
    synchronise_page_trees()
    return found


def make_pilot(title, lead, published=True, **fields):
    return Pilot.objects.create(
        title=title,
        slug=re.sub(r"\W+", "-", title.lower()).strip("-"),
        origin="direct",
        lead_organisation=lead,
        is_published=published,
        summary=fields.pop("summary", ""),
        **fields,
    )


def make_project(hackathon, title, state="submitted", hidden=False):
    team = Team.objects.create(hackathon=hackathon, name=f"Team {title}")
    return Submission.objects.create(
        hackathon=hackathon, team=team, state=state, title=title, hidden_from_gallery=hidden
    )


@pytest.fixture
def world(demo_site):
    found = _indexes()
    qlue = OrganisationFactory(name="Qlue", description=f"<p>{FORMULA}</p>")
    OrganisationFactory(name="Shadow Collective", verification_state="pending")
    agency = OrganisationFactory(name="Department of Water Resources", kind="agency")
    Membership.objects.create(
        organisation=qlue, user=UserFactory(email="member@qlue.example"), role="owner"
    )
    make_challenge(found["challenges"], title="Flood sensors", agency=agency)
    make_challenge(found["challenges"], title="Draft challenge", agency=agency, live=False)
    make_event(found["events"], title="Flood policy dialogue")
    make_event(found["events"], title="Secret draft dialogue", live=False)
    make_programme(found["programmes"], title="Smart Change")
    make_programme(found["programmes"], title="Draft programme", live=False)
    make_recommendation(found["policy"], title="Open the sensor data", agencies=[agency])
    Speaker.objects.create(
        name="Sri Mulyani",
        slug="sri-mulyani",
        title="Economist",
        title_id="Ekonom",
        bio="- a leading voice",
    )
    make_pilot("PintarGo", qlue, summary=FORMULA)
    make_pilot("Hidden pilot", qlue, published=False)
    hackathon = make_hackathon(found["hackathons"])
    make_project(hackathon, "Banjir Alert")
    make_project(hackathon, "Hidden project", hidden=True)
    return found


def _download(client, slug, fmt, language="en"):
    response = client.get(f"/{language}/open-data/{slug}.{fmt}")
    assert response.status_code == 200, (slug, fmt)
    assert response["Content-Disposition"] == f'attachment; filename="{slug}.{fmt}"'
    assert response["Cache-Control"].startswith("public"), response["Cache-Control"]
    return response


def _csv(client, slug):
    return list(csv.reader(io.StringIO(_download(client, slug, "csv").content.decode())))


def _xlsx(client, slug):
    book = load_workbook(io.BytesIO(_download(client, slug, "xlsx").content))
    return list(book.active.iter_rows())


def test_every_dataset_is_declared_once_and_listed_in_both_languages(client, world):
    assert {dataset.slug for dataset in datasets()} >= EVERY_DATASET
    for language in ("en", "id"):
        home = client.get(f"/{language}/")
        assert f'href="/{language}/open-data/"' in home.content.decode()  # the footer link
        page = client.get(f"/{language}/open-data/")
        assert page.status_code == 200
        assert page["Cache-Control"].startswith("public")
        html = page.content.decode()
        assert f'<html lang="{language}">' in html
        for dataset in datasets():
            for fmt in ("csv", "json", "xlsx"):
                assert f'href="/{language}/open-data/{dataset.slug}.{fmt}"' in html
            assert f'href="/{language}/open-data/{dataset.slug}/"' in html
        assert "CC-BY-4.0" in html


def test_a_dataset_page_explains_every_field_and_carries_schema_org_markup(client, world):
    catalogue = client.get("/en/open-data/").content.decode()
    link = re.search(r'href="(/en/open-data/pilots/)"', catalogue).group(1)
    page = client.get(link)
    html = page.content.decode()
    for field in get("pilots").fields:
        assert f"<code>{field.name}</code>" in html
        assert str(field.description).replace("'", "&#x27;") in html
    markup = json.loads(re.search(r'application/ld\+json"[^>]*>(.*?)</script>', html, re.S)[1])
    assert markup["@type"] == "Dataset"
    assert markup["license"] == "https://creativecommons.org/licenses/by/4.0/"
    assert {d["contentUrl"].rsplit(".", 1)[1] for d in markup["distribution"]} == {
        "csv",
        "json",
        "xlsx",
    }
    indonesian = client.get("/id/open-data/pilots/")
    assert indonesian.status_code == 200 and '<html lang="id">' in indonesian.content.decode()


def test_downloads_in_three_formats_have_the_declared_columns(client, world):
    for dataset in datasets():
        names = dataset.field_names()
        rows = _csv(client, dataset.slug)
        assert rows[0] == names, dataset.slug
        document = json.loads(_download(client, dataset.slug, "json").content)
        assert [f["name"] for f in document["schema"]["fields"]] == names
        assert all(list(record) == names for record in document["records"])
        assert document["count"] == len(document["records"]) == len(rows) - 1
        assert [cell.value for cell in _xlsx(client, dataset.slug)[0]] == names


def test_only_published_public_records_and_no_personal_data(client, world):
    expected = {
        "organisations": "Qlue",
        "agencies": "Department of Water Resources",
        "challenges": "Flood sensors",
        "events": "Flood policy dialogue",
        "programmes": "Smart Change",
        "policy-recommendations": "Open the sensor data",
        "government-responses": "Department of Water Resources",
        "speakers": "Sri Mulyani",
        "pilots": "PintarGo",
        "hackathon-results": "Banjir Alert",
    }
    for dataset in datasets():
        for fmt in ("csv", "json", "xlsx"):
            body = _download(client, dataset.slug, fmt).content
            if fmt == "xlsx":
                body = "".join(str(c.value) for row in _xlsx(client, dataset.slug) for c in row)
            else:
                body = body.decode()
            for secret in SECRETS:
                assert secret not in body, (dataset.slug, fmt, secret)
            assert not re.search(r"[\w.+-]+@[\w-]+\.\w+", body), (dataset.slug, fmt)  # no e-mail
            if dataset.slug in expected:
                assert expected[dataset.slug] in body, (dataset.slug, fmt)
        for field in dataset.field_names():
            assert not re.search(r"e-?mail|phone|password|user|member", field), field
    # Pages: one row per language version, the versions sharing their translation key.
    events = json.loads(_download(client, "events", "json").content)["records"]
    assert {row["language"] for row in events} == {"en", "id"}
    assert len({row["translation_key"] for row in events}) == 1


def test_a_formula_in_any_cell_is_text_in_csv_and_xlsx(client, world):
    rows = _csv(client, "pilots")
    summary = rows[0].index("summary")
    assert rows[1][summary] == "'" + FORMULA
    cells = _xlsx(client, "pilots")
    cell = cells[1][summary]
    assert cell.value == FORMULA and cell.data_type == "s"  # shown as text, never calculated
    organisations = _csv(client, "organisations")
    description = organisations[0].index("description")
    assert all(not row[description].startswith(("=", "+", "-", "@")) for row in organisations)
    speakers = _csv(client, "speakers")
    assert speakers[1][speakers[0].index("bio_en")] == "'- a leading voice"


def test_hostile_input_stays_data_in_every_format(client, world):
    org = OrganisationFactory(name="Hostile", description="\n".join(XSS_PAYLOADS))
    records = json.loads(_download(client, "organisations", "json").content)["records"]
    stored = next(r for r in records if r["id"] == org.pk)
    assert stored["name"] == "Hostile"
    response = _download(client, "organisations", "json")
    assert response["Content-Type"].startswith("application/json")
    assert response["X-Content-Type-Options"] == "nosniff"
    _xlsx(client, "organisations")  # control characters never break the workbook
    assert_harmless(client.get("/en/open-data/organisations/").content.decode())


def test_the_data_package_validates_with_frictionless(client, world, tmp_path):
    descriptor = client.get("/en/open-data/datapackage.json")
    assert descriptor.status_code == 200
    package = json.loads(descriptor.content)
    assert {r["name"] for r in package["resources"]} == {d.slug for d in datasets()}
    assert all(r["path"].endswith(f"/open-data/{r['name']}.csv") for r in package["resources"])
    assert package["licenses"][0]["name"] == "CC-BY-4.0"
    response = client.get("/en/open-data/datapackage.zip")
    assert response["Content-Disposition"] == 'attachment; filename="datapackage.zip"'
    path = tmp_path / "datapackage.zip"
    path.write_bytes(response.content)
    with zipfile.ZipFile(path) as archive:
        assert set(archive.namelist()) == {"datapackage.json"} | {
            f"data/{d.slug}.csv" for d in datasets()
        }
        members = {name: archive.read(name) for name in archive.namelist()}
    report = frictionless.validate(str(path))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    assert len(report.tasks) == len(datasets())
    # The tool really reads the cells against the schema: a broken number fails it.
    broken = tmp_path / "broken.zip"
    members["data/pilots.csv"] = re.sub(
        rb"\r\n\d+,", b"\r\none,", members["data/pilots.csv"], count=1
    )
    with zipfile.ZipFile(broken, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    assert not frictionless.validate(str(broken)).valid


def test_the_dcat_catalogue_parses_as_json_ld_and_names_every_distribution(client, world):
    response = client.get("/en/open-data/catalog.jsonld")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/ld+json")
    graph = rdflib.Graph().parse(data=response.content.decode(), format="json-ld")
    dcat = rdflib.Namespace("http://www.w3.org/ns/dcat#")
    dct = rdflib.Namespace("http://purl.org/dc/terms/")
    catalogs = list(graph.subjects(rdflib.RDF.type, dcat.Catalog))
    assert len(catalogs) == 1
    listed = {
        str(graph.value(d, dct.identifier)): d for d in graph.objects(catalogs[0], dcat.dataset)
    }
    assert set(listed) == {d.slug for d in datasets()}
    for slug, node in listed.items():
        assert graph.value(node, dct.license) == rdflib.URIRef(
            "https://creativecommons.org/licenses/by/4.0/"
        )
        formats = {
            str(graph.value(dist, dct["format"])) for dist in graph.objects(node, dcat.distribution)
        }
        assert formats == {"CSV", "JSON", "XLSX"}, slug
        for dist in graph.objects(node, dcat.distribution):
            assert str(graph.value(dist, dcat.downloadURL)).startswith("http")
    modified = graph.value(listed["pilots"], dct.modified)
    assert modified is not None and modified.datatype == rdflib.XSD.dateTime


def test_the_licence_and_introduction_set_in_site_settings_are_what_readers_see(client, world):
    from portal.models import SiteSettings

    settings = SiteSettings.for_site(world_site())
    settings.open_data_licence = "CC0-1.0"
    settings.open_data_intro = "The network's data <b>for everyone</b>."
    settings.open_data_intro_id = "Data jaringan untuk semua."
    settings.save()
    english = client.get("/en/open-data/").content.decode()
    assert "CC0-1.0" in english
    assert "The network&#x27;s data &lt;b&gt;for everyone&lt;/b&gt;." in english
    assert "Data jaringan untuk semua." in client.get("/id/open-data/").content.decode()
    package = json.loads(client.get("/en/open-data/datapackage.json").content)
    assert package["licenses"][0]["name"] == "CC0-1.0"
    assert "publicdomain/zero" in client.get("/en/open-data/catalog.jsonld").content.decode()


def world_site():
    from wagtail.models import Site

    return Site.objects.get(is_default_site=True)


def _grow(world, times):
    lead = OrganisationFactory(name=f"Lead {times}")
    agency = OrganisationFactory(kind="agency")
    for number in range(times):
        OrganisationFactory(name=f"Partner {times}-{number}")
        make_pilot(f"Pilot {times}-{number}", lead)
        Speaker.objects.create(name=f"Speaker {times}-{number}", slug=f"speaker-{times}-{number}")
    for number in range(times // 5 or 1):
        make_event(world["events"], title=f"Event {times}-{number}")
        make_challenge(world["challenges"], title=f"Challenge {times}-{number}", agency=agency)


def _download_queries(client):
    costs = {}
    for dataset in datasets():
        for fmt in ("csv", "json", "xlsx"):
            client.get(f"/en/open-data/{dataset.slug}.{fmt}")
            with count_queries() as queries:
                client.get(f"/en/open-data/{dataset.slug}.{fmt}")
            costs[dataset.slug, fmt] = len(queries)
    with count_queries() as queries:
        client.get("/en/open-data/datapackage.zip")
    costs["zip"] = len(queries)
    return costs


def test_download_queries_stay_flat_as_the_data_grows(client, world):
    _grow(world, 2)
    small = _download_queries(client)
    _grow(world, 20)
    large = _download_queries(client)
    assert large == small


def test_every_record_links_to_its_public_page_and_filters_match_the_pages(client, world):
    for dataset in datasets():
        rows = list(dataset.rows())
        for record in rows:
            path = dataset.record_url(record) if dataset.record_url else None
            if path:
                assert client.get(path).status_code == 200, (dataset.slug, path)
            if "url" in dataset.field_names() and path:
                assert dataset.row(record)["url"].endswith(path)
    events = get("events")
    assert [e.locale.language_code for e in events.filters["language"](events.rows(), "id")] == [
        "id"
    ]
    organisations = get("organisations")
    agencies = organisations.filters["kind"](organisations.rows(), "agency")
    assert [o.name for o in agencies] == ["Department of Water Resources"]
    with pytest.raises(ValueError):
        events.filters["year"](events.rows(), "not-a-year")
