"""Programme and policy lists and pages cost the same number of queries at ten times the data."""

from datetime import date

import pytest
from django.urls import reverse

from portal.models import Pillar
from programs.models import GovernmentResponse
from programs.services import take_step
from tests.conftest import page_queries
from tests.factories import OrganisationFactory
from tests.programs.conftest import make_programme, make_recommendation

pytestmark = pytest.mark.django_db


queries = page_queries


def _recommendations(index, programme, start, count, manager):
    pillars = list(Pillar.objects.filter(locale__language_code="en")[:2])
    for number in range(start, start + count):
        agencies = [OrganisationFactory(kind="agency") for _ in range(2)]
        page = make_recommendation(
            index,
            title=f"Recommendation {number}",
            programme=programme,
            agencies=agencies,
            pillars=pillars,
            date=date(2021, 1, 1 + number % 28),
        )
        response = GovernmentResponse.objects.filter(recommendation=page).first()
        take_step(manager, response, "consider")


def test_policy_index_and_pages_do_not_grow_with_recommendations(client, indexes, cast):
    programme_index, policy_index = indexes
    programme = make_programme(programme_index, title="Smart Change")
    _recommendations(policy_index, programme, 0, 3, cast.manager)
    first = GovernmentResponse.objects.order_by("pk").first().recommendation
    addresses = [
        policy_index.url,
        policy_index.url + "?response=awaiting&pillar=smart-governance",
        policy_index.url + "feed/",
        programme.url,
        first.url,
        programme_index.url,
    ]
    few = [queries(client, address) for address in addresses]
    _recommendations(policy_index, programme, 3, 27, cast.manager)
    for step in ("accept", "implement"):
        response = GovernmentResponse.objects.filter(recommendation=first).first()
        take_step(cast.manager, response, step, text="Yes.", date=date(2022, 1, 1))
    for _ in range(9):
        make_programme(programme_index, title="Another programme")
    assert [queries(client, address) for address in addresses] == few


def test_the_liaison_list_does_not_grow_with_responses(client, indexes, cast):
    _, policy_index = indexes
    make_recommendation(policy_index, title="One", agencies=[cast.agency])
    client.force_login(cast.liaison)
    address = reverse("programs:responses")
    few = queries(client, address)
    for number in range(10):
        make_recommendation(policy_index, title=f"More {number}", agencies=[cast.agency])
    assert queries(client, address) == few


def test_a_recommendation_page_reads_its_themes_and_agencies_once(client, indexes, cast):
    """The template reads the pillars, goals and target agencies in several places."""
    programme_index, policy_index = indexes
    programme = make_programme(programme_index, title="Smart Change")
    _recommendations(policy_index, programme, 0, 2, cast.manager)
    page = GovernmentResponse.objects.order_by("pk").first().recommendation
    statements = page_queries(client, page.url).statements

    def reading(table):
        return [sql for sql in statements if f'FROM "{table}"' in sql]

    assert len(reading("partners_organisation")) == 1, reading("partners_organisation")
    # The page's own pillars and those of the related recommendations; the names in the
    # reader's language come from the frame cache (portal.taxonomy.localised_names).
    assert len(reading("portal_pillar")) == 2, reading("portal_pillar")
