"""Admin for partners: organisations with filters, search, inspect and export."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.admin.viewsets.model import ModelViewSet

from partners.models import Organisation


class OrganisationViewSet(ModelViewSet):
    model = Organisation
    icon = "group"
    menu_label = _("Organisations")
    menu_order = 200
    add_to_admin_menu = True
    list_display = ["name", "kind", "city", "verification_state", "updated_at"]
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
            [FieldPanel("name"), FieldPanel("short_name"), FieldPanel("slug"), FieldPanel("kind")],
            heading=_("Identity"),
        ),
        FieldPanel("logo"),
        FieldPanel("description"),
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


@hooks.register("register_admin_viewset")
def register_viewsets():
    return OrganisationViewSet("organisations")
