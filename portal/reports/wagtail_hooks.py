"""Admin for reports: the queue (program managers only: filters, search, export), the moderation
screen, a count of open reports on the admin home, a to-do on /me/, and audit-log labels."""

from django.urls import path, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.site_summary import SummaryItem
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.log_actions import LogFormatter
from wagtail.permissions import register_permission_policy

from portal.admin_viewsets import GuardedIndexView, PortalModelViewSet
from portal.permissions import is_program_manager
from portal.policies import RecordsOnlyPolicy

from . import admin_views, services
from .models import Report


class ReportPolicy(RecordsOnlyPolicy):
    """Only program managers see reports (the reporters' names and what they wrote)."""

    def user_has_permission(self, user, action):
        return is_program_manager(user) and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return is_program_manager(user) and super().user_has_any_permission(user, actions)


register_permission_policy(Report, ReportPolicy(Report))


class ReportIndexView(GuardedIndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("reporter", "content_type")


class ReportViewSet(PortalModelViewSet):
    model = Report
    index_view_class = ReportIndexView
    icon = "warning"
    menu_label = _("Reports")
    menu_order = 230
    add_to_admin_menu = True
    list_display = [
        TitleColumn(
            "content_title",
            label=_("Content"),
            get_url=lambda report: reverse("reports:moderate", args=[report.pk]),
        ),
        Column("kind", label=_("Kind"), accessor="get_kind_display"),
        "reason",
        "state",
        "reporter",
        "created_at",
    ]
    list_filter = ["state", "kind", "reason", "created_at"]
    search_fields = ["content_title", "details", "reporter__email", "reporter__name"]
    list_export = [
        "content_title",
        "kind",
        "reason",
        "details",
        "state",
        "reporter",
        "created_at",
        "updated_at",
    ]
    export_filename = "reports"
    inspect_view_enabled = True
    copy_view_enabled = False
    ordering = ["-created_at"]
    form_fields = ["reason"]  # required by ModelViewSet; the policy keeps editing closed

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("moderate/<id:pk>/", admin_views.moderate, name="moderate"),
        ]


@hooks.register("register_admin_viewset")
def register_report_viewset():
    return ReportViewSet("reports")


class OpenReportsSummaryItem(SummaryItem):
    order = 150
    template_name = "reports/admin/summary_item.html"

    def get_context_data(self, parent_context):
        return {"open_reports": Report.objects.open().count()}

    def is_shown(self):
        return is_program_manager(self.request.user)


@hooks.register("construct_homepage_summary_items")
def open_reports_summary(request, items):
    items.append(OpenReportsSummaryItem(request))


@hooks.register("portal_dashboard_waiting")
def reports_waiting(request):
    """Program managers: the open reports, oldest first (one query)."""
    from portal.dashboard import WAITING_LIMIT, WaitingItem

    if not is_program_manager(request.user):
        return
    for report in Report.objects.open().order_by("created_at", "pk")[:WAITING_LIMIT]:
        yield WaitingItem(
            45,
            gettext("Report to moderate"),
            report.content_title or report.get_kind_display(),
            reverse("reports:moderate", args=[report.pk]),
        )


@hooks.register("register_log_actions")
def register_report_log_actions(actions):
    @actions.register_action(services.SUBMITTED)
    class ReportSubmittedFormatter(LogFormatter):
        label = _("Content reported")

        def format_message(self, log_entry):
            return _("A member reported this content")


@hooks.register("register_personal_data")
def personal_data(user):
    """The reports a member sent, in their personal-data export (portal.personal_data)."""
    from portal.personal_data import iso

    reports = Report.objects.filter(reporter=user).order_by("pk")
    return {
        "reports": [
            {
                "content": report.content_title,
                "kind": report.kind,
                "reason": report.reason,
                "details": report.details,
                "state": report.state,
                "created_at": iso(report.created_at),
            }
            for report in reports
        ]
    }


@hooks.register("register_account_erasure")
def erase(user):
    """A deleted member's reports stay for the moderation record, without what they wrote."""
    Report.objects.filter(reporter=user).update(details="")
