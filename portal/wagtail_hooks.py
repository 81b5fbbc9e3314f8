"""Admin for the core: taxonomy snippets (filters, search, export)."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import LogFormatter
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from portal.models import Pillar, SustainableDevelopmentGoal


class PillarViewSet(SnippetViewSet):
    model = Pillar
    icon = "tag"
    menu_label = _("Pillars")
    list_display = ["name", "slug", "sort_order", "locale"]
    list_filter = ["locale"]
    search_fields = ["name"]
    list_export = ["name", "slug", "description", "sort_order", "locale"]
    ordering = ["sort_order"]


class SustainableDevelopmentGoalViewSet(SnippetViewSet):
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
            data = log_entry.data or {}
            return _("%(transition)s: %(from)s → %(to)s") % {
                "transition": data.get("transition", ""),
                "from": data.get("from", ""),
                "to": data.get("to", ""),
            }
