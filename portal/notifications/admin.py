"""Admin: outgoing e-mails and failed background jobs, with a retry action (Settings → Jobs).

Administrators and program managers ("view" and "change" permissions, granted by portal's
migration 0008) see them; retrying needs "change". Rows are never edited or added by hand.
"""

from django.contrib import messages
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods
from django_q.models import Failure
from django_q.tasks import async_task
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from portal.models import OutgoingEmail

from .jobs import retry_email


class RetryColumn(Column):
    cell_template_name = "notifications/admin/retry_cell.html"

    def __init__(self, url_name):
        super().__init__("retry", label=gettext_lazy("Retry"))
        self.url_name = url_name

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["url"] = reverse(self.url_name, args=[instance.pk])
        return context


def _error(text):
    return (text or "").strip().splitlines()[-1][:200] if text else ""


def _confirm(request, *, permission, title, description, back):
    if not request.user.has_perm(permission):
        raise Http404  # admin access alone is not enough to retry; reveal nothing
    return TemplateResponse(
        request,
        "notifications/admin/retry.html",
        {"title": title, "description": description, "back": back},
    )


@require_http_methods(["GET", "POST"])
def retry_outgoing_email(request, pk):
    outgoing = get_object_or_404(OutgoingEmail, pk=pk)
    response = _confirm(
        request,
        permission="portal.change_outgoingemail",
        title=_("Send this e-mail again?"),
        description=f"{outgoing.subject} → {outgoing.recipients}",
        back=reverse("outgoing_emails:index"),
    )
    if request.method == "POST":
        if retry_email(outgoing):
            messages.success(request, _("The e-mail is queued again."))
        else:
            messages.error(request, _("This e-mail was already sent or its message was deleted."))
        return redirect("outgoing_emails:index")
    return response


@require_http_methods(["GET", "POST"])
def retry_failed_task(request, pk):
    failure = get_object_or_404(Failure, pk=pk)
    response = _confirm(
        request,
        permission="django_q.change_failure",
        title=_("Run this job again?"),
        description=f"{failure.name} ({failure.func})",
        back=reverse("failed_jobs:index"),
    )
    if request.method == "POST":
        with transaction.atomic():  # queued with the failure's removal, or not at all
            async_task(failure.func, *(failure.args or ()), **(failure.kwargs or {}))
            failure.delete()
        messages.success(request, _("The job is queued again."))
        return redirect("failed_jobs:index")
    return response


class OutgoingEmailViewSet(ModelViewSet):
    model = OutgoingEmail
    icon = "mail"
    menu_label = gettext_lazy("Outgoing e-mails")
    list_display = [
        "subject",
        "recipients",
        Column("status", label=gettext_lazy("Status"), accessor="status"),
        "attempts",
        Column("last_error", label=gettext_lazy("Last error"), accessor="last_error"),
        "created_at",
        "next_attempt_at",
        RetryColumn("outgoing_emails:retry"),
    ]
    list_filter = ["failed_at", "sent_at", "created_at"]
    search_fields = ["subject", "recipients", "last_error"]
    search_backend_name = None
    ordering = ["-created_at"]
    inspect_view_enabled = True
    inspect_view_fields = [
        "subject",
        "recipients",
        "attempts",
        "last_error",
        "created_at",
        "next_attempt_at",
        "sent_at",
        "failed_at",
    ]
    copy_view_enabled = False
    form_fields = ["subject"]  # required by ModelViewSet; RecordsOnlyPolicy keeps editing closed

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("retry/<id:pk>/", retry_outgoing_email, name="retry"),
        ]


class FailedJobViewSet(ModelViewSet):
    model = Failure
    icon = "warning"
    menu_label = gettext_lazy("Failed jobs")
    list_display = [
        "name",
        "func",
        "attempt_count",
        Column("error", label=gettext_lazy("Error"), accessor=lambda task: _error(task.result)),
        "stopped",
        RetryColumn("failed_jobs:retry"),
    ]
    list_filter = ["func", "stopped"]
    search_fields = ["name", "func"]
    search_backend_name = None
    ordering = ["-stopped"]
    inspect_view_enabled = True
    inspect_view_fields = ["name", "func", "attempt_count", "started", "stopped", "result"]
    copy_view_enabled = False
    form_fields = ["func"]  # required by ModelViewSet; RecordsOnlyPolicy keeps editing closed

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("retry/<str:pk>/", retry_failed_task, name="retry"),
        ]


class JobsGroup(ViewSetGroup):
    menu_label = gettext_lazy("Jobs")
    menu_icon = "time"
    menu_order = 900
    items = (OutgoingEmailViewSet("outgoing_emails"), FailedJobViewSet("failed_jobs"))
