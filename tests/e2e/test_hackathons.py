"""Hackathons in the browser: a member forms a team, invites a second member who joins, they
submit before the deadline and find the project locked after it; a judge scores it on the
rubric; a member votes for the People's Choice. axe finds no violations on the hackathon pages
(index, page, teams, gallery, project, team and project screens) in both languages."""

import pytest

from events.hackathons import judging, submissions
from events.models import HackathonPerson, Submission, Team
from portal.models import Review, ReviewAssignment
from tests.conftest import seed_demo_site
from tests.e2e.axe import assert_accessible
from tests.e2e.test_events import sign_in
from tests.events.conftest import fill, make_hackathon, make_team, move_phase
from tests.factories import ProgramManagerFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def seed_hackathon():
    from wagtail.models import Locale

    from events.hackathons.demo import _index
    from portal.i18n import synchronise_page_trees
    from portal.models import HomePage

    seed_demo_site()
    home = HomePage.objects.get(locale__language_code="en")
    index = _index(home, Locale.objects.get(language_code="id"))
    synchronise_page_trees()
    page = make_hackathon(index, title="Future City Hackathon 2026")
    HackathonPerson.objects.create(page=page, role="mentor", name="Bayu Mentor")


@pytest.fixture
def hackathon(seeded):
    from events.models import HackathonPage

    seeded(seed_hackathon)
    return HackathonPage.objects.get(title="Future City Hackathon 2026", locale__language_code="en")


def test_team_submission_judging_and_voting(page, hackathon):
    leader = UserFactory(email="leader@example.org", name="Sari Leader")
    friend = UserFactory(email="friend@example.org", name="Dimas Friend")
    judges = [UserFactory(email=f"judge{n}@example.org", name=f"Judge {n}") for n in range(3)]
    for judge in judges:
        HackathonPerson.objects.create(page=hackathon, role="judge", name=judge.name, user=judge)
    rival = make_team(hackathon, UserFactory(), UserFactory(), name="Tim Rival")
    fill(rival.submission, title="Udara Watch")
    submissions.submit(rival.memberships.first().user, rival.submission)

    sign_in(page, leader.email)
    page.goto(hackathon.url)
    page.get_by_role("link", name="Form a team").click()
    page.fill("input[name=name]", "Tim Banjir")
    page.select_option("select[name=track]", label="Track 1")
    page.get_by_role("button", name="Form the team").click()
    page.wait_for_selector("text=Your team is formed.")
    assert_accessible(page)
    page.fill("input[name=email]", friend.email)
    page.get_by_role("button", name="Send invitation").click()
    page.wait_for_selector("text=Invitation sent.")
    team = Team.objects.get(name="Tim Banjir")

    sign_in(page, friend.email)
    page.goto(f"/en/me/hackathons/invitations/{team.invitations.get().token}/")
    page.get_by_role("button", name="Join the team").click()
    page.wait_for_selector("text=Welcome to the team.")

    page.get_by_role("link", name="Open the project").click()
    page.fill("input[name=title]", "Banjir Alert")
    page.fill("input[name=tagline]", "Flood alerts for every RT")
    page.fill("textarea[name=description]", "Residents get flood warnings per neighbourhood.")
    assert_accessible(page)
    page.get_by_role("button", name="Submit the project").click()
    page.wait_for_selector("text=Your project is submitted.")
    assert Submission.objects.get(team=team).state == "submitted"

    move_phase(hackathon, "judging")
    page.reload()
    assert page.locator("text=The submission deadline has passed").count() == 1
    assert page.locator("input[name=title]").count() == 0

    judging.assign_judges(ProgramManagerFactory(), hackathon)
    assignment = ReviewAssignment.objects.filter(object_id=str(team.submission.pk)).first()
    sign_in(page, assignment.reviewer.email)
    page.goto("/en/me/reviews/")
    page.get_by_role("link", name="Banjir Alert").click()
    # count() does not wait: let the review page load before counting on it.
    page.locator("text=Flood alerts for every RT").first.wait_for()
    assert page.locator("text=Flood alerts for every RT").count() >= 1
    page.locator("input[type=radio][value='4']").first.check()
    page.locator("input[name=recommendation][value=accept]").check()
    page.get_by_role("button", name="Submit review").click()
    page.wait_for_load_state()
    assert Review.objects.get(assignment=assignment).is_submitted

    voter = UserFactory(email="voter@example.org")
    sign_in(page, voter.email)
    page.goto(f"{hackathon.url}gallery/")
    page.get_by_role("button", name="Vote for Udara Watch").click()
    page.wait_for_selector("text=Your vote is counted.")
    page.get_by_role("button", name="Vote for Banjir Alert").click()
    page.wait_for_selector("text=Your vote is counted.")
    assert voter.hackathon_votes.get().submission.title == "Banjir Alert"
    assert page.locator("text=Your vote").count() >= 1


