"""Wagtail hooks for pilots (imported by programs/wagtail_hooks.py): audit-log actions, the admin
viewsets with filters and CSV/XLSX export, the board, and the sections pilots add to pages of
other apps (the proposal decision screen and the agency page) through those apps' hooks."""

import django_filters
from django.template.loader import render_to_string
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import TitleColumn
from wagtail.log_actions import LogFormatter
from wagtail.permissions import register_permission_policy

from portal.admin_viewsets import GuardedIndexView, PortalModelViewSet
from portal.policies import RecordsOnlyPolicy
from programs.models import AdoptionRecord, Pilot, PilotAgency, ProgrammePage
from programs.models.pilots import REVIEW_OVERDUE_DAYS

from . import admin_views, permissions
from .funnel import funnel

LOG_ACTIONS = {
    "programs.pilot.create": _("Pilot proposed"),
    "programs.pilot.edit": _("Pilot edited"),
    "programs.pilot.publish": _("Pilot published"),
    "programs.pilot.unpublish": _("Pilot unpublished"),
    "programs.pilot.invite": _("Agency invited to a pilot"),
}


@hooks.register("register_log_actions")
def register_pilot_log_actions(actions):
    for action, label in LOG_ACTIONS.items():

        class Formatter(LogFormatter):
            def format_message(self, log_entry, _label=label):
                data = log_entry.data or {}
                detail = ", ".join(data.get("fields", [])) or data.get("agency", "")
                return f"{_label}: {detail}" if detail else str(_label)

        Formatter.label = label
        actions.register_action(action)(Formatter)


class PilotFilterSet(WagtailFilterSet):
    programme = django_filters.ModelChoiceFilter(
        label=_("Programme"),
        queryset=ProgrammePage.objects.filter(locale__language_code="en").order_by("title"),
    )
    overdue = django_filters.BooleanFilter(
        label=_("Has an agency review pending more than 14 days"), method="filter_overdue"
    )

    class Meta:
        model = Pilot
        fields = ["state", "origin", "is_published", "lead_organisation"]

    def filter_overdue(self, queryset, name, value):
        overdue = PilotAgency.objects.overdue().values("pilot")
        if value is True:
            return queryset.filter(pk__in=overdue)
        if value is False:
            return queryset.exclude(pk__in=overdue)
        return queryset


