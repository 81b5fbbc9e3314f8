"""Hackathon judging: the assignment engine (≥ 3 judges, balanced, overlapping, no conflicts),
results raw and normalised on a hand-checked example, disqualification, awards, the finals
round (Crowd-BT with undo), exports, and the contract with pilots."""

import json

import pytest
from django.contrib.contenttypes.models import ContentType

from events.hackathons import crowd_bt, finals, judging, submissions
from events.hackathons.services import pilot_fields
from events.models import HackathonPerson, Submission
from portal.models import Notification, ReviewAssignment
from portal.reviews import services as reviews
from portal.services import ActionRefused
from tests.events.conftest import fill, make_hackathon, make_team, move_phase
from tests.factories import OrganisationFactory, ProgramManagerFactory, UserFactory

pytestmark = pytest.mark.django_db


def _judges(hackathon, count):
    judges = UserFactory.create_batch(count)
    for order, judge in enumerate(judges):
        HackathonPerson.objects.create(
            page=hackathon, role="judge", name=judge.name, user=judge, sort_order=order
        )
    return judges


def _submitted(hackathon, count, **team_kwargs):
    projects = []
    for number in range(count):
        team = make_team(hackathon, UserFactory(), UserFactory(), name=f"Team {number}")
        fill(team.submission, title=f"Project {number}")
        submissions.submit(team.memberships.first().user, team.submission)
        projects.append(Submission.objects.get(pk=team.submission.pk))
    return projects


def _panels(projects):
    content_type = ContentType.objects.get_for_model(Submission)
    panels = {p.pk: set() for p in projects}
    for object_id, reviewer in ReviewAssignment.objects.filter(
        content_type=content_type
    ).values_list("object_id", "reviewer_id"):
        panels[int(object_id)].add(reviewer)
    return panels


def test_assignment_gives_three_judges_balanced_overlapping_and_never_a_conflict(hackathon):
    judges = _judges(hackathon, 6)
    projects = _submitted(hackathon, 10)
    # Judge 0 belongs to project 0's start-up; judge 1 sits in project 1's team; judge 2 declared
    # a conflict with project 2's team; judge 3 works where a member of project 3 works.
    startup = OrganisationFactory()
    startup.memberships.create(user=judges[0], role="member")
    projects[0].team.organisation = startup
    projects[0].team.save()
    projects[1].team.memberships.create(hackathon=hackathon, user=judges[1])
    judging.declare_conflict(judges[2], projects[2].team, "My cousin")
    employer = OrganisationFactory()
    employer.memberships.create(user=judges[3], role="member")
    employer.memberships.create(user=projects[3].team.memberships.first().user, role="member")

    draft = make_team(hackathon, UserFactory(), UserFactory(), name="Still a draft")
    made = judging.assign_judges(ProgramManagerFactory(), hackathon)
    assert made.message == ""
    assert not ReviewAssignment.objects.for_item(draft.submission).exists()  # drafts are not judged
    panels = _panels(projects)
    assert all(len(panel) >= 3 for panel in panels.values())
    assert judges[0].pk not in panels[projects[0].pk]
    assert judges[1].pk not in panels[projects[1].pk]
    assert judges[2].pk not in panels[projects[2].pk]
    assert judges[3].pk not in panels[projects[3].pk]
    loads = [sum(j.pk in panel for panel in panels.values()) for j in judges]
    assert max(loads) - min(loads) <= 1  # 30 assignments over 6 judges: 5 each
    # Overlap: the projects form one connected comparison through shared judges.
    reached, frontier = {projects[0].pk}, [projects[0].pk]
    while frontier:
        current = frontier.pop()
        for other, panel in panels.items():
            if other not in reached and panel & panels[current]:
                reached.add(other)
                frontier.append(other)
    assert reached == set(panels)
    # The judge's own screen shows the assignments with the rubric; a conflicted one is hidden.
    assert judging.assign_judges(ProgramManagerFactory(), hackathon) == []  # idempotent


def test_declared_conflict_withdraws_an_unstarted_assignment(client, hackathon):
    judges = _judges(hackathon, 4)
    (project,) = _submitted(hackathon, 1)
    judging.assign_judges(ProgramManagerFactory(), hackathon)
    judge = next(j for j in judges if j.pk in _panels([project])[project.pk])
    client.force_login(judge)
    response = client.post(
        f"/en/me/hackathons/{hackathon.pk}/conflicts/", {"team": project.team_id}
    )
    assert response.status_code == 302
    assert judge.pk not in _panels([project])[project.pk]
    client.force_login(UserFactory())  # not a judge
    assert client.get(f"/en/me/hackathons/{hackathon.pk}/conflicts/").status_code == 404


def _score(judge, project, rubric, value):
    assignment = ReviewAssignment.objects.get(reviewer=judge, object_id=str(project.pk))
    criterion = rubric.criteria.get()
    reviews.save_review(
        judge,
        assignment,
        scores={criterion.pk: value},
        recommendation="accept",
        comment_for_applicant=f"Shared note {value}",
        submit=True,
    )


