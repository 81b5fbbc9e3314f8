"""The shared review machinery, proved on the test-only application (tests/workflow_app)."""

import math

import pytest
from django.contrib.auth.models import Group

from portal.models import Notification, Review, ReviewAssignment, Rubric
from portal.reviews import permissions
from portal.reviews.services import (
    ReviewRefused,
    assign_reviewer,
    auto_assign,
    results,
    save_review,
    unassign,
)
from tests.conftest import XSS_PAYLOADS, assert_harmless, count_queries
from tests.factories import (
    ProgramManagerFactory,
    RubricFactory,
    StaffFactory,
    SuperuserFactory,
    UserFactory,
)
from tests.workflow_app.models import Application

pytestmark = pytest.mark.django_db


@pytest.fixture
def rubric():
    return RubricFactory()


@pytest.fixture
def manager():
    return StaffFactory()


def make_application(title="Flood sensors", owner=None, state="in_review"):
    return Application.objects.create(title=title, owner=owner or UserFactory(), state=state)


@pytest.fixture
def application():
    return make_application()


@pytest.fixture
def assignment(manager, application, rubric):
    return assign_reviewer(manager, application, UserFactory(), rubric)


def all_scores(rubric, value):
    return {criterion.pk: value for criterion in rubric.criteria.all()}


def submit(assignment, value, recommendation="accept"):
    return save_review(
        assignment.reviewer,
        assignment,
        scores=all_scores(assignment.rubric, value),
        recommendation=recommendation,
        submit=True,
    )


# Assigning ------------------------------------------------------------------------------------


def test_assigning_notifies_the_reviewer_with_a_link_to_the_form(manager, application, rubric):
    reviewer = UserFactory()
    assignment = assign_reviewer(manager, application, reviewer, rubric)
    assert list(ReviewAssignment.objects.for_item(application)) == [assignment]
    assert list(ReviewAssignment.objects.for_reviewer(reviewer)) == [assignment]
    assert assignment.assigned_by == manager and assignment.item == application
    notification = Notification.objects.get(recipient=reviewer)
    assert notification.url == f"/en/me/reviews/{assignment.pk}/"
    assert notification.body == "Flood sensors"


def test_a_conflict_is_refused_with_the_items_reason(manager, application, rubric):
    with pytest.raises(ReviewRefused, match=r"This reviewer submitted the application\."):
        assign_reviewer(manager, application, application.owner, rubric)
    assert not ReviewAssignment.objects.exists()


def test_a_reviewer_is_never_assigned_twice(manager, application, rubric):
    reviewer = UserFactory()
    assign_reviewer(manager, application, reviewer, rubric)
    with pytest.raises(ReviewRefused, match="already assigned"):
        assign_reviewer(manager, application, reviewer, RubricFactory())
    assert ReviewAssignment.objects.count() == 1


def test_only_staff_assign_and_inactive_users_are_refused(manager, application, rubric):
    with pytest.raises(ReviewRefused, match="Only program managers"):
        assign_reviewer(UserFactory(), application, UserFactory(), rubric)
    with pytest.raises(ReviewRefused, match="not active"):
        assign_reviewer(manager, application, UserFactory(is_active=False), rubric)


def test_unassigning_is_refused_once_the_review_is_submitted(manager, assignment):
    submit(assignment, 3)
    with pytest.raises(ReviewRefused, match="already submitted"):
        unassign(manager, assignment)
    draft = assign_reviewer(manager, assignment.item, UserFactory(), assignment.rubric)
    save_review(draft.reviewer, draft, scores={}, recommendation="")
    with pytest.raises(ReviewRefused, match="Only program managers"):
        unassign(draft.reviewer, draft)
    unassign(manager, draft)
    assert not ReviewAssignment.objects.filter(pk=draft.pk).exists()
    assert Review.objects.count() == 1


# Auto-assignment ------------------------------------------------------------------------------


