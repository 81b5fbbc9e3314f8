"""Forms where abuse is cheap answer 429 after a handful of tries, and change nothing then."""

import pytest
from django.urls import reverse

from partners.models import Organisation

pytestmark = pytest.mark.django_db


def test_registering_organisations_is_rate_limited(client, member):
    client.force_login(member)
    for number in range(5):
        response = client.post(
            reverse("partners:request"),
            {"name": f"Kampung {number}", "kind": "ngo", "city": "Jakarta", "country": "Indonesia"},
        )
        assert response.status_code == 302
    response = client.post(
        reverse("partners:request"),
        {"name": "Kampung spam", "kind": "ngo", "city": "Jakarta", "country": "Indonesia"},
    )
    assert response.status_code == 429
    assert "Too many attempts" in response.content.decode()
    assert not Organisation.objects.filter(name="Kampung spam").exists()
    # Reading the form is never limited.
    assert client.get(reverse("partners:request")).status_code == 200


def test_the_limit_is_per_member(client, member):
    from tests.factories import UserFactory

    client.force_login(member)
    for number in range(6):
        client.post(reverse("partners:request"), {"name": f"A {number}", "kind": "ngo"})
    client.force_login(UserFactory())
    response = client.post(reverse("partners:request"), {"name": "Someone else's", "kind": "ngo"})
    assert response.status_code == 302
