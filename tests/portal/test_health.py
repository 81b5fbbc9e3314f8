"""/healthz and /readyz: what a load balancer or orchestrator sees."""

import json
import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from django.test import override_settings
from django.utils import timezone
from django_q.brokers import get_broker
from django_q.models import OrmQ

BASE_DIR = Path(__file__).resolve().parent.parent.parent
CLOSED_PORT = 1  # nothing listens on port 1


def test_healthz_answers_without_touching_the_database(client):
    # No django_db mark: any query here would fail the test.
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert "no-store" in response.headers["Cache-Control"]


@pytest.mark.django_db
def test_readyz_reports_every_check_when_all_is_well(client):
    response = client.get("/readyz")
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["status"] == "ok"
    assert body["failed"] == []
    assert set(body["checks"]) == {"database", "cache", "queue"}
    assert all(check["ok"] for check in body["checks"].values())
    assert body["checks"]["queue"]["oldest_job_age_seconds"] == 0
    assert "no-store" in response.headers["Cache-Control"]


@pytest.mark.django_db
@override_settings(SECURE_SSL_REDIRECT=True, ALLOWED_HOSTS=["portal.example.org"])
def test_probes_pass_any_host_with_no_redirect_prefix_or_csrf(client):
    """A load balancer probes over plain HTTP with its own address as the Host header."""
    for path in ("/healthz", "/readyz", "/healthz/", "/readyz/"):
        response = client.get(path, HTTP_HOST="10.0.0.7:8000")
        assert response.status_code == 200, (path, response.status_code)
        assert response["Content-Type"] == "application/json"
    assert client.head("/readyz", HTTP_HOST="10.0.0.7").status_code == 200
    # Not a way around CSRF or the method rules: a POST changes nothing and is refused.
    assert client.post("/readyz", HTTP_HOST="10.0.0.7").status_code == 405
    # The rest of the site still redirects to HTTPS and checks the host.
    assert client.get("/en/", HTTP_HOST="portal.example.org").status_code == 301
    assert client.get("/en/", HTTP_HOST="10.0.0.7").status_code == 400


@pytest.mark.django_db
def test_probes_are_never_rate_limited(client):
    statuses = {client.get("/readyz").status_code for _ in range(120)}
    assert statuses == {200}


@pytest.mark.django_db
def test_readyz_is_503_when_the_cache_is_unreachable(client, caplog):
    broken = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{CLOSED_PORT}/4",
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 1, "SOCKET_TIMEOUT": 1},
        }
    }
    with override_settings(CACHES=broken):
        response = client.get("/readyz")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "fail"
    assert body["failed"] == ["cache"]
    assert body["checks"]["cache"]["error"] == "ConnectionError"
    assert body["checks"]["database"]["ok"] is True
    # Logged once, by the probe, not as a django.request server error (which e-mails ADMINS
    # on every probe).
    assert [r.name for r in caplog.records if r.levelname == "ERROR"] == ["portal.health"]


@pytest.mark.django_db
def test_readyz_is_503_when_a_job_waits_longer_than_the_threshold(client):
    broker = get_broker()
    OrmQ.objects.create(
        key=broker.list_key, payload="x", lock=timezone.now() - timedelta(minutes=10)
    )
    response = client.get("/readyz")
    assert response.status_code == 503
    body = response.json()
    assert body["failed"] == ["queue"]
    assert 590 <= body["checks"]["queue"]["oldest_job_age_seconds"] <= 700
    assert body["checks"]["queue"]["threshold_seconds"] == 300
    # The threshold is the operator's: an hour tolerates the same queue.
    with override_settings(READYZ_MAX_QUEUE_AGE=3600):
        assert client.get("/readyz").status_code == 200


def test_readyz_is_503_when_the_database_is_unreachable():
    """A real process whose DATABASE_URL points at a PostgreSQL port where nothing listens."""
    code = (
        "import django, json; django.setup();"
        "from django.test import Client;"
        "r = Client().get('/readyz'); print(r.status_code); print(r.content.decode())"
    )
    environment = {
        **{k: v for k, v in os.environ.items() if k not in {"REDIS_URL"}},
        "DJANGO_SETTINGS_MODULE": "portal.settings.test",
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:{CLOSED_PORT}/portal_unreachable",
    }
    result = subprocess.run(  # noqa: S603 - fixed arguments
        [sys.executable, "-c", code],
        cwd=BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    status, body = result.stdout.strip().split("\n", 1)
    assert status == "503"
    body = json.loads(body)
    assert "database" in body["failed"]
    assert body["checks"]["database"]["error"] == "OperationalError"
    assert body["checks"]["cache"]["ok"] is True
    # The public body names the failed check, never the connection string or the server's error.
    assert "postgres" not in result.stdout and "127.0.0.1" not in result.stdout
