"""An independent OpenAPI client, Schemathesis, reads only `/api/v1/schema/` and calls every
operation with the parameters it generates from it (valid ones and edge cases: huge pages,
odd filter values, unknown ids). Each answer must not be a server error and must match what the
schema promises (status code, content type, body shape)."""

import pytest
import schemathesis
from django.core.wsgi import get_wsgi_application
from hypothesis import HealthCheck, given, settings

from tests.api.conftest import API, make_pilot

pytestmark = pytest.mark.django_db

# Enough to reach each parameter's edge cases; the whole run stays a few seconds.
EXAMPLES_PER_OPERATION = 12


def test_every_operation_answers_as_its_schema_says(network):
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