class PilotIndexView(GuardedIndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("lead_organisation")


class InvolvementIndexView(GuardedIndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("pilot", "agency")


class AdoptionIndexView(GuardedIndexView):
    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .select_related("pilot", "involvement__agency", "involvement__pilot")
        )


class PilotViewSet(PortalModelViewSet):
    model = Pilot
    index_view_class = PilotIndexView
    icon = "clipboard-list"
    menu_label = _("Pilots")
    menu_order = 225
    add_to_admin_menu = True
    list_display = [
        TitleColumn(
            "title",
            label=_("Pilot"),
            get_url=lambda pilot: reverse("programs:pilot", args=[pilot.pk]),
        ),
        "lead_organisation",
        "state",
        "origin",
        "is_published",
        "start_date",
    ]
    filterset_class = PilotFilterSet
    search_fields = ["title", "summary", "lead_organisation__name"]
    list_export = [
        "title",
        "state",
        "origin",
        "lead_organisation",
        "programme",
        "start_date",
        "end_date",
        "budget_idr",
        "funding_source",
        "districts",
        "is_published",
        "published_at",
        "discontinued_reason",
        "updated_at",
    ]
    # Both fields' own label is "published": the export tells them apart.
    export_headings = {"is_published": _("Published"), "published_at": _("Published on")}
    export_filename = "pilots"
    inspect_view_enabled = True
    ordering = ["-updated_at"]
    # Written only through the services on /me/pilots/<pk>/ (engine, audit log, notices); the
    # admin lists, filters, inspects and exports.
    add_view_enabled = False
    edit_view_enabled = False
    delete_view_enabled = False
    form_fields = [
        "title",
        "title_id",
        "summary",
        "summary_id",
        "problem",
        "problem_id",
        "solution",
        "solution_id",
        "funding_source",
        "budget_idr",
    ]


class InvolvementFilterSet(WagtailFilterSet):
    overdue = django_filters.BooleanFilter(
        label=_("Invited more than 14 days ago, no decision"), method="filter_overdue"
    )

    class Meta:
        model = PilotAgency
        fields = ["state", "role", "agency"]

    def filter_overdue(self, queryset, name, value):
        overdue = PilotAgency.objects.overdue().values("pk")
        if value is True:
            return queryset.filter(pk__in=overdue)
        if value is False:
            return queryset.exclude(pk__in=overdue)
        return queryset


class PilotAgencyViewSet(PortalModelViewSet):
    model = PilotAgency
    index_view_class = InvolvementIndexView
    icon = "group"
    menu_label = _("Pilot agencies")
    add_to_admin_menu = False
    list_display = [
        TitleColumn(
            "pilot",
            label=_("Pilot"),
            get_url=lambda item: reverse("programs:pilot", args=[item.pilot_id]),
        ),
        "agency",
        "role",
        "state",
        "invited_at",
        "decided_at",
        "reminded_at",
    ]
    filterset_class = InvolvementFilterSet
    search_fields = ["pilot__title", "agency__name"]
    list_export = [
        "pilot",
        "agency",
        "role",
        "state",
        "invited_at",
        "decided_at",
        "decision_note",
        "reminded_at",
    ]
    export_filename = "pilot-agencies"
    inspect_view_enabled = True
    ordering = ["invited_at"]
    add_view_enabled = False
    edit_view_enabled = False
    delete_view_enabled = False
    form_fields = ["role"]


class AdoptionRecordViewSet(PortalModelViewSet):
    model = AdoptionRecord
    index_view_class = AdoptionIndexView
    icon = "success"
    menu_label = _("Adoption records")
    add_to_admin_menu = False
    list_display = ["service", "pilot", "involvement", "adopted_on", "scale", "legal_basis"]
    list_filter = ["scale"]
    search_fields = ["service", "legal_basis", "pilot__title"]
    list_export = [
        "pilot",
        "involvement",
        "adopted_on",
        "legal_basis",
        "scale",
        "service",
        "created_at",
    ]
    export_filename = "adoption-records"
    inspect_view_enabled = True
    add_view_enabled = False
    edit_view_enabled = False
    delete_view_enabled = False
    form_fields = ["service"]


for _model in (Pilot, PilotAgency, AdoptionRecord):
    register_permission_policy(_model, RecordsOnlyPolicy(_model))


@hooks.register("register_admin_viewset")
def register_pilot_viewsets():
    return [
        PilotViewSet("pilots"),
        PilotAgencyViewSet("pilot_agencies"),
        AdoptionRecordViewSet("adoption_records"),
    ]


@hooks.register("register_admin_urls")
def register_board_url():
    return [path("pilots-board/", admin_views.board, name="pilots_board")]


class ManagerMenuItem(MenuItem):
    def is_shown(self, request):
        return permissions.can_manage(request.user)[0]


@hooks.register("register_admin_menu_item")
def register_board_menu_item():
    return ManagerMenuItem(_("Pilot board"), reverse("pilots_board"), icon_name="table", order=226)


@hooks.register("register_admin_menu_item")
def register_overdue_reviews_menu_item():
    return ManagerMenuItem(
        _("Pilot reviews overdue (%(days)s+ days)") % {"days": REVIEW_OVERDUE_DAYS},
        reverse("pilot_agencies:index") + "?overdue=true",
        icon_name="warning",
        order=227,
    )


# --- sections pilots add to other apps' screens ---
@hooks.register("partners_proposal_decision_links")
def start_pilot_link(request, proposal):
    """ "Start a pilot" on an accepted proposal's decision screen."""
    if not permissions.can_start_pilot(request.user, proposal)[0]:
        return None
    return (
        _("Start a pilot from this proposal"),
        reverse("programs:pilot_new") + f"?proposal={proposal.pk}",
    )


@hooks.register("partners_organisation_sections")
def agency_pilots_section(request, organisation):
    """On an agency's public page: its adoption funnel and the pilots it adopted."""
    if not organisation.is_agency:
        return ""
    from programs.models import PilotIndexPage

    from .public import published

    pilots = published().filter(involvements__agency=organisation)
    data = funnel(Pilot.objects.filter(pk__in=pilots.values("pk")))
    if not data["total"]:
        return ""
    index = PilotIndexPage.for_locale()
    adopted = list(
        published()
        .filter(involvements__agency=organisation, involvements__state="adopted")
        .select_related("lead_organisation")
        .order_by("title")
    )
    for pilot in adopted:
        pilot.public_url = index.pilot_url(pilot) if index else ""
    return render_to_string(
        "programs/pilots/_agency_section.html",
        {
            "funnel": data,
            "adopted": adopted,
            "organisation": organisation,
            "tracker_url": index.url + f"?agency={organisation.slug}" if index else "",
        },
        request=request,
    )