def test_hackathon_pages_have_no_accessibility_violations(page, hackathon):
    team = make_team(hackathon, UserFactory(email="axe@example.org"), UserFactory(), name="Tim Axe")
    Team.objects.filter(pk=team.pk).update(looking_for_members=True, skills_wanted="UX")
    fill(team.submission, title="Kali Bersih")
    submissions.submit(team.memberships.first().user, team.submission)
    public = [
        "hackathons/",
        f"hackathons/{hackathon.slug}/",
        f"hackathons/{hackathon.slug}/teams/",
        f"hackathons/{hackathon.slug}/gallery/",
        f"hackathons/{hackathon.slug}/projects/{team.submission.pk}/",
    ]
    private = [
        f"me/hackathons/teams/{team.pk}/",
        f"me/hackathons/teams/{team.pk}/project/",
        f"me/hackathons/{hackathon.pk}/team/new/",
        "me/hackathons/",
    ]
    for language in ("en", "id"):
        page.context.clear_cookies()
        for path in public:
            page.goto(f"/{language}/{path}")
            assert page.locator("html").get_attribute("lang") == language
            assert_accessible(page)
        sign_in(page, "axe@example.org", language)
        for path in private:
            page.goto(f"/{language}/{path}")
            assert_accessible(page)


def test_a_leader_revokes_an_invitation_and_a_member_withdraws_a_request(page, hackathon):
    """Both after a confirmation page, from where the waiting item is listed."""
    from events.hackathons import teams
    from events.models import TeamInvitation, TeamJoinRequest

    leader = UserFactory(email="lead@example.org")
    asker = UserFactory(email="asker@example.org")
    team = make_team(hackathon, leader, name="Tim Sungai")
    Team.objects.filter(pk=team.pk).update(looking_for_members=True)
    teams.invite(leader, team, "guest@example.org")
    teams.request_to_join(asker, team, "I do Flutter")

    sign_in(page, leader.email)
    page.goto(f"/en/me/hackathons/teams/{team.pk}/")
    page.get_by_role("link", name="Revoke · guest@example.org").click()
    page.wait_for_selector("text=Revoke the invitation to guest@example.org?")
    assert_accessible(page)
    page.get_by_role("button", name="Revoke the invitation").click()
    page.wait_for_selector("text=The invitation to guest@example.org was revoked.")
    assert TeamInvitation.objects.get(team=team).state == "revoked"

    sign_in(page, asker.email)
    page.goto("/en/me/hackathons/")
    page.get_by_role("link", name="Withdraw · Tim Sungai").click()
    page.wait_for_selector("text=Withdraw your request to join Tim Sungai?")
    page.get_by_role("button", name="Withdraw my request").click()
    page.wait_for_selector("text=Your request to join Tim Sungai was withdrawn.")
    assert TeamJoinRequest.objects.get(team=team).state == "withdrawn"
    assert_accessible(page)
