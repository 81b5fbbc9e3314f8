"""Writing a review: drafts, submitting, score ranges, locking, who may review, comments."""

import pytest

from portal.models import Review
from portal.reviews.services import ReviewRefused, save_review
from tests.portal.reviews.helpers import all_scores, submit
from tests.workflow_app.models import Application

pytestmark = pytest.mark.django_db


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
