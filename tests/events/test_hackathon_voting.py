"""People's Choice: verified members only, one vote per hackathon (a second replaces the first),
changeable until the close, counts hidden from everyone (pages, admin, exports) until then,
rate-limited, and audited for staff."""

import pytest
from django.test import override_settings

from events.hackathons import submissions, voting
from events.models import Submission, Vote, VoteAudit
from portal.services import ActionRefused
from tests.events.conftest import fill, make_team, move_phase
from tests.factories import ProgramManagerFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def projects(hackathon):
    found = []
    for number in range(2):
        team = make_team(hackathon, UserFactory(), UserFactory(), name=f"Team {number}")
        fill(team.submission, title=f"Project {number}")
        submissions.submit(team.memberships.first().user, team.submission)
        found.append(Submission.objects.get(pk=team.submission.pk))
    move_phase(hackathon, "judging")  # voting opens at the submission deadline
    return found


def test_second_vote_replaces_the_first_and_is_audited(client, hackathon, projects):
    first, second = projects
    voter = UserFactory()
    client.force_login(voter)
    response = client.post(
        f"/en/me/hackathons/projects/{first.pk}/vote/", {"next": f"{hackathon.url}gallery/"}
    )
    assert response.status_code == 302 and response["Location"] == f"{hackathon.url}gallery/"
    client.post(f"/en/me/hackathons/projects/{second.pk}/vote/")
    vote = Vote.objects.get(hackathon=hackathon, user=voter)
    assert vote.submission_id == second.pk
    assert Vote.objects.filter(hackathon=hackathon).count() == 1
    audit = list(VoteAudit.objects.filter(user=voter).order_by("pk"))
    assert [(a.submission_id, a.previous_id) for a in audit] == [
        (first.pk, None),
        (second.pk, first.pk),
    ]
    assert audit[0].ip_address == "127.0.0.1"


@override_settings(TRUSTED_PROXIES=["10.0.0.0/8"])
def test_the_audit_keeps_the_voters_address_behind_the_proxy(client, hackathon, projects):
    first, second = projects
    client.force_login(UserFactory())
    # Behind the trusted proxy, the visitor's address; straight from a visitor, the claim is
    # ignored and the peer address recorded.
    behind_proxy = {"REMOTE_ADDR": "10.0.0.5", "HTTP_X_FORWARDED_FOR": "6.6.6.6, 203.0.113.1"}
    direct = {"REMOTE_ADDR": "198.51.100.7", "HTTP_X_FORWARDED_FOR": "203.0.113.1"}
    client.post(f"/en/me/hackathons/projects/{first.pk}/vote/", **behind_proxy)
    client.post(f"/en/me/hackathons/projects/{second.pk}/vote/", **direct)
    audit = VoteAudit.objects.filter(hackathon=hackathon).order_by("pk")
    assert [a.ip_address for a in audit] == ["203.0.113.1", "198.51.100.7"]


def test_tallies_are_invisible_until_voting_closes(client, hackathon, projects):
    first, _second = projects
    for voter in UserFactory.create_batch(3):
        voting.cast(voter, first)
    with pytest.raises(ActionRefused, match="hidden"):
        voting.tallies(hackathon)
    manager = ProgramManagerFactory()
    project_url = f"{hackathon.url}projects/{first.pk}/"
    assert "People&#x27;s Choice votes" not in client.get(project_url).content.decode()
    client.force_login(manager)
    desk = client.get(f"/admin/hackathon_submissions/hackathons/{hackathon.pk}/").content.decode()
    assert "Counts are hidden until voting closes." in desk
    audit = client.get(f"/admin/hackathon_submissions/hackathons/{hackathon.pk}/votes/")
    assert "Project 0" not in audit.content.decode()  # who voted, not for what
    for kind in ("submissions", "scores", "decisions"):
        export = client.get(
            f"/admin/hackathon_submissions/hackathons/{hackathon.pk}/export/{kind}.json"
        )
        assert "vote" not in export.content.decode().lower()
    assert (
        "vote"
        not in client.get("/admin/hackathon_submissions/?export=csv").content.decode().lower()
    )

    move_phase(hackathon, "past")
    assert voting.tallies(hackathon)[0] == (first, 3)
    assert (
        "Project 0"
        in client.get(
            f"/admin/hackathon_submissions/hackathons/{hackathon.pk}/votes/"
        ).content.decode()
    )
    client.logout()
    page = client.get(project_url).content.decode()
    assert "People&#x27;s Choice votes" in page or "People's Choice votes" in page


def test_vote_rules(hackathon, projects):
    first, _second = projects
    with pytest.raises(ActionRefused, match="verified"):
        voting.cast(UserFactory(verified=False), first)
    with pytest.raises(ActionRefused, match="own team"):
        voting.cast(first.team.memberships.first().user, first)
    move_phase(hackathon, "past")
    with pytest.raises(ActionRefused, match="closed"):
        voting.cast(UserFactory(), first)


def test_votes_are_rate_limited(client, hackathon, projects):
    first, second = projects
    client.force_login(UserFactory())
    statuses = [
        client.post(f"/en/me/hackathons/projects/{(first, second)[n % 2].pk}/vote/").status_code
        for n in range(21)
    ]
    assert statuses[:20] == [302] * 20 and statuses[20] == 429


def test_gallery_search_filter_and_vote_button(client, hackathon, projects):
    first, second = projects
    Submission.objects.filter(pk=second.pk).update(technologies="PostGIS, Flutter")
    gallery = f"{hackathon.url}gallery/"
    assert "Project 1" in client.get(gallery, {"q": "postgis"}).content.decode()
    assert "Project 0" not in client.get(gallery, {"q": "postgis"}).content.decode()
    track = first.team.track_id
    Submission.objects.filter(pk=second.pk)
    second.team.track = hackathon.tracks.exclude(pk=track).first()
    second.team.save()
    page = client.get(gallery, {"track": track}).content.decode()
    assert "Project 0" in page and "Project 1" not in page
    client.force_login(UserFactory())
    assert "Vote for Project 0" in client.get(gallery).content.decode()
