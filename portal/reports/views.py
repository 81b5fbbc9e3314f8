"""The member's side: a small form to report one item, reached from the item's public page."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from portal.ratelimit import rate_limit
from portal.services import ActionRefused

from . import services
from .forms import ReportForm
from .hidden import check_visible
from .registry import get

REPORTS_PER_HOUR = 10


def _content(user, kind_slug, pk):
    kind = get(kind_slug)
    obj = kind.get(pk) if kind is not None else None
    url = kind.url(obj) if obj is not None else ""
    if obj is None or not url:  # unknown, or not public (a draft): reveal nothing
        raise Http404
    check_visible(user, obj)
    return kind, obj, url


@never_cache
@login_required
@rate_limit("report", limit=REPORTS_PER_HOUR)
@require_http_methods(["GET", "POST"])
def report(request, kind, pk):
    kind, obj, url = _content(request.user, kind, pk)
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.submit_report(request.user, kind, obj, **form.cleaned_data)
        except ActionRefused as error:
            for field, message in error.errors.items():
                form.add_error(field, message)
            if not error.errors:
                form.add_error(None, str(error))
        else:
            messages.success(
                request,
                _("Thank you. Your report was sent to the program managers, who will look at it."),
            )
            return redirect(url)
    return render(
        request,
        "reports/report_form.html",
        {"form": form, "kind": kind, "content": obj, "content_url": url},
    )
