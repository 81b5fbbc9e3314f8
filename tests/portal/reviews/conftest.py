"""The shared review machinery, proved on the test-only application (tests/workflow_app):
a rubric, a program manager, an item in review and its assignment to a reviewer."""

import pytest

from portal.reviews.services import assign_reviewer
from tests.factories import RubricFactory, StaffFactory, UserFactory
from tests.portal.reviews.helpers import make_application


@pytest.fixture
def rubric():
    return RubricFactory()


@pytest.fixture
def manager():
    return StaffFactory()


@pytest.fixture
def application():
    return make_application()


@pytest.fixture
def assignment(manager, application, rubric):
    return assign_reviewer(manager, application, UserFactory(), rubric)
