"""Memberships: registering an organisation, invitations, roles, leaving, requests to join."""

import re
from datetime import timedelta

import pytest
from django.core import mail

from partners import services
from partners.models import Invitation, JoinRequest, Membership, Organisation
from portal.models import Notification
from tests.conftest import XSS_PAYLOADS, assert_harmless, page_queries
from tests.factories import OrganisationFactory, ProgramManagerFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def owner():
    return UserFactory(email="owner@example.org")


@pytest.fixture
def organisation(owner):
    organisation = OrganisationFactory(name="Kota Hijau")
    Membership.objects.create(organisation=organisation, user=owner, role="owner")
    return organisation


def _commit(django_capture_on_commit_callbacks, action):
    with django_capture_on_commit_callbacks(execute=True):
        return action()


def test_a_member_registers_an_organisation_that_waits_for_verification(
    client, directories, django_capture_on_commit_callbacks
):
    manager, member = ProgramManagerFactory(), UserFactory()
    client.force_login(member)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/en/me/organisations/new/",
            {
                "name": "Ciliwung Care",
                "kind": "ngo",
                "city": "Jakarta",
                "country": "Indonesia",
                "description": "<p>River <script>alert(1)</script>clean-ups</p>",
            },
        )
    organisation = Organisation.objects.get(name="Ciliwung Care")
    assert response.url == f"/en/me/organisations/{organisation.slug}/"
    assert organisation.verification_state == "pending"
    assert "<script" not in organisation.description
    assert Membership.objects.get(organisation=organisation).user == member
    assert Notification.objects.get(recipient=manager).url.endswith(f"/{organisation.pk}/")
    assert client.get(f"/en/partners/{organisation.slug}/").status_code == 404
    assert "Kota" not in client.get("/en/me/organisations/").content.decode()
    assert "Ciliwung Care" in client.get("/en/me/organisations/").content.decode()


def test_registering_an_existing_name_explains_and_keeps_the_form(client, organisation):
    client.force_login(UserFactory())
    html = client.post(
        "/en/me/organisations/new/",
        {"name": "kota hijau", "kind": "agency", "city": "Bogor", "country": "Indonesia"},
    ).content.decode()
    assert "already in the network" in html
    assert 'value="Bogor"' in html
    assert "Select a valid choice" in html  # the public cannot register government agencies


def test_an_invitation_reaches_someone_without_an_account_who_joins_later(
    client, owner, organisation, django_capture_on_commit_callbacks
):
    client.force_login(owner)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/en/me/organisations/{organisation.slug}/",
            {"email": "New.Person@example.org", "role": "editor"},
        )
    link = re.search(r"https?://[^/\s]+(/en/me/invitations/\S+/)", mail.outbox[-1].body).group(1)
    client.logout()
    assert "/accounts/login/" in client.get(link).url  # sign in (or up) first
    newcomer = UserFactory(email="new.person@example.org")
    client.force_login(newcomer)
    assert "Kota Hijau" in client.get(link).content.decode()
    client.post(link)
    assert Membership.objects.get(user=newcomer).role == "editor"
    response = client.post(link)
    assert response.status_code == 404
    assert "already been used" in response.content.decode()


def test_invitations_refuse_the_wrong_person_expired_and_forged_links(
    client, owner, organisation, monkeypatch
):
    invitation = services.invite(owner, organisation, email="right@example.org", role="member")
    token = services.invitation_token(invitation)
    client.force_login(UserFactory(email="wrong@example.org"))
    response = client.post(f"/en/me/invitations/{token}/")
    assert response.status_code == 403
    assert "sent to right@example.org" in response.content.decode()
    assert client.get(f"/en/me/invitations/{token}x/").status_code == 404
    monkeypatch.setattr(services, "INVITATION_MAX_AGE", timedelta(seconds=-1))
    assert "expired" in client.get(f"/en/me/invitations/{token}/").content.decode()
    assert not Invitation.objects.filter(accepted_at__isnull=False).exists()


def test_only_owners_invite_and_change_roles(client, owner, organisation):
    editor = UserFactory()
    membership = Membership.objects.create(organisation=organisation, user=editor, role="editor")
    with pytest.raises(services.ActionRefused, match="Only the organisation's owners"):
        services.invite(editor, organisation, email="x@example.org", role="member")
    with pytest.raises(services.ActionRefused):
        services.change_role(editor, membership, "owner")
    client.force_login(editor)
    html = client.get(f"/en/me/organisations/{organisation.slug}/").content.decode()
    assert "Invite someone" not in html
    services.change_role(owner, membership, "owner")
    membership.refresh_from_db()
    assert membership.role == "owner"


