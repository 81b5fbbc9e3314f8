"""Admin for events: registrations (filters, search, CSV/XLSX attendance lists, an overview per
event) and speakers (snippets). Registrations are written only through events.services."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import TitleColumn
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from events import admin_views
from events import dashboard as _dashboard  # noqa: F401 - registers the dashboard links
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


# --- Hackathons --------------------------------------------------------------------------
from events.hackathons import admin_views as hackathon_admin  # noqa: E402
from events.models import Award, Submission  # noqa: E402

# Submissions change through the team's form and the judging desk (the workflow engine,
# deadlines, notifications), never through a plain admin edit form.
register_permission_policy(Submission, RecordsOnlyPolicy(Submission))
register_permission_policy(Award, RecordsOnlyPolicy(Award))


class SubmissionViewSet(PortalModelViewSet):
    model = Submission
    icon = "code"
    menu_label = _("Hackathon submissions")
    menu_order = 250
    add_to_admin_menu = True
    list_display = [
        "title",
        "team",
        TitleColumn(
            "hackathon",
            label=_("Hackathon"),
            get_url=lambda s: reverse("hackathon_submissions:desk", args=[s.hackathon_id]),
        ),
        "state",
        "submitted_at",
        "hidden_from_gallery",
    ]
    list_filter = ["state", "hackathon", "team__track", "hidden_from_gallery"]
    search_fields = ["title", "tagline", "team__name", "technologies"]
    # No vote counts here: People's Choice tallies stay hidden until voting closes.
    list_export = [
        "hackathon",
        "team",
        "team.track",
        "title",
        "tagline",
        "state",
        "submitted_at",
        "repository_url",
        "demo_url",
        "video_url",
        "technologies",
        "licence",
    ]
    export_filename = "hackathon-submissions"
    inspect_view_enabled = True
    ordering = ["-created_at"]
    form_fields = ["hidden_from_gallery"]

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("hackathons/", hackathon_admin.index, name="hackathons"),
            path("hackathons/<id:pk>/", hackathon_admin.desk, name="desk"),
            path("hackathons/<id:pk>/votes/", hackathon_admin.vote_audit, name="vote_audit"),
            path(
                "hackathons/<id:pk>/export/<str:kind>.<str:fmt>",
                hackathon_admin.export,
                name="export",
            ),
        ]


@hooks.register("register_admin_viewset")
def register_submission_viewset():
    return SubmissionViewSet("hackathon_submissions")


# The personal-data export contribution (portal.personal_data) registers itself on import.
from events import personal_data  # noqa: E402, F401


@hooks.register("portal_search_sources")
def search_sources():
    """Events, hackathons, speakers and hackathon projects in the site search."""
    from events.search_sources import search_sources

    return search_sources()
