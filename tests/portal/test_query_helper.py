"""The suite's one query-count helper (tests/conftest.py) names the queries when a count fails."""

import pytest

from portal.models import User
from tests.conftest import assert_max_queries, count_queries

pytestmark = pytest.mark.django_db


def test_a_count_compares_as_a_number_and_lists_its_statements():
    with count_queries() as queries:
        list(User.objects.filter(email="nobody@example.org"))
    assert queries == 1 and queries <= 1 and not queries > 1
    assert 'FROM "portal_user"' in repr(queries)


def test_too_many_queries_fail_with_the_statements_listed():
    with pytest.raises(AssertionError) as failure, assert_max_queries(1):
        User.objects.count()
        User.objects.exists()
    message = str(failure.value)
    assert "more than 1 queries" in message
    assert 'SELECT COUNT(*) AS "__count" FROM "portal_user"' in message
    assert 'SELECT 1 AS "a" FROM "portal_user" LIMIT 1' in message
