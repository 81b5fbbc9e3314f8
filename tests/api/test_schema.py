"""The OpenAPI 3 schema describes every dataset's fields and validates; a client that reads
only the schema can call every operation without a server error."""

import pytest
from openapi_spec_validator import validate

from portal import datasets as registry
from programs.datasets import PILOTS
from tests.api.conftest import API, THINGS, make_pilot

pytestmark = pytest.mark.django_db


@pytest.fixture
def schema(client, things):
    response = client.get(f"{API}schema/")
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    return response.json()


def test_the_schema_is_valid_openapi_3(schema):
    assert schema["openapi"].startswith("3.")
    validate(schema)


def test_each_dataset_has_its_operations_and_record_component(schema):
    for dataset in registry.datasets():
        assert f"{API}{dataset.slug}/" in schema["paths"], dataset.slug
        assert f"{API}{dataset.slug}/{{id}}/" in schema["paths"], dataset.slug
    assert {f"{API}schema/", f"{API}docs/"}.isdisjoint(schema["paths"])
    assert not [path for path in schema["paths"] if path.startswith("/admin/")]
    record = schema["components"]["schemas"]["PilotsRecord"]
    assert list(record["properties"]) == ["api_url", "page_url", *PILOTS.field_names()]
    properties = record["properties"]
    assert properties["id"]["type"] == "integer"
    assert properties["agencies"] == {
        "type": "array",
        "items": {"type": "string"},
        "readOnly": True,
        "nullable": True,
        "description": "The government agencies involved.",
        "title": "Agencies",
    }
    assert properties["start_date"]["format"] == "date"
    things = schema["components"]["schemas"]["TestThingsRecord"]["properties"]
    assert things["verified"]["type"] == "boolean"
    assert things["created"]["format"] == "date-time"
    listing = schema["paths"][f"{API}pilots/"]["get"]
    names = {parameter["name"] for parameter in listing["parameters"]}
    assert names == {"page", "page_size", "lang", "pillar", "agency", "stage", "year"} | {
        "origin",
        "district",
        "programme",
    }
    assert listing["responses"]["200"]["content"]["application/json"]["schema"]["$ref"] == (
        "#/components/schemas/PaginatedPilotsRecordList"
    )
    assert set(listing["responses"]) == {"200", "400", "404", "429"}


def test_a_client_reading_only_the_schema_can_call_every_operation(client, schema, network):
    pilot = make_pilot(network, "Flood sensors")
    ids = {"pilots": pilot.pk, THINGS: network.lead.pk}
    components = schema["components"]["schemas"]
    for path, operations in schema["paths"].items():
        slug = path.removeprefix(API).split("/")[0]
        address = path.replace("{id}", str(ids.get(slug, 1)))
        response = client.get(address)
        assert response.status_code < 500, address
        if response.status_code != 200 or slug not in ids:
            continue
        content = operations["get"]["responses"]["200"]["content"]["application/json"]
        reference = content["schema"]["$ref"].rsplit("/", 1)[1]
        body = response.json()
        if "results" in body:
            assert set(components[reference]["properties"]) == set(body)
            item = body["results"][0]
            reference = components[reference]["properties"]["results"]["items"]["$ref"]
            reference = reference.rsplit("/", 1)[1]
        else:
            item = body
        assert list(components[reference]["properties"]) == list(item), address


def test_the_docs_are_served_from_the_portal_itself(client):
    response = client.get(f"{API}docs/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js" in html
    assert "https://" not in html.split("<body>")[1]  # no CDN
    script = client.get(f"{API}docs/?script=")
    assert script.status_code == 200 and f"{API}schema/" in script.content.decode()
