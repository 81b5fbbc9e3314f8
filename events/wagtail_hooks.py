"""Admin for events: registrations (filters, search, CSV/XLSX attendance lists, an overview per
event) and speakers (snippets). Registrations are written only through events.services.

The modules imported below register their own hooks on import: the dashboard links, the
personal-data export and erasure, and the hackathons' admin (``events/hackathons/hooks.py``)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import TitleColumn
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from events import admin_views
from events import dashboard as _dashboard  # noqa: F401 - registers the dashboard links
from events import personal_data as _personal_data  # noqa: F401 - the export and erasure
from events.hackathons import hooks as _hackathon_hooks  # noqa: F401 - the hackathons' admin
from events.models import Registration, Speaker
from portal.admin_viewsets import PortalModelViewSet, PortalSnippetViewSet
from portal.policies import RecordsOnlyPolicy

# Registrations change through the overview screen (the workflow engine, capacity and e-mails),
# never through a plain edit form.
register_permission_policy(Registration, RecordsOnlyPolicy(Registration))


class RegistrationViewSet(PortalModelViewSet):
    model = Registration
    icon = "date"
    menu_label = _("Event registrations")
    menu_order = 230
    add_to_admin_menu = True
    list_display = [
        "user",
        "user__email",
        TitleColumn(
            "event",
            label=_("Event"),
            get_url=lambda registration: reverse(
                "registrations:overview", args=[registration.event_id]
            ),
        ),
        "state",
        "position",
        "created_at",
        "attended_at",
    ]
    list_filter = ["state", "event", "event__event_type", "created_at"]
    search_fields = ["user__email", "user__name", "event__title"]
    # Attendance lists: never the check-in code or the join link.
    list_export = [
        "event",
        "event.start",
        "user",
        "user.email",
        "state",
        "position",
        "answers_text",
        "created_at",
        "attended_at",
    ]
    export_headings = {
        "event.start": _("Starts"),
        "user.email": _("E-mail"),
        "answers_text": _("Answers"),
    }
    export_filename = "registrations"
    inspect_view_enabled = True
    inspect_view_fields = [
        "event",
        "user",
        "state",
        "position",
        "answers",
        "added_by",
        "created_at",
        "attended_at",
        "reminder_sent_at",
    ]
    ordering = ["-created_at"]
    form_fields = ["state"]

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("events/", admin_views.overview_index, name="overview_index"),
            path("events/<id:pk>/", admin_views.overview, name="overview"),
        ]


@hooks.register("register_admin_viewset")
def register_registration_viewset():
    return RegistrationViewSet("registrations")


class SpeakerViewSet(PortalSnippetViewSet):
    model = Speaker
    icon = "user"
    menu_label = _("Speakers")
    menu_order = 240
    add_to_admin_menu = True
    list_display = ["name", "title", "organisation", "organisation_name"]
    list_filter = ["organisation"]
    search_fields = ["name", "title", "organisation_name"]
    list_export = ["name", "slug", "title", "title_id", "organisation", "organisation_name"]
    export_filename = "speakers"
    ordering = ["name"]


register_snippet(SpeakerViewSet)


@hooks.register("portal_search_sources")
def search_sources():
    """Events, hackathons, speakers and hackathon projects in the site search."""
    from events.search_sources import search_sources

    return search_sources()
