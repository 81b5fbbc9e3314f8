"""Admin for calls and proposals (imported by partners/wagtail_hooks.py): calls with their
rubric, proposals listed, inspected and exported (decided on their own screen, never edited),
the review queue, and the public calls in the sitemap."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.admin.ui.tables import TitleColumn
from wagtail.admin.viewsets.model import ModelViewSetGroup
from wagtail.permissions import register_permission_policy

from partners.models import Call, Proposal
from portal.admin_viewsets import PortalModelViewSet
from portal.policies import RecordsOnlyPolicy

from . import admin_views as proposal_admin


class CallViewSet(PortalModelViewSet):
    model = Call
    icon = "doc-empty-inverse"
    menu_label = _("Calls for proposals")
    list_display = ["title", "opens_at", "closes_at", "published", "challenge", "rubric"]
    list_filter = ["published", "pillars"]
    search_fields = ["title", "summary"]
    list_export = ["title", "slug", "opens_at", "closes_at", "eligible_kinds", "published"]
    export_filename = "calls"
    inspect_view_enabled = True
    ordering = ["-closes_at"]
    panels = [
        MultiFieldPanel(
            [
                FieldPanel("title"),
                FieldPanel("slug"),
                FieldPanel("summary"),
                FieldPanel("description"),
            ],
            heading=_("What the call is about"),
        ),
        MultiFieldPanel(
            [FieldPanel("opens_at"), FieldPanel("closes_at"), FieldPanel("published")],
            heading=_("When"),
        ),
        MultiFieldPanel(
            [FieldPanel("eligible_kinds"), FieldPanel("pillars")], heading=_("Who and what")
        ),
        MultiFieldPanel(
            [FieldPanel("challenge"), FieldPanel("programme_page"), FieldPanel("rubric")],
            heading=_("Links and review"),
        ),
    ]


class ProposalViewSet(PortalModelViewSet):
    """Proposals are written by their organisations; staff inspect, export and decide."""

    model = Proposal
    icon = "doc-full"
    menu_label = _("Proposals")
    list_display = [
        TitleColumn(
            "title",
            label=_("Title"),
            get_url=lambda proposal: reverse("proposals:decide", args=[proposal.pk]),
        ),
        "organisation",
        "call",
        "state",
        "submitted_at",
        "updated_at",
    ]
    list_filter = ["state", "call", "organisation__kind", "pillars"]
    search_fields = ["title", "summary", "organisation__name"]
    list_export = [
        "title",
        "organisation",
        "call",
        "state",
        "summary",
        "budget_idr",
        "duration_months",
        "submitted_at",
        "created_at",
        "updated_at",
    ]
    export_filename = "proposals"
    # Content belongs to the applicants; states move only through the decision screen.
    inspect_view_enabled = True
    inspect_view_fields = [
        "title",
        "organisation",
        "call",
        "state",
        "summary",
        "problem",
        "solution",
        "requested_support",
        "budget_idr",
        "duration_months",
        "team",
        "submitted_at",
    ]
    ordering = ["-updated_at"]
    form_fields = ["title"]  # required by ModelViewSet; RecordsOnlyPolicy keeps editing closed

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("queue/", proposal_admin.review_queue, name="review_queue"),
            path("decide/<id:pk>/", proposal_admin.decide, name="decide"),
        ]


class ProposalGroup(ModelViewSetGroup):
    menu_label = _("Proposals")
    menu_icon = "doc-full"
    menu_order = 220
    items = (CallViewSet("calls"), ProposalViewSet("proposals"))


register_permission_policy(Proposal, RecordsOnlyPolicy(Proposal))


@hooks.register("register_admin_viewset")
def register_proposal_viewsets():
    return ProposalGroup()


@hooks.register("register_admin_menu_item")
def register_review_queue_menu_item():
    return MenuItem(
        _("Review queue"), reverse("proposals:review_queue"), icon_name="tasks", order=221
    )


@hooks.register("portal_sitemap_views")
def sitemap_calls():
    """/calls/ and every public call, for the sitemap (portal/sitemaps.py)."""
    calls = list(Call.objects.public().order_by("slug").values_list("slug", "updated_at"))
    latest = max((updated for _slug, updated in calls), default=None)
    entries = [("partners:calls", {}, latest)]
    entries += [("partners:call", {"slug": slug}, updated) for slug, updated in calls]
    return entries
