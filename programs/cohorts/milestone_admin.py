"""Admin for cohort start-ups' milestones (Accelerator → Start-up milestones): filters by
cohort, state, "overdue" and organisation kind, search, CSV/XLSX export, add and edit the title
and due date, and the review screen (accept the evidence or request changes, the same steps
as everywhere: ``portal.milestones``)."""

import django_filters
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import TitleColumn

from portal.admin_viewsets import GuardedIndexView
from portal.milestones.admin import MilestoneFilterSet, MilestoneViewSet
from programs.models import Cohort, CohortMilestone


class CohortMilestoneFilterSet(MilestoneFilterSet):
    cohort = django_filters.ModelChoiceFilter(
        label=_("Cohort"),
        field_name="member__cohort",
        queryset=Cohort.objects.order_by("-starts_on"),
    )

    class Meta:
        model = CohortMilestone
        fields = ["state", "cohort", "overdue"]


class CohortMilestoneIndexView(GuardedIndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("member__organisation", "member__cohort")


def _startup(milestone):
    return milestone.member.organisation.name


def _cohort(milestone):
    return milestone.member.cohort.title


class CohortMilestoneViewSet(MilestoneViewSet):
    model = CohortMilestone
    menu_label = _("Start-up milestones")
    index_view_class = CohortMilestoneIndexView
    filterset_class = CohortMilestoneFilterSet
    list_display = [
        TitleColumn(
            "title",
            label=_("Milestone"),
            get_url=lambda milestone: reverse("cohort_milestones:review", args=[milestone.pk]),
        ),
        TitleColumn("startup", label=_("Start-up"), accessor=_startup),
        TitleColumn("cohort", label=_("Cohort"), accessor=_cohort),
        "due_on",
        "state",
        "completed_on",
    ]
    search_fields = ["title", "title_id", "evidence", "member__organisation__name"]
    list_export = [
        "title",
        "title_id",
        "member.organisation",
        "member.cohort",
        "due_on",
        "state",
        "evidence",
        "completed_on",
        "reviewed_by",
        "reviewed_at",
        "reminded_at",
        "updated_at",
    ]
    export_headings = {
        "member.organisation": _("Start-up"),
        "member.cohort": _("Cohort"),
    }
    export_filename = "startup-milestones"
    panels = [
        FieldPanel("member"),
        FieldPanel("title"),
        FieldPanel("title_id"),
        FieldPanel("due_on"),
    ]

    def get_review_queryset(self):
        return CohortMilestone.objects.select_related(
            "member__organisation", "member__cohort", "reviewed_by"
        )
