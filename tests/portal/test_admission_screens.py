"""Withdrawing a request and revoking an invitation from the screens that list them: a button
where the waiting item is listed, a confirmation page with one labelled button, 404 for anyone
the item is not theirs, hostile names shown as text, and lists whose query count stays flat."""

import re

import pytest

from events.hackathons import teams
from events.models import Team, TeamInvitation, TeamJoinRequest
from partners import services
from partners.models import Invitation, JoinRequest
from tests.conftest import XSS_PAYLOADS, assert_harmless, page_queries
from tests.events.conftest import make_hackathon, make_team
from tests.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


def _main(html):
    return html.split('<main id="main"', 1)[1].split("</main>", 1)[0]


def _href(html, label):
    """The address of the link whose text starts with ``label`` (its hidden part names the item)."""
    return re.search(rf'href="([^"]+)">{label}<span class="visually-hidden">', html).group(1)


@pytest.fixture
def organisation():
    owner = UserFactory(email="owner@example.org")
    organisation = OrganisationFactory(name="Kota Hijau")
    organisation.memberships.create(user=owner, role="owner")
    return organisation


@pytest.fixture
def hackathon(demo_site):
    from wagtail.models import Locale

    from events.hackathons.demo import _index
    from portal.i18n import synchronise_page_trees
    from portal.models import HomePage

    home = HomePage.objects.get(locale__language_code="en")
    index = _index(home, Locale.objects.get(language_code="id"))
    synchronise_page_trees()
    return make_hackathon(index)


def _open_team(hackathon, leader, *members, **fields):
    team = make_team(hackathon, leader, *members, **fields)
    Team.objects.filter(pk=team.pk).update(looking_for_members=True)
    team.refresh_from_db()
    return team


def test_a_member_withdraws_a_waiting_request_to_an_organisation_after_confirming(
    client, organisation
):
    asker = UserFactory()
    join_request = services.request_to_join(asker, organisation, "Hello")
    client.force_login(asker)
    listing = client.get("/en/me/organisations/").content.decode()
    assert "Your requests waiting for an answer" in listing and "Kota Hijau" in listing
    address = _href(listing, "Withdraw")
    assert address == f"/en/me/requests/{join_request.pk}/withdraw/"

    page = client.get(address).content.decode()
    assert "Withdraw your request to join Kota Hijau?" in page
    assert re.search(
        r'<form method="post"[^>]*>.*<button type="submit">Withdraw my request', page, re.S
    )
    assert JoinRequest.objects.get(pk=join_request.pk).state == "pending"  # nothing yet

    response = client.post(address, follow=True)
    assert response.redirect_chain[-1][0] == "/en/me/organisations/"
    assert "Your request to join Kota Hijau was withdrawn." in response.content.decode()
    assert JoinRequest.objects.get(pk=join_request.pk).state == "withdrawn"
    assert "Your requests waiting for an answer" not in response.content.decode()
    again = client.get(address).content.decode()
    assert "This request was withdrawn." in again and "Withdraw my request" not in again


def test_only_the_person_who_asked_reaches_the_withdraw_page(client, organisation):
    join_request = services.request_to_join(UserFactory(), organisation)
    address = f"/en/me/requests/{join_request.pk}/withdraw/"
    owner = organisation.memberships.get().user
    for someone in (owner, UserFactory()):
        client.force_login(someone)
        assert client.get(address).status_code == 404
        assert client.post(address).status_code == 404
    assert JoinRequest.objects.get(pk=join_request.pk).state == "pending"
    client.logout()
    assert "/accounts/login/" in client.get(address).url


def test_an_owner_revokes_a_waiting_invitation_and_its_link_stops_working(client, organisation):
    owner = organisation.memberships.get().user
    invitation = services.invite(owner, organisation, email="guest@example.org", role="editor")
    client.force_login(owner)
    members = client.get(f"/en/me/organisations/{organisation.slug}/").content.decode()
    assert "Invitations waiting for an answer" in members and "guest@example.org" in members
    address = _href(members, "Revoke")
    page = client.get(address).content.decode()
    assert "Revoke the invitation to guest@example.org?" in page
    assert '<button type="submit">Revoke the invitation</button>' in page

    response = client.post(address, follow=True)
    assert response.redirect_chain[-1][0] == f"/en/me/organisations/{organisation.slug}/"
    assert "The invitation to guest@example.org was revoked." in response.content.decode()
    assert Invitation.objects.get(pk=invitation.pk).state == "revoked"
    assert "Invitations waiting for an answer" not in response.content.decode()

    client.force_login(UserFactory(email="guest@example.org"))
    link = f"/en/me/invitations/{services.invitation_token(invitation)}/"
    response = client.get(link)
    assert (
        response.status_code == 404 and "This invitation was revoked." in response.content.decode()
    )
    assert "Invitation to join" not in client.get("/en/me/").content.decode()


