"""The demo seed: programmes, 40 published recommendations, a mix of responses; idempotent."""

import io

import pytest

from programs import demo
from programs.models import GovernmentResponse, PolicyRecommendationPage, ProgrammePage

pytestmark = pytest.mark.django_db


def test_the_demo_builds_programmes_recommendations_and_responses(client, demo_programs):
    assert ProgrammePage.objects.filter(locale__language_code="en").count() == 3  # + accelerator
    live = PolicyRecommendationPage.objects.filter(locale__language_code="en").live()
    assert live.count() == 40
    assert PolicyRecommendationPage.objects.filter(locale__language_code="id").live().count() == 40
    states = set(GovernmentResponse.objects.values_list("state", flat=True))
    assert {"pending", "under_consideration", "accepted", "implemented", "rejected"} <= states
    assert GovernmentResponse.objects.overdue().exists()
    awaiting_liaison = GovernmentResponse.objects.filter(
        agency__name="Department of Water Resources", state="pending"
    )
    assert awaiting_liaison.count() >= 3
    counts = (GovernmentResponse.objects.count(), live.count())
    demo.seed(io.StringIO())
    assert (GovernmentResponse.objects.count(), live.count()) == counts
    for language in ("en", "id"):
        assert client.get(f"/{language}/programs/").status_code == 200
        assert client.get(f"/{language}/policy/").status_code == 200
        assert client.get(f"/{language}/programs/smart-change/").status_code == 200
