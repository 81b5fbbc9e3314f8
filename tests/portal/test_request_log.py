"""Request ids: set or taken from the proxy, returned to the client, on every log line."""

import io
import json
import logging

import pytest
from django.core import mail
from django.test import override_settings

from portal.request_log import JsonFormatter, RequestIdFilter, SafeAdminEmailHandler


@pytest.fixture
def json_log():
    """A JSON handler on django.request, as LOG_FORMAT=json configures the console."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    handler.addFilter(RequestIdFilter())
    logger = logging.getLogger("django.request")
    logger.addHandler(handler)
    yield stream
    logger.removeHandler(handler)


def test_every_response_carries_a_fresh_request_id(client):
    first = client.get("/healthz")["X-Request-ID"]
    second = client.get("/healthz")["X-Request-ID"]
    assert len(first) == 32 and first != second


def test_the_proxy_request_id_is_kept(client):
    response = client.get("/healthz", HTTP_X_REQUEST_ID="edge-4f1c2a9b-77")
    assert response["X-Request-ID"] == "edge-4f1c2a9b-77"


@pytest.mark.parametrize(
    "hostile",
    ["bad\nINFO forged log line", "<script>alert(1)</script>", "short", "x" * 500, "a b c d e f"],
)
def test_a_hostile_request_id_is_replaced(client, hostile):
    response = client.get("/healthz", HTTP_X_REQUEST_ID=hostile)
    assert response["X-Request-ID"] != hostile
    assert len(response["X-Request-ID"]) == 32


@pytest.mark.django_db
def test_json_log_lines_carry_the_request_id_of_the_response(client, json_log):
    response = client.get("/en/no-such-page-here/")
    assert response.status_code == 404
    lines = [json.loads(line) for line in json_log.getvalue().splitlines()]
    assert lines, "the 404 was not logged"
    entry = lines[-1]
    assert entry["request_id"] == response["X-Request-ID"]
    assert entry["level"] == "WARNING"
    assert entry["status_code"] == 404
    assert entry["path"] == "/en/no-such-page-here/"
    assert entry["time"].endswith("+00:00")


def test_outside_a_request_the_id_is_a_dash():
    record = logging.LogRecord("portal", logging.INFO, __file__, 1, "job ran", None, None)
    RequestIdFilter().filter(record)
    assert json.loads(JsonFormatter().format(record))["request_id"] == "-"


@override_settings(ADMINS=["Ops <ops@example.org>"])
def test_error_mail_to_admins_is_sent_and_a_dead_mail_server_does_not_raise():
    record = logging.LogRecord("django.request", logging.ERROR, __file__, 1, "boom", None, None)
    SafeAdminEmailHandler().emit(record)
    assert [m.to for m in mail.outbox] == [["Ops <ops@example.org>"]]
    dead = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": 1, "timeout": 2},
        }
    }
    with override_settings(MAILERS=dead):
        SafeAdminEmailHandler().emit(record)  # the request that failed still gets its 500 page
