import json

from django.http import HttpResponse
from django.utils import timezone

from portal.personal_data import export_personal_data


def personal_data_response(user):
    """Everything the portal holds about ``user``, as a JSON attachment."""
    body = json.dumps(export_personal_data(user), ensure_ascii=False, indent=2)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    filename = f"personal-data-{timezone.localdate():%Y-%m-%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
