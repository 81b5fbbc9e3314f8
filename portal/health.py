"""Health endpoints for load balancers and orchestrators: ``/healthz`` and ``/readyz``.

They are answered by a middleware at the top of the stack, before anything that could refuse or
redirect the probe: no language prefix, no host check (a load balancer probes with its own IP as
``Host``), no SSL redirect, no CSRF, no session, no rate limit and no page cache
(``Cache-Control: no-cache, no-store``). The body is JSON.

- ``/healthz``: the process answers. Touches nothing else, so a database outage does not make an
  orchestrator restart every app server.
- ``/readyz``: the database answers ``SELECT 1``, the cache takes a write and a read (Redis when
  ``REDIS_URL`` is set), the job broker answers, and the oldest job waiting in the queue is younger
  than ``READYZ_MAX_QUEUE_AGE`` seconds. Any failure answers 503 and names the failed checks; the
  error itself goes to the log, not to the public body.
"""

import logging
import time
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import connections
from django.http import JsonResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers

logger = logging.getLogger(__name__)

HEALTH_PATHS = {"/healthz", "/healthz/"}
READY_PATHS = {"/readyz", "/readyz/"}


class HealthCheckMiddleware:
    """Answer the health probes before host validation, redirects and sessions."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path_info
        if path in HEALTH_PATHS:
            return _respond(request, {"status": "ok"}, 200)
        if path in READY_PATHS:
            return readyz(request)
        return self.get_response(request)


def _respond(request, body, status):
    if request.method not in {"GET", "HEAD"}:
        response = JsonResponse({"status": "method not allowed"}, status=405)
        response.headers["Allow"] = "GET, HEAD"
    else:
        response = JsonResponse(body, status=status)
    add_never_cache_headers(response)
    # A failing probe is logged once by readyz itself (portal.health), not again by
    # django.request, whose 5xx records would e-mail ADMINS on every probe.
    response._has_been_logged = True
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


def readyz(request):
    checks = {
        "database": _timed(check_database),
        "cache": _timed(check_cache),
        "queue": _timed(check_queue),
    }
    failed = [name for name, result in checks.items() if not result["ok"]]
    body = {"status": "fail" if failed else "ok", "failed": failed, "checks": checks}
    return _respond(request, body, 503 if failed else 200)


def _timed(check):
    started = time.monotonic()
    try:
        result = {"ok": True, **(check() or {})}
    except Exception as exc:  # any failure makes the instance not ready
        logger.error("readiness check %s failed: %r", check.__name__, exc)
        result = {"ok": False, "error": type(exc).__name__}
    if "problem" in result:
        result["ok"] = False
    result["ms"] = round((time.monotonic() - started) * 1000, 1)
    return result


def check_database():
    with connections["default"].cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def check_cache():
    key = f"readyz:{uuid.uuid4().hex}"
    cache.set(key, "1", timeout=10)
    if cache.get(key) != "1":
        return {"problem": "cache did not keep a value"}
    cache.delete(key)
    return None


def check_queue():
    """The broker answers and nothing has waited longer than the configured threshold."""
    from django_q.brokers import get_broker
    from django_q.brokers.orm import ORM
    from django_q.signing import SignedPackage

    threshold = settings.READYZ_MAX_QUEUE_AGE
    broker = get_broker()
    now = timezone.now()
    oldest = None
    if isinstance(broker, ORM):
        # A queued row's lock is the moment it became available (enqueue, or a retry).
        row = (
            broker.get_connection()
            .filter(key=broker.list_key, lock__lte=now)
            .order_by("lock")
            .values_list("lock", flat=True)
            .first()
        )
        oldest = row
    else:
        broker.ping()
        head = broker.connection.lindex(broker.list_key, 0)
        if head is not None:
            oldest = SignedPackage.loads(head).get("started")
    age = max(0, round((now - oldest).total_seconds())) if oldest else 0
    result = {
        "broker": broker.info(),
        "oldest_job_age_seconds": age,
        "threshold_seconds": threshold,
    }
    if age > threshold:
        result["problem"] = "oldest queued job is older than the threshold"
    return result
