"""Hackathon public pages in both languages, the judge's screen, private screens answering 404,
and query counts that do not grow with the data."""

import pytest

from events.hackathons import judging, submissions
from events.models import HackathonPerson, Submission, Team
from portal.models import ReviewAssignment
from tests.conftest import page_queries
from tests.events.conftest import fill, make_team
from tests.factories import ProgramManagerFactory, UserFactory

pytestmark = pytest.mark.django_db


def _project(hackathon, number):
    team = make_team(hackathon, UserFactory(), UserFactory(), name=f"Team {number}")
    Team.objects.filter(pk=team.pk).update(looking_for_members=True, skills_wanted="UX")
    fill(team.submission, title=f"Project {number}")
    submissions.submit(team.memberships.first().user, team.submission)
    return Submission.objects.get(pk=team.submission.pk)


def test_public_pages_in_both_languages(client, hackathon):
    HackathonPerson.objects.create(page=hackathon, role="judge", name="Rina Judge")
    HackathonPerson.objects.create(page=hackathon, role="mentor", name="Bayu Mentor")
    project = _project(hackathon, 1)
    for language in ("en", "id"):
        base = f"/{language}/hackathons/"
        index = client.get(base)
        assert index.status_code == 200 and "Future City Hackathon" in index.content.decode()
        page = client.get(f"{base}{hackathon.slug}/").content.decode()
        for text in ("Track 1", "Rp 10,000,000", "Rina Judge", "Bayu Mentor", "WIB"):
            assert text in page, (language, text)
        assert "Team 1" in client.get(f"{base}{hackathon.slug}/teams/").content.decode()
        assert "Project 1" in client.get(f"{base}{hackathon.slug}/gallery/").content.decode()
        assert client.get(f"{base}{hackathon.slug}/projects/{project.pk}/").status_code == 200
    assert client.get(f"/en/hackathons/{hackathon.slug}/projects/999999/").status_code == 404


def test_drafts_are_not_public(client, hackathon):
    leader = UserFactory()
    team = make_team(hackathon, leader)
    fill(team.submission, title="Secret draft")
    url = f"{hackathon.url}projects/{team.submission.pk}/"
    assert client.get(url).status_code == 404
    assert "Secret draft" not in client.get(f"{hackathon.url}gallery/").content.decode()
    client.force_login(leader)
    assert client.get(url).status_code == 200


def test_judge_screen_shows_the_project_and_rubric_and_hides_conflicts(client, hackathon):
    judges = UserFactory.create_batch(3)
    for judge in judges:
        HackathonPerson.objects.create(page=hackathon, role="judge", name=judge.name, user=judge)
    project = _project(hackathon, 1)
    judging.assign_judges(ProgramManagerFactory(), hackathon)
    assignment = ReviewAssignment.objects.for_item(project).first()
    client.force_login(assignment.reviewer)
    listing = client.get("/en/me/reviews/").content.decode()
    assert "Project 1" in listing
    screen = client.get(f"/en/me/reviews/{assignment.pk}/").content.decode()
    assert "Project 1 tagline" in screen and "Impact" in screen
    assert "Declare a conflict of interest" in screen
    judging.declare_conflict(assignment.reviewer, project.team)
    # A started review stays on record, but the conflict hides it from the judge.
    client.force_login(judges[0] if judges[0] != assignment.reviewer else judges[1])
    assert client.get(f"/en/me/reviews/{assignment.pk}/").status_code == 404


def test_private_urls_answer_404_or_login(client, hackathon):
    project = _project(hackathon, 1)
    team = project.team
    private = [
        f"/en/me/hackathons/teams/{team.pk}/",
        f"/en/me/hackathons/teams/{team.pk}/project/",
        f"/en/me/hackathons/projects/{project.pk}/deck/",
        f"/en/me/hackathons/{hackathon.pk}/finals/",
        f"/en/me/hackathons/{hackathon.pk}/conflicts/",
    ]
    for url in private:
        assert client.get(url).status_code == 302, url  # to sign-in
    client.force_login(UserFactory())
    for url in private:
        assert client.get(url).status_code == 404, url
    admin_urls = [
        f"/admin/hackathon_submissions/hackathons/{hackathon.pk}/",
        f"/admin/hackathon_submissions/hackathons/{hackathon.pk}/votes/",
        f"/admin/hackathon_submissions/hackathons/{hackathon.pk}/export/scores.csv",
    ]
    client.force_login(UserFactory(is_staff=True))  # staff without admin access
    for url in admin_urls:
        assert client.get(url).status_code in (302, 403, 404), url
    client.force_login(ProgramManagerFactory())
    for url in admin_urls:
        assert client.get(url).status_code == 200, url
    for url in private[:2]:  # a team's own screens: not even program managers
        assert client.get(url).status_code == 404, url


_queries = page_queries


def test_lists_and_pages_do_not_grow_with_the_data(client, hackathon):
    first = _project(hackathon, 0)
    urls = [
        hackathon.url,
        f"{hackathon.url}teams/",
        f"{hackathon.url}gallery/",
        f"{hackathon.url}projects/{first.pk}/",
    ]
    client.force_login(UserFactory())
    before = [_queries(client, url) for url in urls]
    for number in range(1, 10):
        _project(hackathon, number)
    assert [_queries(client, url) for url in urls] == before
