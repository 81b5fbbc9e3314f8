"""The one admission mechanism (portal/admission), proved for both groups that use it: an
organisation and a hackathon team. Every step leaves a timeline entry and an audit-log entry,
tells the right people, and a second answer is refused clearly; requests can be withdrawn and
invitations revoked; the data migration gives every existing invitation its state."""

import importlib
from dataclasses import dataclass

import pytest
from django.apps import apps as django_apps
from django.core import mail
from django.utils import timezone
from wagtail.models import ModelLogEntry

from portal.models import Notification, TimelineEntry
from portal.services import ActionRefused
from portal.workflow import TransitionError, apply_transition
from tests.events.conftest import make_hackathon, make_team
from tests.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


@dataclass
class Group:
    """One group, its admin and the app's own entry points into portal.admission."""

    kind: str
    group: object
    admin: object
    services: object
    request_kind: str
    decided_kind: str

    def request(self, user, message="Hello"):
        return self.services.request_to_join(user, self.group, message)

    def decide(self, actor, item, approve):
        if self.kind == "organisation":
            return self.services.decide_join_request(actor, item, approve=approve)
        return self.services.decide_join_request(actor, item, approve)

    def invite(self, actor, email):
        if self.kind == "organisation":
            return self.services.invite(actor, self.group, email=email, role="editor")
        return self.services.invite(actor, self.group, email)

    def accept(self, user, invitation):
        if self.kind == "organisation":
            return self.services.accept_invitation(user, self.services.invitation_token(invitation))
        return self.services.accept_invitation(user, invitation)

    def is_member(self, user):
        return self.group.memberships.filter(user=user).exists()


def _organisation():
    from partners import services

    owner = UserFactory(email="owner@example.org")
    organisation = OrganisationFactory(name="Kota Hijau")
    organisation.memberships.create(user=owner, role="owner")
    return Group(
        "organisation",
        organisation,
        owner,
        services,
        "partners.join_requested",
        "partners.join_decided",
    )


def _team(hackathon_index):
    from events.hackathons import teams

    leader = UserFactory(email="leader@example.org")
    team = make_team(make_hackathon(hackathon_index), leader, name="Tim Banjir")
    type(team).objects.filter(pk=team.pk).update(looking_for_members=True)
    team.refresh_from_db()
    return Group(
        "team", team, leader, teams, "events.team_join_request", "events.team_join_decided"
    )


@pytest.fixture
def hackathon_index(demo_site):
    """/hackathons/ in both languages (as tests/events/conftest.py builds it)."""
    from wagtail.models import Locale

    from events.hackathons.demo import _index
    from portal.i18n import synchronise_page_trees
    from portal.models import HomePage

    home = HomePage.objects.get(locale__language_code="en")
    index = _index(home, Locale.objects.get(language_code="id"))
    synchronise_page_trees()
    return index


@pytest.fixture(params=["organisation", "team"])
def world(request):
    if request.param == "organisation":
        return _organisation()
    return _team(request.getfixturevalue("hackathon_index"))


def _trail(item):
    """What the engine wrote about ``item``: its timeline steps and audit-log steps."""
    steps = list(TimelineEntry.objects.for_object(item).values_list("action", flat=True))
    logged = [
        entry.data["transition"]
        for entry in ModelLogEntry.objects.for_instance(item)
        .filter(action="portal.workflow.transition")
        .order_by("pk")
    ]
    return steps, logged


