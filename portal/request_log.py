"""Request ids and JSON logs.

``RequestIdMiddleware`` takes the ``X-Request-ID`` a proxy sent (when it is a plausible id) or makes
one, keeps it for the duration of the request and returns it in the response's ``X-Request-ID``.
``RequestIdFilter`` puts it on every log record (``-`` outside a request), and ``JsonFormatter``
writes one JSON object per line when ``LOG_FORMAT=json``.
"""

import contextvars
import json
import logging
import re
import uuid
from datetime import UTC, datetime

from django.utils.log import AdminEmailHandler

_request_id = contextvars.ContextVar("request_id", default="-")
# Letters, digits and a few separators only: an id from outside must not forge log lines.
_VALID_ID = re.compile(r"^[A-Za-z0-9._:-]{8,128}$")


def current_request_id():
    return _request_id.get()


class RequestIdMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.META.get("HTTP_X_REQUEST_ID", "")
        request_id = incoming if _VALID_ID.match(incoming) else uuid.uuid4().hex
        request.request_id = request_id
        token = _request_id.set(request_id)
        try:
            response = self.get_response(request)
        finally:
            _request_id.reset(token)
        response.headers["X-Request-ID"] = request_id
        return response


class RequestIdFilter(logging.Filter):
    def filter(self, record):
        if not hasattr(record, "request_id"):
            # Django logs the response (django.request) after the middleware has returned, so
            # the request the record carries is asked first.
            request = getattr(record, "request", None)
            record.request_id = getattr(request, "request_id", None) or _request_id.get()
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time (UTC), level, logger, message, request id, exception."""

    def format(self, record):
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", "-"),
        }
        status = getattr(record, "status_code", None)
        if status is not None:
            entry["status_code"] = status
        request = getattr(record, "request", None)
        if request is not None and hasattr(request, "method"):
            entry["method"] = request.method
            entry["path"] = request.path
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


class SafeAdminEmailHandler(AdminEmailHandler):
    """Django's mail_admins handler, except that a mail server that is down fails the report,
    not the request: the error is already on the console log, the visitor still gets the page."""

    def send_mail(self, subject, message, *args, **kwargs):
        try:
            super().send_mail(subject, message, *args, **kwargs)
        except Exception as exc:  # the mail server's failure must not replace the response
            logging.getLogger(__name__).warning("could not e-mail ADMINS: %r", exc)