def _panels(made):
    panels = {}
    for assignment in made:
        panels.setdefault(assignment.object_id, set()).add(assignment.reviewer_id)
    return panels


def _connected(panels):
    """True when every item is linked to every other through shared reviewers."""
    groups = list(panels.values())
    reached, frontier = set(groups[0]), [groups[0]]
    seen = {0}
    while frontier:
        frontier.pop()
        for index, group in enumerate(groups):
            if index not in seen and group & reached:
                seen.add(index)
                reached |= group
                frontier.append(group)
    return len(seen) == len(groups)


def test_auto_assign_balances_overlaps_and_avoids_conflicts(manager, rubric):
    reviewers = UserFactory.create_batch(6)
    # Two reviewers submitted items of their own: they must never review those.
    items = [make_application(f"Item {n}") for n in range(6)]
    items += [
        make_application("Own 1", owner=reviewers[0]),
        make_application("Own 2", reviewers[3]),
    ]

    made = auto_assign(manager, items, reviewers, rubric, per_item=3)

    panels = _panels(made)
    assert len(made) == 24 and made.message == ""
    assert all(len(panel) == 3 for panel in panels.values())
    loads = [sum(a.reviewer_id == r.pk for a in made) for r in reviewers]
    assert max(loads) - min(loads) <= 1
    assert _connected(panels)
    for assignment in made:
        assert not permissions.conflict_reason(assignment.item, assignment.reviewer)
    assert Notification.objects.filter(kind="portal.review_assigned").count() == 6


def test_auto_assign_is_deterministic_and_tops_up_only(manager, rubric):
    reviewers = UserFactory.create_batch(5)
    items = [make_application(f"Item {n}") for n in range(7)]
    first = _panels(auto_assign(manager, items, reviewers, rubric))
    ReviewAssignment.objects.all().delete()
    again = _panels(auto_assign(manager, items[::-1], reviewers[::-1], rubric))
    assert first == again
    # Running again adds nothing: every item already has its reviewers.
    assert auto_assign(manager, items, reviewers, rubric) == []


def test_auto_assign_says_when_an_item_is_left_short(manager, rubric):
    reviewers = UserFactory.create_batch(3)
    item = make_application("Own", owner=reviewers[0])
    made = auto_assign(manager, [item], reviewers, rubric, per_item=3)
    assert len(made) == 2
    assert made.shortfalls == {item: 1}
    assert "“Own” still needs 1 reviewer" in made.message


# Reviewing ------------------------------------------------------------------------------------


def test_a_draft_may_be_partial(assignment, rubric):
    first = rubric.criteria.first()
    review = save_review(
        assignment.reviewer,
        assignment,
        scores={first.pk: 4},
        recommendation="",
        comment_for_staff="  Promising.  ",
    )
    assert not review.is_submitted
    assert [(s.criterion_id, s.score) for s in review.scores.all()] == [(first.pk, 4)]
    assert review.comment_for_staff == "Promising."
    assert assignment.status == "draft"


def test_submitting_needs_every_criterion_and_a_recommendation(assignment, rubric):
    first, *others = rubric.criteria.all()
    with pytest.raises(ReviewRefused) as refused:
        save_review(
            assignment.reviewer, assignment, scores={first.pk: 4}, recommendation="", submit=True
        )
    assert set(refused.value.errors) == {
        *(f"criterion_{c.pk}" for c in others),
        "recommendation",
    }
    assert refused.value.errors[f"criterion_{others[0].pk}"] == (
        f"Score “{others[0].label}” before submitting."
    )
    assert not Review.objects.filter(submitted_at__isnull=False).exists()


def test_an_out_of_range_score_gets_a_specific_message(assignment, rubric):
    scores = all_scores(rubric, 3)
    impact = rubric.criteria.get(label="Impact")
    scores[impact.pk] = 9
    with pytest.raises(ReviewRefused, match=r"“Impact” takes a score from 1 to 5\."):
        save_review(assignment.reviewer, assignment, scores=scores, recommendation="accept")


