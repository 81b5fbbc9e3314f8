"""Admin for hackathons (imported by events/wagtail_hooks.py): submissions with filters, search
and CSV/XLSX export, the judging desk, the People's Choice audit and the results exports.
Submissions and awards are records: they change through the team's form and the judging desk."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import TitleColumn
from wagtail.permissions import register_permission_policy

from events.models import Award, Submission
from portal.admin_viewsets import PortalModelViewSet
from portal.policies import RecordsOnlyPolicy

from . import admin_views as hackathon_admin

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
