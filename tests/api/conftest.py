"""Shared set-up for the API tests: published pilots around one lead organisation and two
agencies, and a throwaway dataset declared the way an app declares one."""

from dataclasses import dataclass
from datetime import date

import pytest
from django.db.models import Max

from partners.models import Organisation
from portal import datasets as registry
from portal.datasets import Dataset, Field
from portal.models import Pillar
from programs.pilots import services
from tests.factories import OrganisationFactory, ProgramManagerFactory

API = "/api/v1/"


@dataclass
class Network:
    manager: object
    lead: object
    water: object
    transport: object


@pytest.fixture
def network(db):
    return Network(
        manager=ProgramManagerFactory(email="manager@jdcn.example"),
        lead=OrganisationFactory(name="Braga Technologies"),
        water=OrganisationFactory(name="Department of Water Resources", kind="agency"),
        transport=OrganisationFactory(name="Department of Transportation", kind="agency"),
    )


def make_pilot(
    network, title, *, agency=None, pillar="smart-environment", year=2024, published=True, **fields
):
    pillars = Pillar.objects.filter(slug=pillar, locale__language_code="en")
    pilot = services.propose_pilot(
        by=network.manager,
        origin="direct",
        title=title,
        lead_organisation=network.lead,
        pillars=pillars,
        **fields,
    )
    services.invite_agency(network.manager, pilot, agency or network.water, "host")
    pilot.start_date = date(year, 3, 1)
    pilot.save()
    if published:
        services.set_published(network.manager, pilot, True)
    return pilot


def make_pilots(network, count, start=0):
    return [make_pilot(network, f"Pilot {n}") for n in range(start, start + count)]


THINGS = "test-things"


@pytest.fixture
def things():
    """A dataset declared in a test, with no API code: verified organisations."""
    dataset = registry.register(
        Dataset(
            slug=THINGS,
            title="Test things",
            description="Verified organisations, declared by a test.",
            rows=lambda: Organisation.objects.filter(verification_state="verified").order_by("pk"),
            updated=lambda: Organisation.objects.aggregate(m=Max("updated_at"))["m"],
            fields=(
                Field("id", "integer", "Identifier", "The number.", get=lambda o: o.pk),
                Field("name", "string", "Name", "The organisation's name."),
                Field("verified", "boolean", "Verified", "Always true.", get=lambda o: True),
                Field(
                    "created", "datetime", "Created", "When it joined.", get=lambda o: o.created_at
                ),
            ),
            filters={"kind": lambda queryset, value: queryset.filter(kind=value)},
        )
    )
    yield dataset
    registry._registry.pop(THINGS, None)


def follow(client, url, **headers):
    """Every item of a list resource, following its ``next`` links; returns (items, pages)."""
    items, pages = [], 0
    while url:
        response = client.get(url, **headers)
        assert response.status_code == 200, (url, response.content)
        assert "??" not in (response.json()["next"] or "")
        body = response.json()
        items += body["results"]
        pages += 1
        url = body["next"]
    return items, pages
