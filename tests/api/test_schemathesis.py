"""An independent OpenAPI client, Schemathesis, reads only `/api/v1/schema/` and calls every
operation with the parameters it generates from it (valid ones and edge cases: huge pages,
odd filter values, unknown ids). Each answer must not be a server error and must match what the
schema promises (status code, content type, body shape)."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings

from tests.api.conftest import API, make_pilot

pytestmark = pytest.mark.django_db


@pytest.fixture
def keep_test_connection():
    """A real WSGI request closes "old" connections when it starts and ends; inside the test's
    transaction that would close PostgreSQL's connection. Django's own test client unhooks the
    same signal handler for the same reason."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


# Enough to reach each parameter's edge cases; the whole run stays a few seconds.
EXAMPLES_PER_OPERATION = 12


def test_every_operation_answers_as_its_schema_says(network, keep_test_connection):
    make_pilot(network, "Flood sensors")
    make_pilot(network, "Sensor banjir", agency=network.transport, year=2025)
    app = get_wsgi_application()
    schema = schemathesis.openapi.from_wsgi(f"{API}schema/", app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 20  # a list and a detail operation per dataset

    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=EXAMPLES_PER_OPERATION,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def call(case):
            case.call_and_validate()

        call()
