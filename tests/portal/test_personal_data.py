"""A member downloads everything the portal holds about them (UU 27/2022), and nobody else's."""

import json

import pytest

from partners.models import Membership
from portal.models import Notification
from tests.conftest import XSS_PAYLOADS
from tests.factories import DEFAULT_PASSWORD, OrganisationFactory, UserFactory
from tests.partners.factories import ProposalFactory

pytestmark = pytest.mark.django_db


def _download(client, user):
    client.login(email=user.email, password=DEFAULT_PASSWORD)
    response = client.get("/en/me/data/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="personal-data-')
    assert "no-store" in response["Cache-Control"]
    return response, json.loads(response.content)


def test_export_holds_the_members_own_data_and_nobody_elses(client):
    hostile = XSS_PAYLOADS[0]
    me = UserFactory(name=f"Sari {hostile}")
    other = UserFactory(name="Other Person")
    mine, theirs = OrganisationFactory(name="Kampung Kita"), OrganisationFactory(name="Their Co")
    Membership.objects.create(organisation=mine, user=me, role="owner")
    Membership.objects.create(organisation=theirs, user=other, role="owner")
    Membership.objects.create(organisation=mine, user=other, role="member")
    ProposalFactory(organisation=mine, created_by=me, title="Sensors for Ciliwung")
    ProposalFactory(organisation=mine, created_by=other, title="Their own proposal")
    Notification.objects.create(recipient=me, title="Your proposal moved", body="to review")
    Notification.objects.create(recipient=other, title="Secret of the other member")

    response, data = _download(client, me)

    assert data["profile"]["email"] == me.email
    assert data["profile"]["name"] == me.name  # as typed, in JSON; never run as markup
    assert [a["email"] for a in data["email_addresses"]] == [me.email]
    assert data["memberships"] == [
        {
            "organisation": "Kampung Kita",
            "role": "owner",
            "joined": data["memberships"][0]["joined"],
        }
    ]
    assert [p["title"] for p in data["proposals"]] == ["Sensors for Ciliwung"]
    assert [n["title"] for n in data["notifications"]] == ["Your proposal moved"]
    for section in ("event_registrations", "hackathon_teams", "peoples_choice_votes"):
        assert data[section] == []
    text = response.content.decode()
    for foreign in (other.email, "Other Person", "Their Co", "Their own proposal", "Secret of"):
        assert foreign not in text
    assert response["X-Content-Type-Options"] == "nosniff"


def test_export_needs_a_signed_in_member(client):
    response = client.get("/en/me/data/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_dashboard_links_to_the_download(client, demo_site):
    me = UserFactory()
    client.login(email=me.email, password=DEFAULT_PASSWORD)
    assert 'href="/en/me/data/"' in client.get("/en/me/").content.decode()
