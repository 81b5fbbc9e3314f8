"""Results: raw and per-reviewer normalised scores, rank-change flags, a flat query count."""

import math

import pytest

from portal.reviews.services import assign_reviewer, auto_assign, results, save_review
from tests.conftest import count_queries
from tests.factories import RubricFactory, UserFactory
from tests.portal.reviews.helpers import all_scores, make_application, submit

pytestmark = pytest.mark.django_db


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