def test_a_request_and_its_approval_leave_a_trail_and_tell_the_right_people(
    world, django_capture_on_commit_callbacks
):
    asker = UserFactory(email="asker@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        join_request = world.request(asker, "I map floods.")
    assert _trail(join_request) == (["request"], ["request"])
    told = Notification.objects.get(kind=world.request_kind)
    assert told.recipient == world.admin and str(asker) in told.body
    assert told.url == str(world.group.admission_admin_url())
    assert any(world.admin.email in m.to for m in mail.outbox)

    with django_capture_on_commit_callbacks(execute=True):
        world.decide(world.admin, join_request, True)
    join_request.refresh_from_db()
    assert join_request.state == "approved" and world.is_member(asker)
    assert join_request.decided_by == world.admin and join_request.decided_at is not None
    assert _trail(join_request) == (["request", "approve"], ["request", "approve"])
    answer = Notification.objects.get(kind=world.decided_kind)
    assert answer.recipient == asker and answer.title.endswith("was approved")

    with pytest.raises(ActionRefused, match=r"This request was already answered\."):
        world.decide(world.admin, join_request, False)
    join_request.refresh_from_db()
    assert join_request.state == "approved" and world.is_member(asker)
    assert _trail(join_request) == (["request", "approve"], ["request", "approve"])


def test_a_declined_request_admits_nobody_and_only_an_admin_decides(world):
    asker, outsider = UserFactory(), UserFactory()
    join_request = world.request(asker)
    with pytest.raises(ActionRefused, match="Only the"):
        world.decide(outsider, join_request, True)
    world.decide(world.admin, join_request, False)
    join_request.refresh_from_db()
    assert join_request.state == "declined" and not world.is_member(asker)
    answer = Notification.objects.get(kind=world.decided_kind)
    assert answer.recipient == asker and answer.title.endswith("was declined")
    assert _trail(join_request)[0] == ["request", "decline"]


def test_the_person_who_asked_withdraws_and_nobody_else_can(world):
    from portal.admission import services

    asker = UserFactory()
    join_request = world.request(asker)
    for someone in (world.admin, UserFactory()):
        with pytest.raises(ActionRefused, match="Only the person who asked withdraws"):
            services.withdraw(someone, join_request)
    services.withdraw(asker, join_request)
    join_request.refresh_from_db()
    assert join_request.state == "withdrawn"
    assert _trail(join_request) == (["request", "withdraw"], ["request", "withdraw"])
    with pytest.raises(ActionRefused, match=r"This request was withdrawn\."):
        world.decide(world.admin, join_request, True)
    assert not world.is_member(asker)
    # Withdrawn, the person may ask again.
    assert world.request(asker).state == "pending"


def test_the_sending_step_is_taken_once(world):
    join_request = world.request(UserFactory())
    with pytest.raises(TransitionError, match="already sent"):
        apply_transition(join_request, "request", join_request.user)
    invitation = world.invite(world.admin, "guest@example.org")
    with pytest.raises(TransitionError, match="already sent"):
        apply_transition(invitation, "invite", world.admin)


def test_an_invitation_leaves_a_trail_and_accepting_it_admits_once(
    world, django_capture_on_commit_callbacks
):
    guest = UserFactory(email="guest@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        invitation = world.invite(world.admin, "Guest@Example.org")
    assert invitation.email == "guest@example.org" and invitation.state == "pending"
    assert _trail(invitation) == (["invite"], ["invite"])
    assert any(m.to == ["guest@example.org"] for m in mail.outbox)  # the group sent it

    with pytest.raises(ActionRefused, match="sent to"):
        world.accept(UserFactory(email="someone.else@example.org"), invitation)
    world.accept(guest, invitation)
    invitation.refresh_from_db()
    assert invitation.state == "accepted" and invitation.accepted_at is not None
    assert world.is_member(guest)
    if world.kind == "organisation":
        assert world.group.memberships.get(user=guest).role == "editor"
    assert _trail(invitation) == (["invite", "accept"], ["invite", "accept"])
    with pytest.raises(ActionRefused, match="already been used"):
        world.accept(guest, invitation)


def test_the_inviter_revokes_the_link_stops_working_and_the_invitee_is_told(
    world, django_capture_on_commit_callbacks
):
    from portal.admission import services

    guest = UserFactory(email="guest@example.org")
    invitation = world.invite(world.admin, guest.email)
    with pytest.raises(ActionRefused, match="revokes it"):
        services.revoke(UserFactory(), invitation)
    with django_capture_on_commit_callbacks(execute=True):
        services.revoke(world.admin, invitation)
    invitation.refresh_from_db()
    assert invitation.state == "revoked"
    assert _trail(invitation) == (["invite", "revoke"], ["invite", "revoke"])
    told = Notification.objects.get(kind="portal.invitation.revoke")
    assert told.recipient == guest and told.body == world.group.admission_name()
    with pytest.raises(ActionRefused, match=r"This invitation was revoked\."):
        world.accept(guest, invitation)
    with pytest.raises(ActionRefused, match=r"This invitation was revoked\."):
        services.revoke(world.admin, invitation)
    assert not world.is_member(guest)


def test_the_invitee_declines_and_the_inviter_is_told(world):
    from portal.admission import services

    invitation = world.invite(world.admin, "guest@example.org")
    guest = UserFactory(email="guest@example.org")
    services.decline_invitation(guest, invitation)
    invitation.refresh_from_db()
    assert invitation.state == "declined"
    told = Notification.objects.get(kind="portal.invitation.decline")
    assert told.recipient == world.admin and "guest@example.org" in told.body
    with pytest.raises(ActionRefused, match=r"This invitation was declined\."):
        world.accept(guest, invitation)


def test_a_full_team_refuses_the_approval_and_nothing_of_the_step_remains(hackathon_index):
    world = _team(hackathon_index)
    asker = UserFactory()
    join_request = world.request(asker)
    for _ in range(world.group.hackathon.max_team_size - 1):
        world.group.memberships.create(hackathon=world.group.hackathon, user=UserFactory())
    Notification.objects.all().delete()
    with pytest.raises(ActionRefused, match="This team is full"):
        world.decide(world.admin, join_request, True)
    join_request.refresh_from_db()
    assert join_request.state == "pending" and join_request.decided_at is None
    assert _trail(join_request) == (["request"], ["request"])
    assert not Notification.objects.exists()


def test_an_erased_account_leaves_no_request_timeline_or_log_entry(world):
    from portal.privacy.erasure import delete_account

    asker = UserFactory()
    join_request = world.request(asker)
    invitation = world.invite(world.admin, asker.email)
    delete_account(asker, asker)
    for item in (join_request, invitation):
        assert not type(item).objects.filter(pk=item.pk).exists()
        assert _trail(item) == ([], [])


MIGRATIONS = {
    "partners.Invitation": "partners.migrations.0009_admission",
    "events.TeamInvitation": "events.migrations.0007_admission",
}


@pytest.mark.parametrize("model", MIGRATIONS)
def test_the_data_migration_gives_every_invitation_its_state(model, request):
    Model = django_apps.get_model(model)
    if model == "partners.Invitation":
        group = {"organisation": OrganisationFactory()}
    else:
        index = request.getfixturevalue("hackathon_index")
        group = {"team": make_team(make_hackathon(index), UserFactory())}
    accepted = Model.objects.create(email="a@example.org", accepted_at=timezone.now(), **group)
    waiting = Model.objects.create(email="b@example.org", **group)
    # As the rows stood before the migration: no state recorded (the new column's default).
    Model.objects.update(state="pending")
    before = Model.objects.count()

    importlib.import_module(MIGRATIONS[model]).set_invitation_states(django_apps, None)

    assert Model.objects.count() == before
    assert Model.objects.get(pk=accepted.pk).state == "accepted"
    assert Model.objects.get(pk=waiting.pk).state == "pending"
