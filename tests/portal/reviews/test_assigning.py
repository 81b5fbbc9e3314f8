"""Assigning reviewers by hand and automatically: conflicts, duplicates, who may assign."""

import pytest

from portal.models import Notification, Review, ReviewAssignment
from portal.reviews import permissions
from portal.reviews.services import (
    ReviewRefused,
    assign_reviewer,
    auto_assign,
    save_review,
    unassign,
)
from tests.factories import RubricFactory, UserFactory
from tests.portal.reviews.helpers import make_application, submit

pytestmark = pytest.mark.django_db


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
