"""Deleting an account (by the member, or by a program manager on request) erases the person and
keeps the public record; the retention job drops what is kept only for a while."""

from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from django.contrib.messages import get_messages
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from partners.models import Membership, Proposal
from portal.models import Notification, OutgoingEmail, User
from portal.privacy.retention import apply_retention
from tests.conftest import XSS_PAYLOADS
from tests.factories import (
    DEFAULT_PASSWORD,
    OrganisationFactory,
    ProgramManagerFactory,
    SuperuserFactory,
    UserFactory,
)
from tests.partners.factories import ProposalFactory

pytestmark = pytest.mark.django_db


def _signed_in(client, user):
    assert client.login(email=user.email, password=DEFAULT_PASSWORD)
    return client


@pytest.fixture
def sari():
    user = UserFactory(name="Sari Wulandari", email="sari@example.org")
    organisation = OrganisationFactory(name="Kampung Kita")
    membership = Membership.objects.create(organisation=organisation, user=user, role="owner")
    # The site history labels entries with the object's text, which names the member.
    log(instance=membership, action="wagtail.create", user=user)
    log(instance=organisation, action="wagtail.edit", user=user)
    ProposalFactory(organisation=organisation, created_by=user, title="Sensors for Ciliwung")
    Notification.objects.create(recipient=user, title="Your proposal moved")
    OutgoingEmail.objects.create(key="k1", recipients=user.email, subject="Hello")
    return user


def _assert_erased(user):
    user = User.objects.get(pk=user.pk)
    assert user.erased_at is not None
    assert "sari" not in user.email.lower() and user.name == ""
    assert str(user) == "Former member"
    assert not user.is_active and not user.has_usable_password()
    assert not EmailAddress.objects.filter(user=user).exists()
    assert not Notification.objects.filter(recipient=user).exists()
    assert not OutgoingEmail.objects.filter(recipients="sari@example.org").exists()
    assert not Membership.objects.filter(user=user).exists()
    # The public record stays, with its organisation.
    proposal = Proposal.objects.get(title="Sensors for Ciliwung")
    assert proposal.organisation.name == "Kampung Kita"
    assert ModelLogEntry.objects.filter(action="portal.account_erased", object_id=str(user.pk))
    return user


def _assert_history_forgets(name):
    labels = list(ModelLogEntry.objects.values_list("label", flat=True))
    assert "Former member · Kampung Kita (Owner)" in labels and "Kampung Kita" in labels
    assert not [label for label in labels if name.lower() in label.lower()]


def _site_history_csv(client):
    client.force_login(SuperuserFactory())
    response = client.get("/admin/reports/site-history/", {"export": "csv"})
    assert response.status_code == 200
    return b"".join(response.streaming_content).decode()


def test_a_member_deletes_their_own_account_after_confirming(client, sari):
    _signed_in(client, sari)
    page = client.get("/en/me/delete/")
    assert page.status_code == 200 and "no-store" in page["Cache-Control"]
    assert "/en/me/delete/" in client.get("/en/me/").content.decode()

    unticked = client.post("/en/me/delete/", {"password": DEFAULT_PASSWORD})
    assert "Tick the box to confirm" in unticked.content.decode()
    wrong = client.post("/en/me/delete/", {"password": "not-it", "understood": "on"})
    assert "That is not your password." in wrong.content.decode()
    assert "checked" in wrong.content.decode()  # what was ticked stays ticked
    assert User.objects.get(pk=sari.pk).erased_at is None

    done = client.post("/en/me/delete/", {"password": DEFAULT_PASSWORD, "understood": "on"})
    assert done.status_code == 302
    told = [str(m) for m in get_messages(done.wsgi_request)]
    assert told == ["Your account and your personal data have been deleted."]
    assert "_auth_user_id" not in client.session
    _assert_erased(sari)
    assert not client.login(email="sari@example.org", password=DEFAULT_PASSWORD)
    assert client.get("/en/me/").status_code == 302  # signed out
    _assert_history_forgets("Sari Wulandari")
    history = _site_history_csv(client)
    assert "Kampung Kita" in history and "sari" not in history.lower()


def test_the_only_owner_of_an_organisation_with_members_hands_it_over_first(client, sari):
    organisation = Membership.objects.get(user=sari).organisation
    colleague = UserFactory()
    other = Membership.objects.create(organisation=organisation, user=colleague, role="member")
    _signed_in(client, sari)

    blocked = client.post("/en/me/delete/", {"password": DEFAULT_PASSWORD, "understood": "on"})
    text = blocked.content.decode()
    assert "You are the only owner of Kampung Kita" in text
    assert User.objects.get(pk=sari.pk).erased_at is None

    other.role = "owner"
    other.save()
    client.post("/en/me/delete/", {"password": DEFAULT_PASSWORD, "understood": "on"})
    _assert_erased(sari)
    assert list(organisation.memberships.values_list("user", flat=True)) == [colleague.pk]


def test_administrators_are_not_deleted_from_their_dashboard(client):
    admin = SuperuserFactory()
    _signed_in(client, admin)
    page = client.post("/en/me/delete/", {"password": DEFAULT_PASSWORD, "understood": "on"})
    assert "Administrator accounts are removed by another administrator." in page.content.decode()
    assert User.objects.get(pk=admin.pk).erased_at is None


def test_a_program_manager_answers_a_data_request(client, sari):
    hostile = XSS_PAYLOADS[0]
    sari.name = hostile
    sari.save()
    log(instance=Membership.objects.get(user=sari), action="wagtail.edit", user=sari)
    _signed_in(client, ProgramManagerFactory())

    found = client.get("/admin/data-requests/", {"email": "SARI@example.org"})
    assert found.status_code == 200
    html = found.content.decode()
    assert "sari@example.org" in html and hostile not in html  # escaped
    export = client.get(f"/admin/data-requests/{sari.pk}/export/")
    assert export.json()["profile"]["email"] == "sari@example.org"

    missing = client.get("/admin/data-requests/", {"email": "nobody@example.org"})
    assert "No member has this e-mail address." in missing.content.decode()

    url = f"/admin/data-requests/{sari.pk}/erase/"
    mistyped = client.post(url, {"confirm_email": "someone@example.org"})
    assert "This is not the member&#x27;s e-mail address." in mistyped.content.decode()
    assert User.objects.get(pk=sari.pk).erased_at is None
    client.post(url, {"confirm_email": "sari@example.org"})
    erased = _assert_erased(sari)
    assert not ModelLogEntry.objects.filter(label__contains=hostile).exists()
    entry = ModelLogEntry.objects.get(action="portal.account_erased", object_id=str(erased.pk))
    assert entry.user is not None  # the program manager who acted
    assert client.get(f"/admin/data-requests/{sari.pk}/export/").status_code == 404


def test_only_program_managers_see_data_requests(client, sari):
    # Staff who are no program managers, and members.
    _signed_in(client, UserFactory(is_staff=True))
    for url in (
        "/admin/data-requests/?email=sari@example.org",
        f"/admin/data-requests/{sari.pk}/export/",
        f"/admin/data-requests/{sari.pk}/erase/",
    ):
        assert client.get(url).status_code in (302, 404), url
    client.post(f"/admin/data-requests/{sari.pk}/erase/", {"confirm_email": sari.email})
    assert User.objects.get(pk=sari.pk).erased_at is None


def test_retention_drops_old_notifications_only(sari):
    old = Notification.objects.create(recipient=sari, title="Long ago")
    Notification.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=400))
    counts = apply_retention()
    assert counts["notifications"] == 1
    assert list(Notification.objects.values_list("title", flat=True)) == ["Your proposal moved"]
