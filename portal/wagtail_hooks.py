"""Admin for the core: taxonomy snippets, and rubrics, assignments and reviews (filters,
search, export). ``portal/privacy/hooks.py``, imported below, registers the data requests'
screen and audit-log label on import."""

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from django_q.models import Failure
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.log_actions import LogFormatter
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from portal.admin_viewsets import GuardedIndexView, PortalModelViewSet, PortalSnippetViewSet
from portal.models import (
    CriterionScore,
    OutgoingEmail,
    Pillar,
    Review,
    ReviewAssignment,
    Rubric,
    SustainableDevelopmentGoal,
)
from portal.policies import RecordsOnlyPolicy
from portal.privacy import hooks as _privacy_hooks  # noqa: F401 - data requests: screen, log label


class PillarViewSet(PortalSnippetViewSet):
    model = Pillar
    icon = "tag"
    menu_label = _("Pillars")
    list_display = ["name", "slug", "sort_order", "locale"]
    list_filter = ["locale"]
    search_fields = ["name"]
    list_export = ["name", "slug", "description", "sort_order", "locale"]
    ordering = ["sort_order"]


class SustainableDevelopmentGoalViewSet(PortalSnippetViewSet):
    model = SustainableDevelopmentGoal
    icon = "globe"
    menu_label = _("SDGs")
    list_display = ["number", "name", "colour", "locale"]
    list_filter = ["locale"]
    search_fields = ["name"]
    list_export = ["number", "name", "colour", "locale"]
    ordering = ["number"]


class TaxonomyGroup(SnippetViewSetGroup):
    menu_label = _("Taxonomy")
    menu_icon = "tag"
    menu_order = 300
    items = (PillarViewSet, SustainableDevelopmentGoalViewSet)


register_snippet(TaxonomyGroup)


@hooks.register("register_log_actions")
def register_workflow_log_actions(actions):
    """Workflow moves appear in Wagtail's audit log (Reports → Site history) with who and when."""

    @actions.register_action("portal.workflow.transition")
    class WorkflowTransitionFormatter(LogFormatter):
        label = _("Workflow step")

        def format_message(self, log_entry):
            from portal.workflow.engine import REGISTRY

            # The stored values ("in_review") shown with their pipeline's labels ("In review").
            data = log_entry.data or {}
            pipeline = REGISTRY.get(data.get("pipeline", ""))
            transition, source, target = (
                data.get("transition", ""),
                data.get("from", ""),
                data.get("to", ""),
            )
            if pipeline is not None:
                step = next((t for t in pipeline.transitions if t.name == transition), None)
                transition = step.label if step else transition
                source, target = pipeline.state_label(source), pipeline.state_label(target)
            return _("%(transition)s: %(from)s → %(to)s") % {
                "transition": transition,
                "from": source,
                "to": target,
            }


register_permission_policy(Review, RecordsOnlyPolicy(Review))
register_permission_policy(ReviewAssignment, RecordsOnlyPolicy(ReviewAssignment))


class RubricViewSet(PortalModelViewSet):
    model = Rubric
    icon = "list-ol"
    menu_label = _("Rubrics")
    list_display = ["name", "description"]
    search_fields = ["name", "description"]
    search_backend_name = None
    list_export = ["name", "description"]
    export_filename = "rubrics"
    inspect_view_enabled = True
    copy_view_enabled = False
    # Criteria are edited inline through the model's panels (InlinePanel("criteria")).


class AssignmentIndexView(GuardedIndexView):
    def get_base_queryset(self):
        # One query for the rows plus one per item type, however long the page.
        return (
            super()
            .get_base_queryset()
            .select_related("reviewer", "rubric", "assigned_by", "review")
            .prefetch_related("item")
        )


def _status(assignment):
    return {"done": _("Submitted"), "draft": _("Draft"), "new": _("Not started")}[assignment.status]


