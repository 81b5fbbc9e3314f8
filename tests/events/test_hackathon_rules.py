"""Hackathon rules on the server: who may compete (per hackathon) and the submission window."""

import pytest

from events.hackathons import submissions, teams
from events.models import HackathonPage, Submission
from partners.models import Membership
from portal.services import ActionRefused
from tests.events.conftest import fill, make_hackathon, make_team, move_phase
from tests.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db

REFUSED = "Government employees may mentor in this hackathon but not compete"


@pytest.fixture
def liaison(db):
    user = UserFactory()
    agency = OrganisationFactory(name="Dinas Lingkungan Hidup", kind="agency")
    Membership.objects.create(organisation=agency, user=user, role="liaison")
    return user


@pytest.fixture
def closed_to_government(hackathon_index):
    return make_hackathon(hackathon_index, competitors="not_government", title="City Hack")


def test_a_government_liaison_cannot_form_or_join_a_competing_team(
    client, closed_to_government, liaison
):
    with pytest.raises(ActionRefused, match=REFUSED):
        teams.create_team(liaison, closed_to_government, name="Dinas team")
    team = make_team(closed_to_government, UserFactory(), name="Open team")
    with pytest.raises(ActionRefused, match=REFUSED):
        teams.join_by_link(liaison, team)
    with pytest.raises(ActionRefused, match=REFUSED):
        teams.request_to_join(liaison, team, "hi")
    # Through the screen: the same clear message, nothing created.
    client.force_login(liaison)
    response = client.post(
        f"/en/me/hackathons/{closed_to_government.pk}/team/new/",
        {"name": "Sneaky team"},
        follow=True,
    )
    assert REFUSED in response.content.decode()
    assert not team.memberships.filter(user=liaison).exists()
    assert not closed_to_government.teams.filter(name="Sneaky team").exists()
    # The page states the rule.
    page = client.get(closed_to_government.url).content.decode()
    assert "Everyone except government employees (they may mentor but not compete)" in page


def test_members_of_other_organisations_compete_and_open_hackathons_admit_everyone(
    hackathon, closed_to_government, liaison
):
    startup_member = UserFactory()
    startup = OrganisationFactory(kind="startup")
    Membership.objects.create(organisation=startup, user=startup_member, role="owner")
    assert teams.create_team(startup_member, closed_to_government, name="Start-up team")
    assert HackathonPage.objects.get(pk=hackathon.pk).competitors == "everyone"
    assert teams.create_team(liaison, hackathon, name="Liaison team")


def test_no_submission_before_hacking_starts_nor_after_the_deadline(hackathon):
    move_phase(hackathon, "registration")
    leader = UserFactory()
    team = make_team(hackathon, leader, UserFactory())
    fill(team.submission)
    submissions.save(leader, team.submission, {"title": "Banjir Alert"})  # drafting is fine
    with pytest.raises(ActionRefused, match=r"Hacking starts on .* projects can be submitted"):
        submissions.submit(leader, team.submission)
    assert Submission.objects.get(pk=team.submission.pk).state == "draft"
    move_phase(hackathon, "hacking")
    submission = Submission.objects.get(pk=team.submission.pk)
    assert submissions.submit(leader, submission).state == "submitted"

    other = make_team(hackathon, UserFactory(), UserFactory(), name="Late team")
    fill(other.submission)
    move_phase(hackathon, "judging")
    with pytest.raises(ActionRefused, match="deadline has passed"):
        submissions.submit(other.memberships.first().user, Submission.objects.get(team=other))
