"""Government responses: created on publication, moved by the engine, shown publicly, safely."""

from datetime import date

import pytest
from django.urls import reverse

from portal.models import Notification, TimelineEntry
from portal.workflow import TransitionError
from programs.models import GovernmentResponse
from programs.services import take_step
from tests.conftest import XSS_PAYLOADS, assert_harmless
from tests.programs.conftest import make_recommendation

pytestmark = pytest.mark.django_db


@pytest.fixture
def recommendation(indexes, cast):
    return make_recommendation(indexes[1], agencies=[cast.agency, cast.other_agency])


def response_of(recommendation, agency):
    return GovernmentResponse.objects.get(recommendation=recommendation, agency=agency)


def test_publishing_asks_each_target_agency_once_and_tells_its_liaisons(recommendation, cast):
    assert GovernmentResponse.objects.filter(recommendation=recommendation).count() == 2
    assert Notification.objects.filter(recipient=cast.liaison).count() == 1
    recommendation.save_revision().publish()  # published again: no second row, no second notice
    assert GovernmentResponse.objects.filter(recommendation=recommendation).count() == 2
    assert Notification.objects.filter(recipient=cast.liaison).count() == 1


def test_the_liaison_answers_through_each_step(client, recommendation, cast):
    response = response_of(recommendation, cast.agency)
    client.force_login(cast.liaison)
    address = reverse("programs:response", args=[response.pk])
    client.post(address, {"action": "consider", "expected_state": "pending"})
    response.refresh_from_db()
    assert response.state == "under_consideration"
    reply = client.post(address, {"action": "accept", "expected_state": "under_consideration"})
    assert "Please write a message" in reply.content.decode()  # the text is required
    client.post(
        address,
        {
            "action": "accept",
            "text": "Accepted: sensors open by June.",
            "date": "2024-02-01",
            "reference": "Decree 12/2024",
            "expected_state": "under_consideration",
        },
    )
    response.refresh_from_db()
    assert (response.state, response.reference) == ("accepted", "Decree 12/2024")
    assert response.responded_on == date(2024, 2, 1)
    take_step(cast.liaison, response, "implement", text="Live in JAKI.", date=date(2024, 8, 1))
    response.refresh_from_db()
    assert response.state == "implemented" and response.implemented_on == date(2024, 8, 1)
    with pytest.raises(TransitionError):
        take_step(cast.liaison, response, "reject", text="No.", date=date(2024, 9, 1))
    steps = TimelineEntry.objects.for_object(response).values_list("to_state", flat=True)
    assert list(steps) == ["under_consideration", "accepted", "implemented"]
    # Program managers hear of each step; the liaison too.
    assert Notification.objects.filter(recipient=cast.manager).count() == 3
    assert Notification.objects.filter(
        recipient=cast.liaison, title="A recommendation was implemented"
    ).exists()


@pytest.mark.parametrize("who", ["other_liaison", "member"])
def test_others_get_404_and_change_nothing(client, recommendation, cast, who):
    response = response_of(recommendation, cast.agency)
    client.force_login(getattr(cast, who))
    address = reverse("programs:response", args=[response.pk])
    assert client.get(address).status_code == 404
    assert client.post(address, {"action": "consider"}).status_code == 404
    response.refresh_from_db()
    assert response.state == "pending"


def test_a_program_manager_answers_for_any_agency(client, recommendation, cast):
    response = response_of(recommendation, cast.other_agency)
    client.force_login(cast.manager)
    client.post(reverse("programs:response", args=[response.pk]), {"action": "consider"})
    response.refresh_from_db()
    assert response.state == "under_consideration"


def test_the_liaison_list_shows_only_their_agency(client, recommendation, cast):
    client.force_login(cast.liaison)
    html = client.get(reverse("programs:responses")).content.decode()
    assert f"/me/responses/{response_of(recommendation, cast.agency).pk}/" in html
    assert f"/me/responses/{response_of(recommendation, cast.other_agency).pk}/" not in html
    client.force_login(cast.member)
    assert client.get(reverse("programs:responses")).status_code == 404


def test_the_public_timeline_shows_public_steps_only(client, recommendation, cast):
    response = response_of(recommendation, cast.agency)
    take_step(cast.manager, response, "remind", text="Internal: please answer by Friday.")
    take_step(cast.liaison, response, "consider")
    html = client.get(recommendation.url).content.decode()
    assert "Under consideration" in html
    assert "please answer by Friday" not in html
    client.force_login(cast.liaison)
    private = client.get(reverse("programs:response", args=[response.pk])).content.decode()
    assert "please answer by Friday" in private


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_hostile_response_text_and_reference_are_harmless_on_the_public_page(
    client, recommendation, cast, payload
):
    response = response_of(recommendation, cast.agency)
    take_step(cast.liaison, response, "consider")
    take_step(
        cast.liaison,
        response,
        "accept",
        text=payload,
        date=date(2024, 1, 1),
        reference=payload[:200],
    )
    html = client.get(recommendation.url).content.decode()
    start = html.index('id="responses-heading"')
    assert_harmless(html[start : html.index('id="citation-heading"')], allowed_tags=())