def test_normalised_ranking_on_a_hand_checked_example(hackathon):
    """A lenient judge L (A=5, B=4, C=1) and a harsh judge H (B=3, C=2, D=4), one 1-5 criterion,
    so a score s is worth (s-1)/4*100 on the 0-100 scale.

    L: A 100, B 75, C 0  → mean 58.333, population sd 42.492 → z A +0.9806, B +0.3922, C -1.3728
    H: B 50, C 25, D 75  → mean 50, population sd 20.412     → z B 0, C -1.2247, D +1.2247
    Raw means: A 100, D 75, B 62.5, C 12.5          → ranks A 1, D 2, B 3, C 4
    Normalised: D 1.2247, A 0.9806, B 0.1961, C -1.2988 → ranks D 1, A 2, B 3, C 4
    H is harsh: D is H's best project and beats A (only the lenient judge saw it) once
    each judge's severity is taken out; A and D swap and both carry the flag.
    """
    lenient, harsh = _judges(hackathon, 2)
    a, b, c, d = _submitted(hackathon, 4)
    rubric, manager = hackathon.rubric, ProgramManagerFactory()
    for judge, project in [
        (lenient, a),
        (lenient, b),
        (lenient, c),
        (harsh, b),
        (harsh, c),
        (harsh, d),
    ]:
        reviews.assign_reviewer(manager, project, judge, rubric)
    for judge, project, value in [
        (lenient, a, 5),
        (lenient, b, 4),
        (lenient, c, 1),
        (harsh, b, 3),
        (harsh, c, 2),
        (harsh, d, 4),
    ]:
        _score(judge, project, rubric, value)

    found = {r.item.pk: r for r in judging.results(hackathon)}
    expected = {  # raw mean, raw rank, normalised mean, normalised rank, spread, std
        a.pk: (100.0, 1, 0.9806, 2, 0.0, None),
        d.pk: (75.0, 2, 1.2247, 1, 0.0, None),
        b.pk: (62.5, 3, 0.1961, 3, 25.0, 12.5),
        c.pk: (12.5, 4, -1.2988, 4, 25.0, 12.5),
    }
    for pk, (raw, raw_rank, norm, norm_rank, spread, std) in expected.items():
        result = found[pk]
        assert result.raw_mean == pytest.approx(raw)
        assert result.raw_rank == raw_rank
        assert result.normalised_mean == pytest.approx(norm, abs=1e-4)
        assert result.normalised_rank == norm_rank
        assert result.spread == pytest.approx(spread)
        assert result.std == (None if std is None else pytest.approx(std))
    assert [found[p.pk].rank_changed for p in (a, b, c, d)] == [True, False, False, True]
    assert [r.item.pk for r in judging.results(hackathon)] == [d.pk, a.pk, b.pk, c.pk]

    # The desk shows both columns side by side, with the flag; the scores export has them too.
    client = __import__("django.test", fromlist=["Client"]).Client()
    client.force_login(manager)
    page = client.get(f"/admin/hackathon_submissions/hackathons/{hackathon.pk}/").content.decode()
    assert "Normalised (z)" in page and "Offset rank" in page and "⚑" in page
    rows = json.loads(
        client.get(
            f"/admin/hackathon_submissions/hackathons/{hackathon.pk}/export/scores.json"
        ).content
    )
    by_id = {row["id"]: row for row in rows}
    assert by_id[d.pk]["normalised_rank"] == 1 and by_id[d.pk]["raw_rank"] == 2
    assert by_id[a.pk]["rank_changed"] is True
    for pk in (a.pk, b.pk, c.pk, d.pk):  # the offset model's rank and the flag, as on the desk
        assert by_id[pk]["offset_rank"] == found[pk].offset_rank is not None
        assert by_id[pk]["rankings_disagree"] is found[pk].rankings_disagree
    assert by_id[a.pk]["rankings_disagree"] is True

    # Results out: the team sees its scores and the judges' shared comments.
    move_phase(hackathon, "past")
    feedback = judging.feedback_for_team(Submission.objects.get(pk=b.pk))
    assert sorted(r["comment"] for r in feedback["reviews"]) == ["Shared note 3", "Shared note 4"]
    assert feedback["result"].normalised_rank == 3


