"""The tracker, a pilot's page, the feed, the export and the member screens cost the same number
of queries at ten times the pilots."""

import pytest
from django.urls import reverse

from portal.models import Pillar
from programs.pilots import services
from tests.conftest import page_queries
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


queries = page_queries


def _pilots(world, start, count):
    pillars = list(Pillar.objects.filter(locale__language_code="en")[:2])
    for number in range(start, start + count):
        pilot = services.propose_pilot(
            by=world.manager,
            origin="direct",
            pillars=pillars,
            title=f"Pilot {number}",
            lead_organisation=world.lead_org,
        )
        for role in ("host", "observer"):
            services.invite_agency(world.manager, pilot, OrganisationFactory(kind="agency"), role)
        services.add_indicator(world.manager, pilot, name="Reach", target=10, measured=5)
        services.add_milestone(world.manager, pilot, title="Start", due_on="2024-01-01")
        services.add_note(world.manager, pilot, text="Public", public=True)
        services.take_step(world.manager, pilot, "request_review")
        services.set_published(world.manager, pilot, True)


def test_pilot_pages_do_not_grow_with_pilots(client, pilot_index, world):
    _pilots(world, 0, 3)
    services.set_published(world.manager, world.pilot, True)
    public = [
        pilot_index.url,
        pilot_index.url + "?status=agency_review&pillar=smart-governance",
        pilot_index.url + "feed/",
        pilot_index.url + "export/",
        pilot_index.pilot_url(world.pilot),
    ]
    member = [
        reverse("programs:pilots"),
        reverse("programs:pilot", args=[world.pilot.pk]),
        reverse("pilots_board"),
        reverse("pilots:index"),
        reverse("pilot_agencies:index"),
        reverse("adoption_records:index"),
    ]
    few = [queries(client, address) for address in public]
    client.force_login(world.manager)
    few_member = [queries(client, address) for address in member]
    _pilots(world, 3, 27)
    client.logout()
    assert [queries(client, address) for address in public] == few
    client.force_login(world.manager)
    assert [queries(client, address) for address in member] == few_member