def test_a_submitted_review_is_locked(assignment):
    review = submit(assignment, 4)
    assert review.is_submitted and assignment.status == "done"
    # Impact weighs 2, the others 1; 4 on every 1-5 criterion is three quarters of the range.
    assert review.weighted_score == 75.0
    with pytest.raises(ReviewRefused, match="it can no longer be changed"):
        submit(assignment, 5)
    assert Review.objects.get().scores.first().score == 4


def test_only_the_assigned_reviewer_may_review_and_only_while_open(assignment, manager):
    with pytest.raises(ReviewRefused, match="assigned to someone else"):
        save_review(manager, assignment, scores={}, recommendation="")
    Application.objects.filter(pk=assignment.item.pk).update(state="accepted")
    assignment.refresh_from_db()
    with pytest.raises(ReviewRefused, match="no longer open for review"):
        save_review(assignment.reviewer, assignment, scores={}, recommendation="")


def test_comments_are_plain_text_with_a_length_limit(assignment):
    review = save_review(
        assignment.reviewer,
        assignment,
        scores={},
        recommendation="",
        comment_for_applicant="Good\x00 <b>work</b>",
    )
    # Stored as written (minus control characters); templates escape it.
    assert review.comment_for_applicant == "Good <b>work</b>"
    with pytest.raises(ReviewRefused, match="under 5000 characters"):
        save_review(
            assignment.reviewer,
            assignment,
            scores={},
            recommendation="",
            comment_for_staff="x" * 5001,
        )


# Results --------------------------------------------------------------------------------------


def test_results_normalise_per_reviewer_and_flag_rank_changes(manager, rubric):
    """A harsh and a lenient reviewer. Every criterion gets the same score, so a review's
    weighted score is (score - 1) / 4 * 100.

    harsh (A): Q 4 → 75, R 2 → 25, S 2 → 25   mean 41.67, sd 23.57: z Q √2, R and S -1/√2
    lenient (B): P 5 → 100, R 5 → 100, S 4 → 75   mean 91.67, sd 11.79: z P and R 1/√2, S -√2

    raw: P 100, Q 75, R 62.5, S 50            → P 1, Q 2, R 3, S 4
    normalised: Q √2, P 1/√2, R 0, S -(√2 + 1/√2)/2 → Q 1, P 2, R 3, S 4
    """
    harsh, lenient = UserFactory(), UserFactory()
    p, q, r, s = (make_application(title) for title in "PQRS")
    unreviewed = make_application("U")
    for reviewer, item, score in [
        (harsh, q, 4),
        (harsh, r, 2),
        (harsh, s, 2),
        (lenient, p, 5),
        (lenient, r, 5),
        (lenient, s, 4),
    ]:
        submit(assign_reviewer(manager, item, reviewer, rubric), score)
    # A draft does not count.
    draft = assign_reviewer(manager, p, UserFactory(), rubric)
    save_review(draft.reviewer, draft, scores=all_scores(rubric, 1), recommendation="decline")

    found = {result.item.title: result for result in results([p, q, r, s, unreviewed], rubric)}

    assert [found[t].raw_rank for t in "PQRS"] == [1, 2, 3, 4]
    assert [found[t].normalised_rank for t in "PQRS"] == [2, 1, 3, 4]
    assert [found[t].rank_changed for t in "PQRS"] == [True, True, False, False]
    assert [found[t].raw_mean for t in "PQRS"] == [100, 75, 62.5, 50]
    assert found["Q"].normalised_mean == pytest.approx(math.sqrt(2))
    assert found["P"].normalised_mean == pytest.approx(1 / math.sqrt(2))
    assert found["R"].normalised_mean == pytest.approx(0)
    assert found["S"].normalised_mean == pytest.approx(-(math.sqrt(2) + 1 / math.sqrt(2)) / 2)
    assert [found[t].spread for t in "PQRS"] == [0, 0, 75, 50]
    assert [found[t].n_reviews for t in "PQRS"] == [1, 1, 2, 2]
    assert (found["U"].n_reviews, found["U"].raw_rank, found["U"].rank_changed) == (0, None, False)
    assert [result.item.title for result in results([p, q, r, s, unreviewed], rubric)] == list(
        "QPRSU"
    )


