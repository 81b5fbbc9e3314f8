"""Shared set-up for pilot tests: the /pilots/ index and a world of roles around one pilot."""

from dataclasses import dataclass

import pytest
from wagtail.models import Locale

from partners.models import Membership
from portal.i18n import synchronise_page_trees
from portal.models import HomePage
from programs.pilots import demo as pilots_demo
from programs.pilots import services
from tests.factories import OrganisationFactory, UserFactory


@pytest.fixture
def pilot_index(demo_site):
    home = HomePage.objects.get(locale__language_code="en")
    page = pilots_demo.index(home, Locale.objects.get(language_code="id"))
    synchronise_page_trees()
    return page


@dataclass
class World:
    lead_org: object
    lead: object
    host: object
    host_liaison: object
    second_host: object
    second_liaison: object
    third_agency: object
    third_liaison: object
    outsider: object
    manager: object
    pilot: object


@pytest.fixture
def world(cast):
    """One proposed pilot led by a start-up; three agencies, each with its own liaison."""
    lead_org = OrganisationFactory(name="Braga Technologies", kind="startup")
    lead = UserFactory(email="lead@braga.example")
    Membership.objects.create(organisation=lead_org, user=lead, role="owner")
    third = OrganisationFactory(name="Department of Transportation", kind="agency")
    third_liaison = UserFactory(email="liaison@transport.example")
    Membership.objects.create(organisation=third, user=third_liaison, role="liaison")
    pilot = services.propose_pilot(
        by=cast.manager,
        origin="direct",
        title="River sensors for flood warning",
        summary="Sensors on the Ciliwung.",
        lead_organisation=lead_org,
    )
    return World(
        lead_org=lead_org,
        lead=lead,
        host=cast.agency,
        host_liaison=cast.liaison,
        second_host=cast.other_agency,
        second_liaison=cast.other_liaison,
        third_agency=third,
        third_liaison=third_liaison,
        outsider=UserFactory(email="outsider@example.org"),
        manager=cast.manager,
        pilot=pilot,
    )


def invite_hosts(world):
    first = services.invite_agency(world.manager, world.pilot, world.host, "host")
    second = services.invite_agency(world.manager, world.pilot, world.second_host, "host")
    return first, second


def run_to(world, stage):
    """Move the world's pilot to ``stage`` through the services, as the roles would."""
    from datetime import date

    pilot = world.pilot
    first, second = invite_hosts(world)
    services.take_step(world.lead, pilot, "request_review")
    if stage == "agency_review":
        return first, second
    services.decide_for_agency(world.host_liaison, first, "accept")
    services.decide_for_agency(world.second_liaison, second, "accept")
    services.take_step(world.manager, pilot, "approve")
    services.take_step(world.lead, pilot, "start")
    if stage == "piloting":
        return first, second
    services.add_indicator(world.lead, pilot, name="Warning minutes", target=90, measured=75)
    services.add_document(
        world.lead, pilot, kind="evaluation_report", title="Evaluation", reference="EVAL-1"
    )
    services.take_step(world.lead, pilot, "evaluate")
    if stage == "evaluation":
        return first, second
    first.refresh_from_db()
    services.record_adoption(
        world.host_liaison,
        first,
        adopted_on=date(2024, 5, 1),
        legal_basis="Governor Regulation 12/2024",
        scale="city_wide",
        service="Flood early warning in JAKI",
    )
    services.take_step(world.manager, pilot, "adopt")
    return first, second
