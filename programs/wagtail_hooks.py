"""Admin for government responses: filters (state, agency, programme, overdue), search, export.

States move only through the workflow engine (the response form at /me/responses/<pk>/, which
program managers may open for any agency); the admin form keeps to the reference.

The modules imported below register their own hooks on import: the dashboard links, the
cohorts' admin with the mentoring viewsets (``programs/cohorts/hooks.py``) and the pilots'
(``programs/pilots/hooks.py``).
"""

from datetime import timedelta

import django_filters
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import TitleColumn

from portal.admin_viewsets import PortalModelViewSet
from programs import dashboard as _dashboard  # noqa: F401 - registers the dashboard links
from programs.cohorts import hooks as _cohort_hooks  # noqa: F401 - cohorts and mentoring
from programs.models import GovernmentResponse, ProgrammePage
from programs.models.responses import OVERDUE_AFTER_DAYS
from programs.pilots import hooks as _pilot_hooks  # noqa: F401 - pilots, the board, adoption
from programs.workflows import AWAITING


class ResponseFilterSet(WagtailFilterSet):
    overdue = django_filters.BooleanFilter(
        label=_("Awaiting agency response for more than 60 days"), method="filter_overdue"
    )
    programme = django_filters.ModelChoiceFilter(
        label=_("Programme"),
        field_name="recommendation__programme",
        queryset=ProgrammePage.objects.filter(locale__language_code="en").order_by("title"),
    )

    class Meta:
        model = GovernmentResponse
        fields = ["state", "agency"]

    def filter_overdue(self, queryset, name, value):
        limit = timezone.now() - timedelta(days=OVERDUE_AFTER_DAYS)
        overdue = {"state__in": AWAITING, "requested_at__lt": limit}
        if value is True:
            return queryset.filter(**overdue)
        if value is False:
            return queryset.exclude(**overdue)
        return queryset


class GovernmentResponseViewSet(PortalModelViewSet):
    model = GovernmentResponse
    icon = "tasks"
    menu_label = _("Government responses")
    menu_order = 230
    add_to_admin_menu = True
    list_display = [
        TitleColumn(
            "recommendation",
            label=_("Recommendation"),
            get_url=lambda response: reverse("programs:response", args=[response.pk]),
        ),
        "agency",
        "state",
        "requested_at",
        "responded_on",
        "reference",
    ]
    filterset_class = ResponseFilterSet
    search_fields = ["recommendation__title", "agency__name", "reference", "response_text"]
    list_export = [
        "recommendation",
        "recommendation.programme",
        "agency",
        "state",
        "requested_at",
        "responded_on",
        "reference",
        "response_text",
        "implemented_on",
        "updated_at",
    ]
    export_filename = "government-responses"
    inspect_view_enabled = True
    ordering = ["requested_at"]
    # States and answers move only through the workflow engine.
    form_fields = ["reference"]


@hooks.register("register_admin_viewset")
def register_response_viewset():
    return GovernmentResponseViewSet("government_responses")


class ResponsesMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("programs.view_governmentresponse")


@hooks.register("register_admin_menu_item")
def register_overdue_menu_item():
    return ResponsesMenuItem(
        _("Responses overdue (60+ days)"),
        reverse("government_responses:index") + "?overdue=true",
        icon_name="warning",
        order=231,
    )


@hooks.register("portal_search_sources")
def search_sources():
    """Programmes, policy recommendations and pilots in the site search."""
    from programs.search_sources import search_sources

    return search_sources()