def test_only_owners_and_the_inviter_reach_the_revoke_page(client, organisation):
    owner = organisation.memberships.get().user
    editor = UserFactory()
    organisation.memberships.create(user=editor, role="editor")
    invitation = services.invite(owner, organisation, email="guest@example.org", role="member")
    address = f"/en/me/organisations/{organisation.slug}/invitations/{invitation.pk}/revoke/"
    for someone in (editor, UserFactory(), UserFactory(email="guest@example.org")):
        client.force_login(someone)
        assert client.get(address).status_code == 404
        assert client.post(address).status_code == 404
    assert Invitation.objects.get(pk=invitation.pk).state == "pending"
    # An inviter who is no longer an owner may still take their own invitation back.
    organisation.memberships.create(user=UserFactory(), role="owner")
    organisation.memberships.filter(user=owner).update(role="editor")
    client.force_login(owner)
    assert client.get(address).status_code == 200
    client.post(address)
    assert Invitation.objects.get(pk=invitation.pk).state == "revoked"


def test_a_leader_revokes_and_a_member_withdraws_on_the_team_screens(client, hackathon):
    leader, asker, member = UserFactory(), UserFactory(), UserFactory()
    team = _open_team(hackathon, leader, member, name="Tim Banjir")
    invitation = teams.invite(leader, team, "guest@example.org")
    join_request = teams.request_to_join(asker, team, "I do Flutter")

    client.force_login(member)  # a member who does not lead: no button, and 404 on the page
    assert "Revoke" not in client.get(f"/en/me/hackathons/teams/{team.pk}/").content.decode()
    address = f"/en/me/hackathons/teams/{team.pk}/invitations/{invitation.pk}/revoke/"
    assert client.get(address).status_code == 404

    client.force_login(leader)
    screen = client.get(f"/en/me/hackathons/teams/{team.pk}/").content.decode()
    assert _href(screen, "Revoke") == address
    assert "Revoke the invitation to guest@example.org?" in client.get(address).content.decode()
    response = client.post(address, follow=True)
    assert response.redirect_chain[-1][0] == f"/en/me/hackathons/teams/{team.pk}/"
    assert TeamInvitation.objects.get(pk=invitation.pk).state == "revoked"
    client.force_login(UserFactory(email="guest@example.org"))
    page = client.get(f"/en/me/hackathons/invitations/{invitation.token}/").content.decode()
    assert "This invitation was revoked." in page and "Join the team" not in page

    withdraw = f"/en/me/hackathons/requests/{join_request.pk}/withdraw/"
    assert client.get(withdraw).status_code == 404  # not theirs
    client.force_login(asker)
    mine = client.get("/en/me/hackathons/").content.decode()
    assert "Your requests waiting for an answer" in mine and _href(mine, "Withdraw") == withdraw
    page = client.get(withdraw).content.decode()
    assert "Withdraw your request to join Tim Banjir?" in page
    response = client.post(withdraw, follow=True)
    assert response.redirect_chain[-1][0] == "/en/me/hackathons/"
    assert "Your request to join Tim Banjir was withdrawn." in response.content.decode()
    assert TeamJoinRequest.objects.get(pk=join_request.pk).state == "withdrawn"
    client.force_login(leader)
    assert "I do Flutter" not in client.get(f"/en/me/hackathons/teams/{team.pk}/").content.decode()


def test_hostile_names_on_the_lists_and_confirmation_pages_are_text(
    client, organisation, hackathon
):
    asker = UserFactory(name=XSS_PAYLOADS[0])
    for number, payload in enumerate(XSS_PAYLOADS):
        other = OrganisationFactory(name=payload)
        services.request_to_join(asker, other, payload)
        team = _open_team(hackathon, UserFactory(), name=f"{payload[:100]} {number}")
        teams.request_to_join(asker, team, payload)
    client.force_login(asker)
    for address in ("/en/me/organisations/", "/en/me/hackathons/"):
        assert_harmless(_main(client.get(address).content.decode()), allowed_tags=("form", "input"))
    for join_request in JoinRequest.objects.filter(user=asker):
        page = client.get(f"/en/me/requests/{join_request.pk}/withdraw/").content.decode()
        assert_harmless(_main(page), allowed_tags=("form", "input"))
    for join_request in TeamJoinRequest.objects.filter(user=asker)[:5]:
        page = client.get(
            f"/en/me/hackathons/requests/{join_request.pk}/withdraw/"
        ).content.decode()
        assert_harmless(_main(page), allowed_tags=("form", "input"))


def test_the_lists_of_waiting_items_cost_the_same_queries_at_ten_times_the_size(
    client, organisation, hackathon
):
    owner = organisation.memberships.get().user
    asker = UserFactory()

    sent = iter(range(1000))

    def grow(count):
        for _ in range(count):
            services.request_to_join(asker, OrganisationFactory())
            email = f"guest{next(sent)}@example.org"
            services.invite(owner, organisation, email=email, role="member")
            teams.request_to_join(asker, _open_team(hackathon, UserFactory()))

    def costs():
        client.force_login(asker)
        mine = [
            page_queries(client, "/en/me/organisations/"),
            page_queries(client, "/en/me/hackathons/"),
        ]
        client.force_login(owner)
        return [*mine, page_queries(client, f"/en/me/organisations/{organisation.slug}/")]

    grow(2)
    small = costs()
    grow(18)
    assert costs() == small
