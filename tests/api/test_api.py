"""The public read API at /api/v1/: generic over the dataset declarations, paginated, filtered,
JSON everywhere, cacheable and readable from any web page."""

import pytest
from django.core.cache import cache

from partners.models import Organisation
from portal import datasets as registry
from portal.datasets import Dataset, Field
from programs.datasets import PILOTS
from programs.models import Pilot
from programs.pilots import services
from tests.api.conftest import API, THINGS, follow, make_pilot, make_pilots
from tests.conftest import XSS_PAYLOADS, page_queries
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def test_the_index_lists_every_dataset_and_each_link_answers(client, network, things):
    response = client.get(API)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert [d["slug"] for d in body["datasets"]] == [d.slug for d in registry.datasets()]
    assert {"pilots", THINGS} <= {d["slug"] for d in body["datasets"]}
    for described in body["datasets"]:
        declared = registry.get(described["slug"])
        assert [f["name"] for f in described["fields"]] == declared.field_names()
        assert described["filters"] == list(declared.filters)
        assert client.get(described["url"]).status_code == 200
    assert client.get(body["schema"]).status_code == 200
    assert client.get(body["docs"]).status_code == 200
    # /api/ itself leads to the current version.
    assert client.get("/api/", follow=True).redirect_chain[-1][0].endswith(API)


def test_a_dataset_declared_with_no_api_code_is_served(client, things):
    first = OrganisationFactory(name="Qlue")
    OrganisationFactory(name="Unverified", verification_state="pending")
    items, _pages = follow(client, f"{API}{THINGS}/")
    assert [item["name"] for item in items] == ["Qlue"]
    item = items[0]
    assert item["id"] == first.pk and item["verified"] is True and item["page_url"] is None
    assert client.get(item["api_url"]).json() == item
    assert client.get(f"{API}{THINGS}/?kind=agency").json()["count"] == 0


def test_list_and_detail_have_the_declared_fields(client, network):
    pilot = make_pilot(network, "River sensors for flood warning", year=2023)
    body = client.get(f"{API}pilots/").json()
    assert body["count"] == 1
    item = body["results"][0]
    assert list(item) == ["api_url", "page_url", *PILOTS.field_names()]
    assert item["id"] == pilot.pk and item["title"] == "River sensors for flood warning"
    assert item["agencies"] == ["Department of Water Resources"]
    assert item["pillars"] == ["Smart Environment"]
    assert item["start_date"] == "2023-03-01" and item["end_date"] is None
    assert item["lead_organisation"] == "Braga Technologies"
    detail = client.get(item["api_url"])
    assert detail.status_code == 200 and detail.json() == item
    assert item["api_url"] == f"http://testserver{API}pilots/{pilot.pk}/"


def test_pagination_links_lead_to_the_last_page_and_back(client, network):
    pilots = make_pilots(network, 7)
    items, pages = follow(client, f"{API}pilots/?page_size=3")
    assert pages == 3
    assert [item["id"] for item in items] == [p.pk for p in pilots]
    last = client.get(f"{API}pilots/?page_size=3&page=3").json()
    assert last["next"] is None and len(last["results"]) == 1
    back = client.get(last["previous"]).json()
    assert [item["id"] for item in back["results"]] == [p.pk for p in pilots[3:6]]
    assert client.get(f"{API}pilots/?page=9").status_code == 404


def test_the_page_size_is_capped_at_100(client, things):
    Organisation.objects.bulk_create(
        Organisation(
            name=f"Organisation {n}",
            slug=f"organisation-{n}",
            kind="startup",
            verification_state="verified",
        )
        for n in range(105)
    )
    body = client.get(f"{API}{THINGS}/?page_size=1000").json()
    assert body["count"] == 105 and len(body["results"]) == 100
    assert len(client.get(body["next"]).json()["results"]) == 5
    assert len(client.get(f"{API}{THINGS}/").json()["results"]) == 25  # the default


def test_filters_match_the_public_pages(client, network):
    water = make_pilot(network, "Flood sensors", agency=network.water, year=2023)
    transport = make_pilot(
        network, "Bus lanes", agency=network.transport, pillar="smart-mobility", year=2024
    )

    def ids(query):
        response = client.get(f"{API}pilots/?{query}")
        assert response.status_code == 200, response.content
        return [item["id"] for item in response.json()["results"]]

    assert ids(f"agency={network.transport.slug}") == [transport.pk]
    assert ids("pillar=smart-environment") == [water.pk]
    assert ids("year=2023") == [water.pk]
    assert ids(f"stage={water.state}&year=2024") == [transport.pk]
    assert ids("agency=no-such-agency") == []  # an unknown value: nothing matches
    assert ids("year=1999") == []
    Pilot.objects.filter(pk=transport.pk).update(origin="hackathon_submission", districts=["north"])
    Pilot.objects.filter(pk=water.pk).update(districts=["north_west", "east"])
    assert ids("origin=hackathon_submission") == [transport.pk]
    assert ids("district=north") == [transport.pk]  # not "north_west"
    assert ids("district=east") == [water.pk]
    assert ids("programme=no-such-programme") == []


