"""/me/ lists what waits for the member, each app contributing its own to-dos, and every
to-do is a link that opens the thing to do."""

import re

import pytest

from partners import services as partner_services
from partners.models import Membership
from programs.pilots import services as pilot_services
from tests.conftest import XSS_PAYLOADS, assert_harmless, page_queries
from tests.factories import (
    OrganisationFactory,
    ProgramManagerFactory,
    ReviewAssignmentFactory,
    UserFactory,
)
from tests.partners.factories import ProposalFactory

pytestmark = pytest.mark.django_db


def _waiting(client, user):
    client.force_login(user)
    html = client.get("/en/me/").content.decode()
    panel = html.split('id="waiting-heading"', 1)[1].split("</section>", 1)[0]
    return re.findall(
        r'<span class="badge">([^<]+)</span> <a href="([^"]+)">([^<]+)</a>', panel
    ), panel


def _world(member):
    organisation = OrganisationFactory(name="Kota Hijau")
    Membership.objects.create(organisation=organisation, user=member, role="owner")
    draft = ProposalFactory(organisation=organisation, title="Rooftop gardens", created_by=member)
    changes = ProposalFactory(
        organisation=organisation, title="Compost hubs", state="changes_requested"
    )
    # Someone else's proposal, and one already submitted: not the member's to-do.
    ProposalFactory(title="Not mine")
    ProposalFactory(organisation=organisation, title="Sent already", state="submitted")
    inviter = OrganisationFactory(name="Jakarta Smart City")
    owner = UserFactory()
    Membership.objects.create(organisation=inviter, user=owner, role="owner")
    partner_services.invite(owner, inviter, email=member.email.upper(), role="editor")
    reviewed = ProposalFactory(title="Bus stop shade")
    ReviewAssignmentFactory(item=reviewed, reviewer=member)
    return draft, changes


def test_the_member_sees_drafts_changes_invitations_and_reviews_and_follows_each(
    client, member, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _draft, changes = _world(member)
    items, _panel = _waiting(client, member)
    kinds = [(kind, label) for kind, _url, label in items]
    assert kinds == [
        ("Changes requested", "Compost hubs"),
        ("Draft proposal", "Rooftop gardens"),
        ("Invitation to join", "Jakarta Smart City"),
        ("Review", "Bus stop shade"),
    ]
    for _kind, url, label in items:
        response = client.get(url)
        assert response.status_code == 200, url
        assert label in response.content.decode()
    assert items[0][1] == f"/en/me/proposals/{changes.pk}/"


def test_a_liaison_sees_the_pilot_decisions_their_agency_owes(client):
    manager = ProgramManagerFactory()
    agency = OrganisationFactory(name="Department of Water Resources", kind="agency")
    liaison = UserFactory()
    Membership.objects.create(organisation=agency, user=liaison, role="liaison")
    lead = OrganisationFactory(name="Braga Technologies")
    pilot = pilot_services.propose_pilot(
        by=manager,
        origin="direct",
        title="River sensors for flood warning",
        summary="Sensors on the Ciliwung.",
        lead_organisation=lead,
    )
    involvement = pilot_services.invite_agency(manager, pilot, agency, "host")
    items, _panel = _waiting(client, liaison)
    assert [(kind, url) for kind, url, _label in items] == [
        ("Pilot decision", f"/en/me/pilots/agencies/{involvement.pk}/")
    ]
    assert client.get(items[0][1]).status_code == 200
    # An ordinary member of the agency decides nothing and sees no such to-do.
    member = UserFactory()
    Membership.objects.create(organisation=agency, user=member, role="member")
    assert _waiting(client, member)[0] == []


def test_nothing_waiting_says_so_and_my_proposals_is_linked(client, member):
    items, panel = _waiting(client, member)
    assert items == [] and "Nothing waits for you right now." in panel
    html = client.get("/en/me/").content.decode()
    proposals = re.search(r'<a href="([^"]+)">My proposals</a>', html).group(1)
    assert client.get(proposals).status_code == 200


def test_hostile_titles_are_shown_as_text(client, member):
    organisation = OrganisationFactory()
    Membership.objects.create(organisation=organisation, user=member, role="editor")
    for payload in XSS_PAYLOADS[:15]:
        ProposalFactory(organisation=organisation, title=payload[:200])
    assert_harmless(_waiting(client, member)[1])


def test_the_dashboard_costs_the_same_with_ten_times_the_to_dos(client, member):
    organisation = OrganisationFactory()
    Membership.objects.create(organisation=organisation, user=member, role="owner")
    ProposalFactory(organisation=organisation)
    client.force_login(member)
    few = page_queries(client, "/en/me/")
    for _ in range(10):
        ProposalFactory(organisation=organisation)
    assert page_queries(client, "/en/me/") == few
