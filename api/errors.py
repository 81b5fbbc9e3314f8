"""Every API error is JSON: ``{"status": 404, "detail": "…"}``, plus ``errors`` (per query
parameter) for a bad request. 429 carries ``Retry-After`` (set by DRF's own handler)."""

from django.utils.translation import gettext as _
from rest_framework import exceptions
from rest_framework.views import exception_handler as drf_exception_handler


def exception_handler(exc, context):
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    data = response.data
    body = {"status": response.status_code}
    if isinstance(exc, exceptions.ValidationError):
        body["detail"] = _("Some query parameters are not valid.")
        body["errors"] = data
    elif isinstance(data, dict) and "detail" in data:
        body["detail"] = data["detail"]
    else:
        body["detail"] = data
    response.data = body
    return response
