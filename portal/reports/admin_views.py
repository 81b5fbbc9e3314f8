"""The moderation screen: one report, its content, the other reports on the same content, and
the steps the workflow engine allows (each with its required note)."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from portal.models import TimelineEntry
from portal.workflow import TransitionError, available_actions

from . import services
from .models import Report
from .permissions import can_moderate
from .registry import get


@require_http_methods(["GET", "POST"])
def moderate(request, pk):
    if not can_moderate(request.user)[0]:
        raise Http404  # admin access alone is not enough; reveal nothing
    report = get_object_or_404(Report.objects.select_related("reporter"), pk=pk)
    note = ""
    if request.method == "POST":
        note = request.POST.get("note", "")[:2000]
        try:
            services.take_step(
                request.user,
                report,
                request.POST.get("action", ""),
                note=note,
                expected_state=request.POST.get("expected_state") or None,
            )
        except TransitionError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request, _("The report is now “%(state)s”.") % {"state": report.get_state_display()}
            )
            return redirect("reports:moderate", pk=report.pk)
    kind, content = get(report.kind), report.content
    return TemplateResponse(
        request,
        "reports/admin/moderate.html",
        {
            "report": report,
            "kind": kind,
            "content": content,
            "content_url": kind.url(content) if kind and content else "",
            "others": Report.objects.filter(
                content_type_id=report.content_type_id, object_id=report.object_id
            )
            .exclude(pk=report.pk)
            .select_related("reporter"),
            "actions": available_actions(report, request.user, include_refused=True),
            "timeline": TimelineEntry.objects.for_object(report).select_related("actor"),
            "note": note,
        },
    )
