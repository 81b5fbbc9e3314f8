"""Helpers of the review tests: an item of the test-only pipeline and a submitted review."""

from portal.reviews.services import save_review
from tests.factories import UserFactory
from tests.workflow_app.models import Application


def make_application(title="Flood sensors", owner=None, state="in_review"):
    return Application.objects.create(title=title, owner=owner or UserFactory(), state=state)


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