class ReviewAssignmentViewSet(PortalModelViewSet):
    model = ReviewAssignment
    index_view_class = AssignmentIndexView
    icon = "user"
    menu_label = _("Assignments")
    list_display = [
        "reviewer",
        Column("item", label=_("Item"), accessor=lambda assignment: assignment.item),
        "rubric",
        Column("status", label=_("Review"), accessor=_status),
        "assigned_by",
        "created_at",
    ]
    list_filter = ["rubric", "content_type", "created_at"]
    search_fields = ["reviewer__email", "reviewer__name", "rubric__name"]
    search_backend_name = None
    list_export = [
        "reviewer",
        "reviewer.email",
        "item",
        "rubric",
        "status",
        "assigned_by",
        "created_at",
    ]
    export_headings = {
        "reviewer.email": _("Reviewer e-mail"),
        "item": _("Item"),
        "status": _("Review"),
    }
    export_filename = "review-assignments"
    inspect_view_enabled = True
    copy_view_enabled = False
    form_fields = ["reviewer", "rubric"]


class ReviewIndexView(GuardedIndexView):
    def get_base_queryset(self):
        # The weighted score reads every score's criterion: prefetch them with the rows.
        return (
            super()
            .get_base_queryset()
            .select_related("assignment__reviewer", "assignment__rubric")
            .prefetch_related(
                "assignment__item",
                Prefetch("scores", queryset=CriterionScore.objects.select_related("criterion")),
            )
        )


class ReviewViewSet(PortalModelViewSet):
    model = Review
    index_view_class = ReviewIndexView
    icon = "doc-full"
    menu_label = _("Reviews")
    list_display = [
        Column("reviewer", label=_("Reviewer"), accessor=lambda review: review.assignment.reviewer),
        Column("item", label=_("Item"), accessor=lambda review: review.assignment.item),
        "recommendation",
        Column("weighted_score", label=_("Weighted score (0-100)"), accessor="weighted_score"),
        "submitted_at",
    ]
    list_filter = ["recommendation", "assignment__rubric", "submitted_at"]
    search_fields = [
        "assignment__reviewer__email",
        "assignment__reviewer__name",
        "comment_for_staff",
        "comment_for_applicant",
    ]
    search_backend_name = None
    list_export = [
        "assignment.reviewer",
        "assignment.reviewer.email",
        "assignment.item",
        "assignment.rubric",
        "recommendation",
        "weighted_score",
        "comment_for_staff",
        "comment_for_applicant",
        "submitted_at",
    ]
    export_headings = {
        "assignment.reviewer": _("Reviewer"),
        "assignment.reviewer.email": _("Reviewer e-mail"),
        "assignment.item": _("Item"),
        "assignment.rubric": _("Rubric"),
        "weighted_score": _("Weighted score (0-100)"),
    }
    export_filename = "reviews"
    inspect_view_enabled = True
    inspect_view_fields = [
        "assignment",
        "recommendation",
        "weighted_score",
        "comment_for_staff",
        "comment_for_applicant",
        "submitted_at",
        "updated_at",
    ]
    copy_view_enabled = False
    form_fields = ["recommendation"]


class ReviewsGroup(ViewSetGroup):
    menu_label = _("Reviews")
    menu_icon = "doc-full"
    menu_order = 250
    items = (
        RubricViewSet("rubrics"),
        ReviewAssignmentViewSet("review_assignments"),
        ReviewViewSet("reviews"),
    )


@hooks.register("register_admin_viewset")
def register_review_viewsets():
    return ReviewsGroup()


@hooks.register("register_admin_viewset")
def register_job_viewsets():
    from portal.notifications.admin import JobsGroup

    return JobsGroup()


register_permission_policy(OutgoingEmail, RecordsOnlyPolicy(OutgoingEmail))
register_permission_policy(Failure, RecordsOnlyPolicy(Failure))


@hooks.register("portal_search_sources")
def search_sources():
    """Pages that no app's source covers, in the site search (portal/search/sources.py)."""
    from portal.search.sources import core_sources

    return core_sources()
