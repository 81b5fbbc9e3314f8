"""Admin for partners: organisations and memberships (filters, search, export).

The modules imported below register their own hooks on import: the dashboard links, the
personal-data export and erasure, and the admin of calls and proposals
(``partners/proposals/hooks.py``)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.admin.ui.tables import TitleColumn

from partners import admin_views
from partners import dashboard as _dashboard  # noqa: F401 - registers the dashboard links
from partners import personal_data as _personal_data  # noqa: F401 - the export and erasure
from partners.models import Membership, Organisation
from partners.proposals import hooks as _proposal_hooks  # noqa: F401 - calls and proposals
from portal.admin_viewsets import PortalModelViewSet


class OrganisationViewSet(PortalModelViewSet):
    model = Organisation
    icon = "group"
    menu_label = _("Organisations")
    menu_order = 200
    add_to_admin_menu = True
    list_display = [
        "name",
        "kind",
        "city",
        "verification_state",
        TitleColumn(
            "moderate",
            label=_("Verification"),
            accessor=lambda organisation: _("Moderate"),
            get_url=lambda organisation: reverse(
                "organisations:verification", args=[organisation.pk]
            ),
        ),
        "updated_at",
    ]
    list_filter = ["kind", "verification_state", "city", "pillars"]
    search_fields = ["name", "short_name", "city"]
    list_export = [
        "name",
        "short_name",
        "kind",
        "city",
        "country",
        "website",
        "size",
        "founding_year",
        "verification_state",
        "created_at",
    ]
    export_filename = "organisations"
    inspect_view_enabled = True
    ordering = ["name"]
    panels = [
        MultiFieldPanel(
            [
                FieldPanel("name"),
                FieldPanel("name_id"),
                FieldPanel("short_name"),
                FieldPanel("slug"),
                FieldPanel("kind"),
            ],
            heading=_("Identity"),
        ),
        FieldPanel("logo"),
        FieldPanel("description"),
        FieldPanel("description_id"),
        MultiFieldPanel(
            [FieldPanel("website"), FieldPanel("city"), FieldPanel("country")],
            heading=_("Where"),
        ),
        MultiFieldPanel(
            [FieldPanel("pillars"), FieldPanel("sdgs"), FieldPanel("sectors")],
            heading=_("Themes"),
        ),
        MultiFieldPanel([FieldPanel("size"), FieldPanel("founding_year")], heading=_("Profile")),
        # Verification changes go through the workflow engine, never through a form field.
        FieldPanel("verification_state", read_only=True),
    ]

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("verification/<id:pk>/", admin_views.verification, name="verification"),
        ]


class MembershipViewSet(PortalModelViewSet):
    model = Membership
    icon = "user"
    menu_label = _("Memberships")
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["user", "organisation", "role", "created_at"]
    list_filter = ["role", "organisation__kind"]
    search_fields = ["user__email", "user__name", "organisation__name"]
    list_export = ["user", "user.email", "organisation", "role", "created_at"]
    export_filename = "memberships"
    inspect_view_enabled = True
    form_fields = ["organisation", "user", "role"]


@hooks.register("register_admin_viewset")
def register_viewsets():
    return OrganisationViewSet("organisations")


@hooks.register("register_admin_viewset")
def register_membership_viewset():
    return MembershipViewSet("memberships")


@hooks.register("portal_search_sources")
def search_sources():
    """Organisations, agencies and challenges in the site search (partners/search_sources.py)."""
    from partners.search_sources import search_sources

    return search_sources()