def test_a_reviewer_with_one_review_or_one_score_counts_as_average(manager, rubric):
    alone, flat = UserFactory(), UserFactory()
    a, b = make_application("A"), make_application("B")
    submit(assign_reviewer(manager, a, alone, rubric), 5)
    submit(assign_reviewer(manager, a, flat, rubric), 3)
    submit(assign_reviewer(manager, b, flat, rubric), 3)
    found = {result.item.title: result for result in results([a, b], rubric)}
    assert found["A"].normalised_mean == 0 and found["B"].normalised_mean == 0
    assert found["A"].raw_mean == 75 and found["A"].spread == 50


def _queries_for_results(manager, rubric, count):
    reviewers = UserFactory.create_batch(3)
    items = [make_application(f"Item {n}") for n in range(count)]
    for assignment in auto_assign(manager, items, reviewers, rubric):
        submit(assignment, 1 + assignment.pk % 5)
    with count_queries() as queries:
        found = results(items, rubric)
    assert all(result.n_reviews == 3 for result in found)
    return queries


def test_results_take_the_same_number_of_queries_for_ten_times_the_items(manager):
    results([make_application("Warm-up")], RubricFactory())  # content types cached
    few = _queries_for_results(manager, RubricFactory(), 2)
    many = _queries_for_results(manager, RubricFactory(), 20)
    assert few == many <= 3


# Reviewer pages -------------------------------------------------------------------------------


def _login(client, user):
    client.force_login(user)
    return client


def test_the_reviewer_sees_their_assignments_and_progress(client, manager, rubric):
    reviewer = UserFactory()
    first = assign_reviewer(manager, make_application("Flood sensors"), reviewer, rubric)
    assign_reviewer(manager, make_application("Bus data"), reviewer, rubric)
    submit(first, 3)
    html = _login(client, reviewer).get("/en/me/reviews/").content.decode()
    assert "Flood sensors" in html and "Bus data" in html
    assert "1 of 2 reviewed" in html
    assert "Submitted" in html and "Not started" in html
    dashboard = client.get("/en/me/").content.decode()
    assert 'href="/en/me/reviews/"' in dashboard


def test_the_dashboard_links_to_reviews_only_for_reviewers(client):
    html = _login(client, UserFactory()).get("/en/me/").content.decode()
    assert "/me/reviews/" not in html


def _queries_for_my_reviews(client, manager, reviewer, count):
    for n in range(count):
        assignment = assign_reviewer(
            manager, make_application(f"Item {n}"), reviewer, RubricFactory()
        )
        if n % 2:
            save_review(reviewer, assignment, scores={}, recommendation="")
    with count_queries() as queries:
        assert client.get("/en/me/reviews/").status_code == 200
    return queries


def test_my_reviews_takes_the_same_number_of_queries_for_ten_times_the_items(client, manager):
    reviewer = UserFactory()
    _login(client, reviewer).get("/en/me/reviews/")  # warm the site and settings caches
    few = _queries_for_my_reviews(client, manager, reviewer, 2)
    ReviewAssignment.objects.all().delete()
    many = _queries_for_my_reviews(client, manager, reviewer, 20)
    assert few == many