def test_an_organisation_always_keeps_an_owner(owner, organisation):
    own = Membership.objects.get(user=owner)
    with pytest.raises(services.ActionRefused, match="at least one owner"):
        services.change_role(owner, own, "member")
    with pytest.raises(services.ActionRefused, match="at least one owner"):
        services.remove_membership(owner, own)
    second = UserFactory()
    Membership.objects.create(organisation=organisation, user=second, role="owner")
    services.remove_membership(owner, own)  # now the owner may leave
    assert list(organisation.memberships.values_list("user", flat=True)) == [second.pk]


def test_members_may_leave_but_not_remove_others(owner, organisation):
    member, other = UserFactory(), UserFactory()
    mine = Membership.objects.create(organisation=organisation, user=member, role="member")
    theirs = Membership.objects.create(organisation=organisation, user=other, role="member")
    with pytest.raises(services.ActionRefused):
        services.remove_membership(member, theirs)
    services.remove_membership(member, mine)
    assert not Membership.objects.filter(pk=mine.pk).exists()


def test_outsiders_get_404_on_an_organisations_private_pages(client, owner, organisation):
    membership = Membership.objects.get(user=owner)
    client.force_login(UserFactory())
    slug = organisation.slug
    assert client.get(f"/en/me/organisations/{slug}/").status_code == 404
    assert (
        client.post(f"/en/me/organisations/{slug}/members/{membership.pk}/remove/").status_code
        == 404
    )
    assert (
        client.post(f"/en/me/organisations/{slug}/members/{membership.pk}/role/").status_code == 404
    )
    assert Membership.objects.filter(pk=membership.pk).exists()
    client.logout()
    assert client.get(f"/en/me/organisations/{slug}/").status_code == 302


def test_asking_to_join_and_the_owners_decision(
    client, owner, organisation, django_capture_on_commit_callbacks
):
    applicant = UserFactory()
    client.force_login(applicant)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/en/me/join/{organisation.slug}/", {"message": "I run the data team."})
    assert Notification.objects.filter(recipient=owner, kind="partners.join_requested").exists()
    html = client.post(f"/en/me/join/{organisation.slug}/", {"message": "again"}).content.decode()
    assert "already asked" in html
    join_request = JoinRequest.objects.get()
    client.force_login(owner)
    assert (
        "I run the data team."
        in client.get(f"/en/me/organisations/{organisation.slug}/").content.decode()
    )
    client.post(
        f"/en/me/organisations/{organisation.slug}/requests/{join_request.pk}/",
        {"decision": "approve"},
    )
    assert Membership.objects.get(user=applicant).role == "member"
    assert Notification.objects.filter(recipient=applicant, kind="partners.join_decided").exists()
    with pytest.raises(services.ActionRefused, match="already answered"):
        services.decide_join_request(owner, join_request, approve=False)


def test_nobody_can_ask_to_join_an_unverified_organisation(client):
    pending = OrganisationFactory(name="Pending", verification_state="pending")
    client.force_login(UserFactory())
    assert client.get(f"/en/me/join/{pending.slug}/").status_code == 404


def test_members_page_query_count_does_not_grow(client, owner, organisation):
    client.force_login(owner)
    url = f"/en/me/organisations/{organisation.slug}/"

    def queries():
        return page_queries(client, url)

    for _ in range(3):
        Membership.objects.create(organisation=organisation, user=UserFactory(), role="member")
    small = queries()
    for _ in range(27):
        Membership.objects.create(organisation=organisation, user=UserFactory(), role="member")
    assert queries() == small


def test_hostile_names_and_messages_are_shown_as_text(client, owner, organisation):
    for number, payload in enumerate(XSS_PAYLOADS):
        user = UserFactory(name=payload, email=f"h{number}@example.org")
        JoinRequest.objects.create(organisation=organisation, user=user, message=payload)
    client.force_login(owner)
    html = client.get(f"/en/me/organisations/{organisation.slug}/").content.decode()
    assert_harmless(
        html.split('<main id="main"')[1].split("</main>")[0],
        allowed_tags=("form", "input"),
    )


def test_program_managers_find_and_export_memberships(client, owner, organisation):
    client.force_login(ProgramManagerFactory())
    html = client.get("/admin/memberships/?q=owner@example.org").content.decode()
    assert "Kota Hijau" in html
    export = client.get("/admin/memberships/?export=csv")
    assert "owner@example.org" in b"".join(export.streaming_content).decode()
