"""The additive reviewer-offset model, checked by hand, and its third ranking in results()."""

from datetime import timedelta

import pytest
from django.utils import timezone

from portal.models import CriterionScore, ReviewAssignment
from portal.reviews.offsets import fit
from portal.reviews.results import results
from tests.factories import CriterionFactory, ReviewFactory, RubricFactory, UserFactory

# Reviewer A scores X 60 and Y 50; reviewer B scores X 70, Y 90 and Z 20.
SCORES = [("X", "A", 60), ("Y", "A", 50), ("X", "B", 70), ("Y", "B", 90), ("Z", "B", 20)]


def test_without_regularisation_the_fit_is_the_hand_computed_least_squares_solution():
    # X and Y were seen by both: the fitted difference Y - X is the mean of A's -10 and B's +20;
    # the residual +-7.5 is the one interaction the model cannot explain; Z (seen by B only)
    # sits 50 below B's fitted X, which is 70 + 7.5.
    result = fit(SCORES, quality_penalty=0, offset_penalty=1e-12)
    q = result.quality
    assert q["Y"] - q["X"] == pytest.approx(5, abs=1e-4)
    assert q["X"] - q["Z"] == pytest.approx(57.5, abs=1e-4)
    assert result.offsets["A"] - result.offsets["B"] == pytest.approx(-25, abs=1e-4)


def test_regularisation_shrinks_offsets_but_keeps_the_order():
    result = fit(SCORES)
    q = result.quality
    assert q["Y"] > q["X"] > q["Z"]
    assert 0 < q["Y"] - q["X"] < 5
    assert -25 < result.offsets["A"] - result.offsets["B"] < 0  # A harsh, B lenient, shrunk


def test_a_lone_review_and_no_reviews():
    assert fit([]).quality == {}
    alone = fit([("X", "A", 80)])
    # One review cannot tell quality from severity: the penalties share it out, mostly to the
    # item (its penalty is a hundred times smaller), and the sum still explains the score.
    assert alone.mean + (alone.quality["X"] - alone.mean) + alone.offsets["A"] == pytest.approx(
        80, abs=1e-3
    )


def _review(item, reviewer, rubric, criterion, score):
    assignment = ReviewAssignment.objects.create(item=item, reviewer=reviewer, rubric=rubric)
    review = ReviewFactory(assignment=assignment, submitted_at=timezone.now() - timedelta(hours=1))
    CriterionScore.objects.create(review=review, criterion=criterion, score=score)


@pytest.mark.django_db
def test_results_show_three_rankings_and_flag_where_z_scores_and_offsets_disagree():
    rubric = RubricFactory(criteria=[])
    criterion = CriterionFactory(rubric=rubric, min_score=0, max_score=10)
    # Any model can be reviewed; users stand in for the three items here.
    items = {name: UserFactory(email=f"{name.lower()}@items.example") for name in "XYZ"}
    reviewers = {name: UserFactory() for name in "AB"}
    for item, reviewer, score in SCORES:
        _review(items[item], reviewers[reviewer], rubric, criterion, score // 10)
    found = {r.item.email[0].upper(): r for r in results(items.values(), rubric)}
    # Raw means: Y 70, X 65, Z 20.
    assert [found[k].raw_rank for k in "XYZ"] == [2, 1, 3]
    # z: A's X +1, Y -1; B's X +0.34, Y +1.02, Z -1.36 -> X 0.67 > Y 0.01 > Z -1.36.
    assert [found[k].normalised_rank for k in "XYZ"] == [1, 2, 3]
    assert found["X"].normalised_mean == pytest.approx(0.6698, abs=1e-3)
    # The offset model: Y > X > Z, with A harsh and B lenient.
    assert [found[k].offset_rank for k in "XYZ"] == [2, 1, 3]
    assert found["Y"].offset_quality - found["X"].offset_quality == pytest.approx(4.97, abs=0.05)
    assert [found[k].rankings_disagree for k in "XYZ"] == [True, True, False]