def test_disqualify_tells_team_and_hides_from_gallery_awards_show_winners(client, hackathon):
    winner, cheat = _submitted(hackathon, 2)
    manager = ProgramManagerFactory()
    gallery = f"{hackathon.url}gallery/"
    assert "Project 1" in client.get(gallery).content.decode()
    with pytest.raises(ActionRefused, match="message"):
        submissions.disqualify(manager, cheat, "")
    with pytest.raises(ActionRefused):
        submissions.disqualify(cheat.team.memberships.first().user, cheat, "Mine")
    submissions.disqualify(manager, cheat, "Code written before the hacking days.")
    members = [m.user for m in cheat.team.memberships.all()]
    notice = Notification.objects.filter(recipient__in=members, kind__endswith="disqualify")
    assert notice.count() == 2 and "before the hacking days" in notice.first().body
    assert "Project 1" not in client.get(gallery).content.decode()
    assert client.get(f"{hackathon.url}projects/{cheat.pk}/").status_code == 404
    with pytest.raises(ActionRefused, match="submitted projects"):
        judging.add_award(manager, hackathon, Submission.objects.get(pk=cheat.pk), title="Best")

    track = hackathon.tracks.first()
    judging.add_award(manager, hackathon, winner, title="Winner of Track 1", track=track)
    assert "Winner of Track 1" not in client.get(hackathon.url).content.decode()  # not published
    assert judging.publish_awards(manager, hackathon) == 1
    assert Submission.objects.get(pk=winner.pk).state == "awarded"
    assert "Winner of Track 1" in client.get(hackathon.url).content.decode()
    assert "Winner of Track 1" in client.get(gallery).content.decode()
    assert "Winner of Track 1" in client.get(f"/id{hackathon.url[3:]}").content.decode()

    decisions = client.get(
        f"/admin/hackathon_submissions/hackathons/{hackathon.pk}/export/decisions.csv"
    )
    assert decisions.status_code == 302  # not signed in: to the admin login
    client.force_login(manager)
    text = client.get(
        f"/admin/hackathon_submissions/hackathons/{hackathon.pk}/export/decisions.csv"
    ).content.decode()
    assert "Winner of Track 1" in text and "disqualified" in text
    client.force_login(UserFactory(is_staff=False))
    assert client.get(
        f"/admin/hackathon_submissions/hackathons/{hackathon.pk}/export/decisions.csv"
    ).status_code in (302, 404)


def test_pilot_contract(hackathon):
    """What the pilots app reads; the challenge and agency path is proven end to end in
    tests/programs/test_pilot_from_hackathon.py."""
    (project,) = _submitted(hackathon, 1)
    assert not project.can_become_pilot()
    fields = pilot_fields(project)
    assert fields["title"] == "Project 0" and fields["lead_organisation"] is None
    assert fields["challenge"] is None and fields["agency"] is None
    startup = OrganisationFactory()
    project.team.organisation = startup
    project.team.save()
    judging.add_award(ProgramManagerFactory(), hackathon, project, title="Winner")
    judging.publish_awards(ProgramManagerFactory(), hackathon)
    project = Submission.objects.select_related("team__track__challenge").get(pk=project.pk)
    assert project.can_become_pilot()
    fields = pilot_fields(project)
    assert fields["lead_organisation"] == startup
    assert (
        fields["summary"] == "Project 0 tagline" and fields["solution"] == "Project 0 description"
    )


def test_crowd_bt_update_moves_winner_up_and_matches_gavel():
    _alpha, _beta, mu_w, mu_l, s_w, s_l = crowd_bt.update(10.0, 1.0, 0.0, 1.0, 0.0, 1.0)
    assert mu_w > 0 > mu_l and mu_w == pytest.approx(-mu_l)
    assert s_w < 1 and s_l < 1
    # First update from the priors, by hand: mu moves by sigma² · (alpha/(alpha+beta) - 1/2).
    assert mu_w == pytest.approx(0.40909, abs=1e-4)
    assert crowd_bt.digamma(1.0) == pytest.approx(-0.5772156649, abs=1e-9)
    assert crowd_bt.expected_information_gain(10, 1, 0, 1, 0, 1) > 0


def test_finals_vote_and_undo(hackathon_index):
    hackathon = make_hackathon(hackathon_index, finals_enabled=True)
    judge = _judges(hackathon, 1)[0]
    projects = _submitted(hackathon, 3)
    finals.start_finals(ProgramManagerFactory(), hackathon, projects)
    state = finals.judge_state(judge, hackathon)
    first_pair = (state.previous_id, state.current_id)
    assert None not in first_pair
    finals.vote(judge, hackathon, current_wins=True)
    after = {f.pk: (f.mu, f.sigma_sq) for f in finals.standings(hackathon)}
    assert after[first_pair[1]][0] > after[first_pair[0]][0]
    finals.undo(judge, hackathon)
    state = finals.judge_state(judge, hackathon)
    assert (state.previous_id, state.current_id) == first_pair
    assert all(f.mu == 0.0 and f.sigma_sq == 1.0 for f in finals.standings(hackathon))
    assert (state.alpha, state.beta) == (10.0, 1.0)
    with pytest.raises(ActionRefused, match="no vote to undo"):
        finals.undo(judge, hackathon)
    with pytest.raises(ActionRefused):
        finals.judge_state(UserFactory(), hackathon)