def test_bad_parameters_are_a_json_400(client, network):
    response = client.get(f"{API}pilots/?year=twenty")
    assert response.status_code == 400
    assert response.json()["errors"]["year"] == ["“twenty” is not a valid value here."]
    response = client.get(f"{API}pilots/?colour=red")
    assert response.status_code == 400
    assert "Unknown query parameter" in response.json()["errors"]["colour"][0]
    assert client.get(f"{API}pilots/?lang=fr").status_code == 400


def test_labels_follow_the_language_asked_for(client, network):
    def pilots(datasets):
        return next(d for d in datasets if d["slug"] == "pilots")

    english = pilots(client.get(API).json()["datasets"])
    response = client.get(f"{API}?lang=id")
    assert response["Content-Language"] == "id"
    indonesian = pilots(response.json()["datasets"])
    assert english["title"] == "Pilot projects"
    assert indonesian["title"] == "Proyek percontohan"


def test_errors_are_json_404s_and_writes_405(client, network):
    unpublished = make_pilot(network, "Hidden pilot", published=False)
    for address in (
        f"{API}nothing/",
        f"{API}pilots/999999/",
        f"{API}pilots/{unpublished.pk}/",
        f"{API}pilots/abc/",
        f"{API}pilots/1/more/",
    ):
        response = client.get(address)
        assert response.status_code == 404, address
        assert response["Content-Type"] == "application/json"
        assert response.json()["status"] == 404 and response.json()["detail"]
    for method in (client.post, client.put, client.patch, client.delete):
        response = method(f"{API}pilots/", data={}, content_type="application/json")
        assert response.status_code == 405
        assert response.json()["status"] == 405
        assert "Access-Control-Allow-Origin" not in response


def test_any_web_page_may_read_it(client, network):
    response = client.get(f"{API}pilots/", HTTP_ORIGIN="https://data.jakarta.go.id")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in response
    preflight = client.options(
        f"{API}pilots/",
        HTTP_ORIGIN="https://data.jakarta.go.id",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="x-api-key",
    )
    assert preflight.status_code == 200
    assert preflight["Access-Control-Allow-Origin"] == "*"
    assert "GET" in preflight["Access-Control-Allow-Methods"]
    assert "X-Api-Key" in preflight["Access-Control-Allow-Headers"]
    assert client.get(f"{API}nothing/")["Access-Control-Allow-Origin"] == "*"


def test_responses_are_cacheable_and_revalidate_by_etag(client, network):
    pilot = make_pilot(network, "Flood sensors")
    response = client.get(f"{API}pilots/")
    assert response["Cache-Control"].startswith("public, max-age=")
    assert response["Last-Modified"]
    etag = response["ETag"]
    assert client.get(f"{API}pilots/", HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert client.get(f"{API}pilots/?page_size=5")["ETag"] != etag
    services.set_published(network.manager, pilot, False)  # a public change: a new version
    fresh = client.get(f"{API}pilots/", HTTP_IF_NONE_MATCH=etag)
    assert fresh.status_code == 200 and fresh.json()["count"] == 0
    assert client.get(f"{API}pilots/{pilot.pk}/").status_code == 404


def test_hostile_text_comes_back_as_json_text(client, network):
    payload = next(line for line in XSS_PAYLOADS if "<script>" in line) + ' "quoted" \\ back\nline'
    pilot = make_pilot(network, "Hostile")
    pilot.refresh_from_db()
    pilot.summary = payload
    pilot.save()
    response = client.get(f"{API}pilots/{pilot.pk}/")
    assert response["Content-Type"] == "application/json"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response.json()["summary"] == payload
    assert b'\\"quoted\\"' in response.content and b"\\n" in response.content


def test_list_and_detail_cost_the_same_queries_at_ten_times_the_rows(client, network):
    first = make_pilots(network, 3)[0]
    addresses = [f"{API}pilots/?page_size=100", f"{API}pilots/{first.pk}/", API]
    few = [len(page_queries(client, address)) for address in addresses]
    make_pilots(network, 27, start=3)
    cache.clear()
    assert [len(page_queries(client, address)) for address in addresses] == few
    assert client.get(addresses[0]).json()["count"] == 30


def test_a_dataset_of_plain_rows_is_served_too(client, db):
    """A computed dataset (impact figures, say) may give dicts rather than a queryset."""
    figures = [{"id": 1, "name": "Participants", "value": 13000}, {"id": 2, "name": "Pilots"}]
    registry.register(
        Dataset(
            slug="test-figures",
            title="Figures",
            description="Computed.",
            rows=lambda: figures,
            fields=(
                Field("id", "integer", "Identifier", "The number.", get=lambda r: r["id"]),
                Field("name", "string", "Name", "The figure.", get=lambda r: r["name"]),
                Field("value", "number", "Value", "Its value.", get=lambda r: r.get("value")),
            ),
        )
    )
    try:
        items, _pages = follow(client, f"{API}test-figures/")
        assert items[0]["value"] == 13000.0 and items[1]["value"] is None
        assert client.get(items[1]["api_url"]).json() == items[1]
        assert client.get(f"{API}test-figures/3/").status_code == 404
    finally:
        registry._registry.pop("test-figures", None)
