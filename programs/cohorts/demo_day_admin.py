"""Admin for demo-day interest and start-up outcomes (Accelerator menu): records written only
through the services and the workflow engine, so the admin lists, filters, searches and exports
them (CSV/XLSX) and links each to its page, where program managers start a pilot from an
interest or verify an outcome."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import TitleColumn
from wagtail.permissions import register_permission_policy

from portal.admin_viewsets import GuardedIndexView, PortalModelViewSet
from portal.policies import RecordsOnlyPolicy
from programs.models import DemoDayInterest, StartupOutcome


class InterestIndexView(GuardedIndexView):
    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .select_related("member__organisation", "member__cohort", "organisation", "pilot")
        )


class InterestViewSet(PortalModelViewSet):
    model = DemoDayInterest
    icon = "pick"
    menu_label = _("Demo-day interest")
    index_view_class = InterestIndexView
    list_display = [
        TitleColumn(
            "organisation",
            label=_("Interested organisation"),
            accessor=lambda interest: interest.organisation.name,
            get_url=lambda interest: reverse("programs:demo_day_interest", args=[interest.pk]),
        ),
        TitleColumn("startup", label=_("Start-up"), accessor=lambda i: i.member.organisation.name),
        TitleColumn("cohort", label=_("Cohort"), accessor=lambda i: i.member.cohort.title),
        "state",
        "created_at",
    ]
    list_filter = ["state", "member__cohort", "organisation__kind"]
    search_fields = ["organisation__name", "member__organisation__name", "note"]
    list_export = [
        "organisation",
        "member.organisation",
        "member.cohort",
        "state",
        "note",
        "registered_by",
        "pilot",
        "created_at",
        "updated_at",
    ]
    export_headings = {"member.organisation": _("Start-up"), "member.cohort": _("Cohort")}
    export_filename = "demo-day-interest"
    ordering = ["-created_at"]
    form_fields = ["note"]  # never offered: RecordsOnlyPolicy refuses add and change


class OutcomeIndexView(GuardedIndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("member__organisation", "member__cohort")


class OutcomeViewSet(PortalModelViewSet):
    model = StartupOutcome
    icon = "success"
    menu_label = _("Start-up outcomes")
    index_view_class = OutcomeIndexView
    list_display = [
        TitleColumn(
            "kind",
            label=_("Outcome"),
            accessor=lambda outcome: f"{outcome.get_kind_display()}: {outcome.value}",
            get_url=lambda outcome: reverse("programs:startup_outcome", args=[outcome.pk]),
        ),
        TitleColumn("startup", label=_("Start-up"), accessor=lambda o: o.member.organisation.name),
        TitleColumn("cohort", label=_("Cohort"), accessor=lambda o: o.member.cohort.title),
        "period_on",
        "state",
    ]
    list_filter = ["state", "kind", "member__cohort"]
    search_fields = ["member__organisation__name", "evidence"]
    list_export = [
        "member.organisation",
        "member.cohort",
        "kind",
        "value",
        "period_on",
        "evidence",
        "state",
        "returned_reason",
        "reported_by",
        "verified_by",
        "verified_at",
        "created_at",
    ]
    export_headings = {"member.organisation": _("Start-up"), "member.cohort": _("Cohort")}
    export_filename = "startup-outcomes"
    ordering = ["-period_on"]
    form_fields = ["evidence"]  # never offered: RecordsOnlyPolicy


def viewsets():
    return (
        InterestViewSet("demo_day_interests", url_prefix="demo-day-interest"),
        OutcomeViewSet("startup_outcomes", url_prefix="startup-outcomes"),
    )


register_permission_policy(DemoDayInterest, RecordsOnlyPolicy(DemoDayInterest))
register_permission_policy(StartupOutcome, RecordsOnlyPolicy(StartupOutcome))
