"""What events holds when a member deletes their account: seats for events to come are freed
(the waiting list moves up), past attendance still counts, a leaving team leader hands the team on,
votes still count without the address they came from; the retention job drops old addresses."""

from datetime import timedelta

import pytest
from django.utils import timezone

from events import services
from events.figures import figures_for
from events.hackathons import submissions, voting
from events.models import EventPage, Registration, Submission, TeamMembership, Vote, VoteAudit
from portal.privacy.erasure import delete_account
from portal.privacy.retention import apply_retention
from tests.events.conftest import fill, make_event, make_team, move_phase
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_erasure_frees_seats_keeps_attendance_hands_over_the_team_and_keeps_votes(
    event_index, event, hackathon, people
):
    leaving, first_waiting = people[0], people[2]
    seat = services.register(leaving, event, answers={"diet": "vegetarian"})
    services.register(people[1], event)
    services.register(first_waiting, event)  # waiting list, position 1
    past = make_event(event_index, title="Last year's dialogue", days=-30)
    attended = Registration.objects.create(
        event=past, user=leaving, state="attended", answers={"diet": "vegan"}
    )
    before = figures_for(EventPage.objects.filter(pk=past.pk))["participants"]

    colleague = UserFactory()
    team = make_team(hackathon, leaving, colleague, name="Tim Banjir")
    fill(team.submission, title="Banjir Alert")
    submissions.submit(leaving, team.submission)
    other = make_team(hackathon, UserFactory(), UserFactory(), name="Other team")
    fill(other.submission, title="Other project")
    submissions.submit(other.memberships.first().user, other.submission)
    move_phase(hackathon, "judging")
    voting.cast(leaving, Submission.objects.get(pk=other.submission.pk), ip_address="203.0.113.9")

    delete_account(leaving, leaving)

    seat.refresh_from_db()
    assert seat.state == "cancelled" and seat.answers == {}
    assert Registration.objects.get(event=event, user=first_waiting).state == "confirmed"
    attended.refresh_from_db()
    assert attended.state == "attended" and attended.answers == {}
    assert figures_for(EventPage.objects.filter(pk=past.pk))["participants"] == before
    assert list(TeamMembership.objects.filter(team=team).values_list("user", "role")) == [
        (colleague.pk, "leader")
    ]
    assert Submission.objects.get(pk=team.submission.pk).state == "submitted"
    assert Vote.objects.filter(user=leaving).count() == 1
    assert list(VoteAudit.objects.filter(user=leaving).values_list("ip_address", flat=True)) == [
        None
    ]


def test_retention_drops_vote_addresses_after_the_configured_days(hackathon, settings):
    settings.PORTAL_IP_RETENTION_DAYS = 30
    teams = [make_team(hackathon, UserFactory(), UserFactory(), name=f"Team {n}") for n in range(2)]
    for team in teams:
        fill(team.submission, title=f"Project of {team.name}")
        submissions.submit(team.memberships.first().user, team.submission)
    move_phase(hackathon, "judging")
    old_voter, new_voter = UserFactory(), UserFactory()
    for voter, team in ((old_voter, teams[0]), (new_voter, teams[1])):
        voting.cast(voter, Submission.objects.get(pk=team.submission.pk), ip_address="198.51.100.1")
    VoteAudit.objects.filter(user=old_voter).update(at=timezone.now() - timedelta(days=31))

    counts = apply_retention()

    assert counts["vote IP addresses"] == 1
    assert VoteAudit.objects.get(user=old_voter).ip_address is None
    assert VoteAudit.objects.get(user=new_voter).ip_address == "198.51.100.1"
