"""Wagtail hooks for cohorts (imported by programs/wagtail_hooks.py): admin viewsets with filters
and CSV/XLSX export, the decision and selection screens. Applications are records written by
their organisations and moved by the workflow engine: the admin lists, inspects and exports."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.admin.ui.tables import TitleColumn
from wagtail.admin.viewsets.model import ModelViewSetGroup
from wagtail.permissions import register_permission_policy

from portal.admin_viewsets import GuardedIndexView, PortalModelViewSet
from portal.policies import RecordsOnlyPolicy
from programs.mentoring.hooks import viewsets as mentoring_viewsets
from programs.models import Cohort, CohortApplication, CohortMember, ReviewerConflict

from . import admin_views
from . import path as _path  # noqa: F401 - registers the start-up path section
from .demo_day_admin import viewsets as demo_day_viewsets
from .milestone_admin import CohortMilestoneViewSet


class CohortViewSet(PortalModelViewSet):
    model = Cohort
    icon = "group"
    menu_label = _("Cohorts")
    list_display = [
        "title",
        "kind",
        "programme",
        "opens_at",
        "closes_at",
        "capacity",
        "published",
        TitleColumn(
            "selection",
            label=_("Selection"),
            accessor=lambda cohort: _("Results"),
            get_url=lambda cohort: reverse("cohorts:selection", args=[cohort.pk]),
        ),
    ]
    list_filter = ["kind", "published", "programme"]
    search_fields = ["title", "summary", "theme"]
    list_export = [
        "title",
        "kind",
        "batch",
        "theme",
        "opens_at",
        "closes_at",
        "starts_on",
        "ends_on",
        "demo_day_on",
        "capacity",
        "published",
    ]
    export_filename = "cohorts"
    inspect_view_enabled = True
    panels = [
        MultiFieldPanel(
            [
                FieldPanel("title"),
                FieldPanel("title_id"),
                FieldPanel("slug"),
                FieldPanel("kind"),
                FieldPanel("batch"),
                FieldPanel("programme"),
            ],
            heading=_("Cohort"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("summary"),
                FieldPanel("summary_id"),
                FieldPanel("description"),
                FieldPanel("description_id"),
                FieldPanel("theme"),
                FieldPanel("theme_id"),
                FieldPanel("pillars"),
                FieldPanel("challenges"),
            ],
            heading=_("What it is about"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("opens_at"),
                FieldPanel("closes_at"),
                FieldPanel("selection_on"),
                FieldPanel("starts_on"),
                FieldPanel("ends_on"),
                FieldPanel("demo_day_on"),
                FieldPanel("demo_day_event"),
            ],
            heading=_("Dates"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("eligible_kinds"),
                FieldPanel("capacity"),
                FieldPanel("questions"),
                FieldPanel("rubric"),
                FieldPanel("blind_review"),
                FieldPanel("published"),
            ],
            heading=_("Intake and selection"),
        ),
    ]

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("selection/<id:pk>/", admin_views.selection, name="selection"),
        ]


class ApplicationIndexView(GuardedIndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("cohort", "organisation")


class ApplicationViewSet(PortalModelViewSet):
    model = CohortApplication
    icon = "doc-full"
    menu_label = _("Applications")
    index_view_class = ApplicationIndexView
    list_display = [
        TitleColumn(
            "reference",
            label=_("Application"),
            accessor=lambda application: str(application),
            get_url=lambda application: reverse(
                "cohort_applications:decide", args=[application.pk]
            ),
        ),
        "organisation",
        "cohort",
        "state",
        "submitted_at",
    ]
    list_filter = ["state", "cohort", "organisation__kind"]
    search_fields = ["organisation__name", "pitch"]
    list_export = [
        "reference",
        "organisation",
        "cohort",
        "state",
        "pitch",
        "submitted_at",
        "created_at",
        "updated_at",
    ]
    export_filename = "cohort-applications"
    inspect_view_enabled = True
    ordering = ["-updated_at"]
    form_fields = ["pitch"]  # required by ModelViewSet; RecordsOnlyPolicy keeps editing closed

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("decide/<id:pk>/", admin_views.decide, name="decide"),
        ]


class MemberViewSet(PortalModelViewSet):
    model = CohortMember
    icon = "user"
    menu_label = _("Cohort members")
    list_display = ["organisation", "cohort", "joined_on"]
    list_filter = ["cohort", "cohort__kind"]
    search_fields = ["organisation__name"]
    list_export = ["organisation", "cohort", "joined_on"]
    export_filename = "cohort-members"
    form_fields = ["cohort", "organisation", "joined_on"]


class ConflictViewSet(PortalModelViewSet):
    model = ReviewerConflict
    icon = "warning"
    menu_label = _("Declared conflicts")
    list_display = ["reviewer", "organisation", "cohort", "reason"]
    list_filter = ["cohort"]
    search_fields = ["reviewer__email", "organisation__name"]
    list_export = ["reviewer", "organisation", "cohort", "reason"]
    export_filename = "cohort-conflicts"
    form_fields = ["cohort", "reviewer", "organisation", "reason"]


class AcceleratorGroup(ModelViewSetGroup):
    menu_label = _("Accelerator")
    menu_icon = "group"
    menu_order = 245
    items = (
        CohortViewSet("cohorts"),
        ApplicationViewSet("cohort_applications", url_prefix="cohort-applications"),
        MemberViewSet("cohort_members", url_prefix="cohort-members"),
        ConflictViewSet("cohort_conflicts", url_prefix="cohort-conflicts"),
        CohortMilestoneViewSet("cohort_milestones", url_prefix="startup-milestones"),
        *mentoring_viewsets(),
        *demo_day_viewsets(),
    )


register_permission_policy(CohortApplication, RecordsOnlyPolicy(CohortApplication))


@hooks.register("register_admin_viewset")
def register_cohort_viewsets():
    return AcceleratorGroup()
