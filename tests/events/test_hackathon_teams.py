"""Hackathon teams and submissions: forming, inviting, joining, leaving; drafts, submitting before
the deadline, the lock after it (also for direct POSTs), and team size limits."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from events.hackathons import submissions, teams
from events.models import Submission, Team, TeamMembership
from portal.services import ActionRefused
from tests.conftest import XSS_PAYLOADS, assert_harmless
from tests.events.conftest import fill, make_hackathon, make_team, move_phase
from tests.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_member_forms_team_invites_and_submits_then_cannot_edit_after_deadline(client, hackathon):
    leader, friend = UserFactory(), UserFactory()
    client.force_login(leader)
    track = hackathon.tracks.first()
    response = client.post(
        f"/en/me/hackathons/{hackathon.pk}/team/new/",
        {
            "name": "Tim Banjir",
            "track": track.pk,
            "looking_for_members": "on",
            "skills_wanted": "Flutter",
        },
    )
    team = Team.objects.get(name="Tim Banjir")
    assert (
        response.status_code == 302
        and response["Location"] == f"/en/me/hackathons/teams/{team.pk}/"
    )
    assert team.leader() == leader and team.submission.state == "draft"

    client.post(f"/en/me/hackathons/teams/{team.pk}/", {"action": "invite", "email": friend.email})
    invitation = team.invitations.get()
    client.force_login(friend)
    client.post(f"/en/me/hackathons/invitations/{invitation.token}/")
    assert team.memberships.filter(user=friend, role="member").exists()

    url = f"/en/me/hackathons/teams/{team.pk}/project/"
    data = {
        "title": "Banjir Alert",
        "tagline": "Flood alerts per RT",
        "description": "An app.",
        "problem": "Floods",
        "repository_url": "https://github.com/example/banjir",
        "technologies": "Django, Flutter",
        "licence": "MIT",
        "action": "save",
    }
    assert client.post(url, data).status_code == 302
    assert Submission.objects.get(team=team).state == "draft"
    client.post(url, {**data, "action": "submit"})
    submission = Submission.objects.get(team=team)
    assert submission.state == "submitted" and submission.submitted_at is not None
    # Before the deadline a submitted project may still improve.
    client.post(url, {**data, "tagline": "Flood alerts for every RT"})
    assert Submission.objects.get(team=team).tagline == "Flood alerts for every RT"

    move_phase(hackathon, "judging")
    response = client.post(url, {**data, "tagline": "Changed after the deadline"})
    assert response.status_code == 200
    assert "deadline has passed" in response.content.decode()
    assert Submission.objects.get(team=team).tagline == "Flood alerts for every RT"
    with pytest.raises(ActionRefused, match="deadline"):
        submissions.save(friend, submission, {"title": "Late"})


def test_team_below_minimum_cannot_submit(client, hackathon):
    leader = UserFactory()
    team = make_team(hackathon, leader)
    fill(team.submission)
    client.force_login(leader)
    response = client.post(
        f"/en/me/hackathons/teams/{team.pk}/project/",
        {"title": "Banjir Alert", "tagline": "t", "description": "d", "action": "submit"},
    )
    assert "it needs at least 2 to submit" in response.content.decode()
    assert Submission.objects.get(team=team).state == "draft"


def test_team_above_maximum_cannot_submit_and_cannot_grow(hackathon):
    people = UserFactory.create_batch(6)
    team = make_team(hackathon, *people[:5])
    with pytest.raises(ActionRefused, match="full"):
        teams.join_by_link(people[5], team)
    TeamMembership.objects.create(team=team, hackathon=hackathon, user=people[5])  # e.g. by staff
    fill(team.submission)
    with pytest.raises(ActionRefused, match="at most 5"):
        submissions.submit(people[0], team.submission)


def test_one_team_per_person_per_hackathon(hackathon, hackathon_index):
    person, other = UserFactory(), UserFactory()
    make_team(hackathon, person)
    with pytest.raises(ActionRefused, match="already in a team"):
        teams.create_team(person, hackathon, name="Second")
    team = make_team(hackathon, other, name="Other")
    with pytest.raises(ActionRefused, match="already in a team"):
        teams.join_by_link(person, team)
    # Another hackathon is fine.
    second = make_hackathon(hackathon_index, title="Second hackathon")
    assert teams.create_team(person, second, name="Second").leader() == person


def test_join_requests_leadership_and_leaving(hackathon):
    leader, asker, third = UserFactory(), UserFactory(), UserFactory()
    team = make_team(hackathon, leader)
    with pytest.raises(ActionRefused, match="not looking"):
        teams.request_to_join(asker, team)
    Team.objects.filter(pk=team.pk).update(looking_for_members=True)
    request = teams.request_to_join(asker, team, "<b>I do Flutter</b>")
    assert request.message == "<b>I do Flutter</b>"  # plain text as typed, escaped on output
    with pytest.raises(ActionRefused, match="team leader"):
        teams.decide_join_request(asker, request, True)
    teams.decide_join_request(leader, request, True)
    assert team.memberships.filter(user=asker).exists()
    teams.transfer_leadership(leader, team, asker)
    assert team.leader() == asker
    with pytest.raises(ActionRefused):
        teams.transfer_leadership(leader, team, third)
    teams.leave(asker, team)  # the leader leaves: the lead passes on
    assert team.leader() == leader
    teams.leave(leader, team)  # the last one out dissolves the team
    assert not Team.objects.filter(pk=team.pk).exists()


def test_teams_freeze_when_registration_closes(hackathon):
    leader, late = UserFactory(), UserFactory()
    team = make_team(hackathon, leader, UserFactory())
    move_phase(hackathon, "judging")
    with pytest.raises(ActionRefused, match="closed"):
        teams.join_by_link(late, team)
    with pytest.raises(ActionRefused, match="closed"):
        teams.create_team(late, hackathon, name="Late")
    with pytest.raises(ActionRefused, match="closed"):
        teams.leave(leader, team)


def test_unverified_members_cannot_form_teams_and_organisations_link_only_for_members(hackathon):
    with pytest.raises(ActionRefused, match="verified"):
        teams.create_team(UserFactory(verified=False), hackathon, name="Unverified")
    leader = UserFactory()
    startup = OrganisationFactory()
    with pytest.raises(ActionRefused, match="member of"):
        teams.create_team(leader, hackathon, name="Tim", organisation=startup)
    startup.memberships.create(user=leader, role="owner")
    assert (
        teams.create_team(leader, hackathon, name="Tim", organisation=startup).organisation
        == startup
    )


def test_pitch_deck_and_screenshots_are_sniffed_and_the_deck_is_private(client, hackathon):
    leader, outsider = UserFactory(), UserFactory()
    team = make_team(hackathon, leader, UserFactory())
    fake = SimpleUploadedFile("deck.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    with pytest.raises(ActionRefused, match="not a PDF"):
        submissions.save(leader, team.submission, {}, pitch_deck=fake)
    deck = SimpleUploadedFile("deck.pdf", b"%PDF-1.4\n%demo\n", content_type="application/pdf")
    submissions.save(leader, team.submission, {}, pitch_deck=deck)
    url = f"/en/me/hackathons/projects/{team.submission.pk}/deck/"
    client.force_login(outsider)
    assert client.get(url).status_code == 404
    client.force_login(leader)
    response = client.get(url)
    assert response.status_code == 200 and b"".join(response.streaming_content).startswith(b"%PDF")
    big = SimpleUploadedFile("big.pdf", b"%PDF-" + b"0" * (10 * 1024 * 1024 + 1))
    with pytest.raises(ActionRefused, match="limit"):
        submissions.save(leader, team.submission, {}, pitch_deck=big)
    # Screenshots: PNG or JPEG by content.
    png = SimpleUploadedFile("s.png", b"\x89PNG\r\n\x1a\n" + b"0" * 20)
    submissions.save(leader, team.submission, {}, screenshots=[png])
    assert team.submission.screenshots.count() == 1
    with pytest.raises(ActionRefused, match="PNG, JPEG"):
        submissions.save(
            leader, team.submission, {}, screenshots=[SimpleUploadedFile("x.png", b"GIF89a0000")]
        )


def test_hostile_text_is_stored_plain_and_rendered_harmless(client, hackathon):
    leader, other = UserFactory(), UserFactory()
    team = make_team(hackathon, leader, other)
    for payload in XSS_PAYLOADS[:20]:
        submissions.save(
            leader,
            team.submission,
            {"title": payload[:150], "tagline": payload[:200], "description": payload},
        )
        client.force_login(leader)
        assert_harmless(client.get(f"/en/me/hackathons/teams/{team.pk}/project/").content.decode())