def test_the_form_shows_the_item_the_rubric_and_its_anchors(client, assignment):
    response = _login(client, assignment.reviewer).get(f"/en/me/reviews/{assignment.pk}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "no-cache" in response["Cache-Control"] or "no-store" in response["Cache-Control"]
    assert 'class="panel review-item"' in html  # the item's own review_template
    assert "1: weak · 3: sound · 5: outstanding" in html
    assert html.count("<fieldset") == 4  # three criteria and the recommendation
    assert "Comment for program managers only" in html
    assert "Comment shared with the applicant" in html
    assert "Save draft" in html and "Submit review" in html


def test_someone_else_or_unassigned_staff_get_404(client, assignment, manager):
    url = f"/en/me/reviews/{assignment.pk}/"
    assert _login(client, UserFactory()).get(url).status_code == 404
    assert _login(client, manager).get(url).status_code == 404
    assert client.post(url, {"save": "1"}).status_code == 404
    assert client.get("/en/me/reviews/999999/").status_code == 404


def test_a_conflict_that_arose_later_hides_the_assignment(client, assignment):
    Application.objects.filter(pk=assignment.item.pk).update(owner=assignment.reviewer)
    assert (
        _login(client, assignment.reviewer).get(f"/en/me/reviews/{assignment.pk}/").status_code
        == 404
    )


def test_anonymous_visitors_are_sent_to_sign_in(client, assignment):
    response = client.get(f"/en/me/reviews/{assignment.pk}/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def _post_data(rubric, value, **extra):
    data = {f"criterion_{c.pk}": value for c in rubric.criteria.all()}
    return {**data, **extra}


def test_saving_a_draft_then_submitting(client, assignment, rubric):
    url = f"/en/me/reviews/{assignment.pk}/"
    _login(client, assignment.reviewer)
    first = rubric.criteria.first()
    response = client.post(
        url, {f"criterion_{first.pk}": "4", "comment_for_staff": "Hm.", "save": "1"}
    )
    assert response.status_code == 302 and response["Location"] == url
    html = client.get(url).content.decode()
    assert f'value="4" id="id_criterion_{first.pk}_3" checked' in html
    assert "Hm.</textarea>" in html
    response = client.post(url, _post_data(rubric, "4", recommendation="accept", submit="1"))
    assert response.status_code == 302 and response["Location"] == "/en/me/reviews/"
    assert Review.objects.get().is_submitted
    locked = client.get(url).content.decode()
    assert (
        "It can no longer be changed" in locked
        and '<form class="stack-form review-form"' not in locked
    )
    client.post(url, _post_data(rubric, "1", recommendation="decline", submit="1"))
    assert Review.objects.get().recommendation == "accept"


def test_bad_input_keeps_what_the_reviewer_typed_with_a_message_per_field(
    client, assignment, rubric
):
    url = f"/en/me/reviews/{assignment.pk}/"
    first, second, _team = rubric.criteria.all()
    data = {
        f"criterion_{first.pk}": "4",
        f"criterion_{second.pk}": "9",
        "comment_for_applicant": "Clear plan, thin budget.",
        "submit": "1",
    }
    response = _login(client, assignment.reviewer).post(url, data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "“Feasibility” takes a score from 1 to 5." in html
    assert "Clear plan, thin budget." in html
    assert f'value="4" id="id_criterion_{first.pk}_3" checked' in html
    # The form is valid once the range is right; the service then names what is missing.
    data[f"criterion_{second.pk}"] = "2"
    html = client.post(url, data).content.decode()
    assert "Score “Team” before submitting." in html
    assert "Choose a recommendation before submitting." in html
    assert f'value="2" id="id_criterion_{second.pk}_1" checked' in html
    assert "Clear plan, thin budget." in html
    assert not Review.objects.filter(submitted_at__isnull=False).exists()


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_hostile_comments_are_rendered_harmless(client, assignment, rubric, payload):
    url = f"/en/me/reviews/{assignment.pk}/"
    _login(client, assignment.reviewer)
    client.post(
        url,
        _post_data(
            rubric,
            "3",
            recommendation="changes",
            comment_for_staff=payload,
            comment_for_applicant=payload,
            submit="1",
        ),
    )
    assert Review.objects.get().is_submitted  # shown read-only, as program managers would see it
    html = client.get(url).content.decode()
    start = html.index('<main id="main"')
    assert_harmless(html[start : html.index("</main>")], allowed_tags=())


def test_the_form_needs_a_csrf_token(assignment, rubric):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(assignment.reviewer)
    response = client.post(f"/en/me/reviews/{assignment.pk}/", _post_data(rubric, "3", save="1"))
    assert response.status_code == 403
    assert not Review.objects.exists()


# Admin ----------------------------------------------------------------------------------------


@pytest.fixture
def submitted(manager, rubric):
    assignment = assign_reviewer(manager, make_application("Flood sensors"), UserFactory(), rubric)
    review = submit(assignment, 4)
    Review.objects.filter(pk=review.pk).update(comment_for_staff="Strong pilot partner.")
    return review


def test_staff_list_inspect_and_export_reviews(client, submitted):
    client.force_login(SuperuserFactory())
    html = client.get("/admin/reviews/").content.decode()
    assert "Flood sensors" in html and "75.0" in html
    assert "Flood sensors" in client.get("/admin/reviews/?q=pilot").content.decode()
    assert "Flood sensors" not in client.get("/admin/reviews/?q=zebra").content.decode()
    assert client.get(f"/admin/reviews/inspect/{submitted.pk}/").status_code == 200
    export = client.get("/admin/reviews/?export=csv")
    assert export.status_code == 200
    rows = b"".join(export.streaming_content).decode().splitlines()
    assert rows[0].startswith("Reviewer,Reviewer e-mail,Item")
    assert "Flood sensors" in rows[1] and "75.0" in rows[1] and "Strong pilot partner." in rows[1]
    assert client.get("/admin/reviews/?export=xlsx").status_code == 200
    assert client.get("/admin/reviews/?recommendation=decline").status_code == 200


def test_staff_list_and_export_assignments(client, submitted):
    client.force_login(SuperuserFactory())
    html = client.get("/admin/review_assignments/").content.decode()
    assert "Flood sensors" in html and "Submitted" in html
    export = b"".join(client.get("/admin/review_assignments/?export=csv").streaming_content)
    assert "Flood sensors" in export.decode()


def test_reviews_are_never_edited_in_the_admin(client, submitted):
    client.force_login(SuperuserFactory())
    assert client.get(f"/admin/reviews/edit/{submitted.pk}/").status_code in (302, 403)
    assert client.get(
        f"/admin/review_assignments/delete/{submitted.assignment.pk}/"
    ).status_code in (
        302,
        403,
    )
    assert Review.objects.filter(pk=submitted.pk).exists()


def test_program_managers_edit_rubrics_with_their_criteria_inline(client):
    client.force_login(ProgramManagerFactory())
    html = client.get("/admin/rubrics/new/").content.decode()
    assert "criteria-TOTAL_FORMS" in html
    data = {
        "name": "Hackathon judging",
        "description": "",
        "criteria-TOTAL_FORMS": "1",
        "criteria-INITIAL_FORMS": "0",
        "criteria-MIN_NUM_FORMS": "1",
        "criteria-MAX_NUM_FORMS": "1000",
        "criteria-0-label": "Impact",
        "criteria-0-description": "",
        "criteria-0-weight": "2",
        "criteria-0-min_score": "1",
        "criteria-0-max_score": "5",
        "criteria-0-anchors": "",
        "criteria-0-ORDER": "1",
        "criteria-0-id": "",
        "criteria-0-DELETE": "",
    }
    assert client.post("/admin/rubrics/new/", data).status_code == 302
    rubric = Rubric.objects.get(name="Hackathon judging")
    assert [(c.label, c.weight) for c in rubric.criteria.all()] == [("Impact", 2)]
    assert client.get("/admin/reviews/").status_code == 200
    assert client.get("/admin/review_assignments/").status_code == 200


def test_program_managers_hold_the_review_permissions():
    group = Group.objects.get(name="Program managers")
    codenames = set(group.permissions.values_list("codename", flat=True))
    for model in ("rubric", "criterion", "reviewassignment", "review"):
        assert {f"add_{model}", f"change_{model}", f"view_{model}"} <= codenames
