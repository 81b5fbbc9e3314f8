"""Admin for mentoring (in the Accelerator menu): mentors and their slots are kept by program
managers; bookings and feedback are records, read and exported (they change through the service)."""

from django.utils.translation import gettext_lazy as _
from wagtail.permissions import register_permission_policy

from portal.admin_viewsets import PortalModelViewSet
from portal.policies import RecordsOnlyPolicy
from programs.models import Mentor, OfficeHourBooking, OfficeHourSlot, SessionFeedback


class MentorViewSet(PortalModelViewSet):
    model = Mentor
    icon = "user"
    menu_label = _("Mentors")
    list_display = ["name", "affiliation", "expertise", "active"]
    list_filter = ["active", "pillars", "speaks_english", "speaks_indonesian"]
    search_fields = ["name", "affiliation", "expertise"]
    list_export = ["name", "affiliation", "expertise", "speaks_english", "speaks_indonesian"]
    export_filename = "mentors"
    form_fields = [
        "user",
        "name",
        "affiliation",
        "bio",
        "bio_id",
        "expertise",
        "pillars",
        "speaks_english",
        "speaks_indonesian",
        "active",
    ]


class SlotViewSet(PortalModelViewSet):
    model = OfficeHourSlot
    icon = "time"
    menu_label = _("Office hours")
    list_display = ["mentor", "cohort", "starts_at", "ends_at", "capacity", "cancelled"]
    list_filter = ["cohort", "mentor", "cancelled", "starts_at"]
    search_fields = ["mentor__name", "location"]
    list_export = ["mentor", "cohort", "starts_at", "ends_at", "capacity", "location", "cancelled"]
    export_filename = "office-hours"
    form_fields = ["mentor", "cohort", "starts_at", "ends_at", "capacity", "location", "cancelled"]


class BookingViewSet(PortalModelViewSet):
    model = OfficeHourBooking
    icon = "date"
    menu_label = _("Office-hour bookings")
    list_display = ["member", "slot", "state", "created_at"]
    list_filter = ["state", "slot__cohort", "slot__mentor"]
    search_fields = ["member__organisation__name", "slot__mentor__name"]
    list_export = ["member", "slot", "state", "need", "created_at", "cancelled_at"]
    export_headings = {"member": _("Start-up"), "slot": _("Session")}
    export_filename = "office-hour-bookings"
    inspect_view_enabled = True
    form_fields = ["need"]  # never offered: RecordsOnlyPolicy refuses add and change


class FeedbackViewSet(PortalModelViewSet):
    model = SessionFeedback
    icon = "comment"
    menu_label = _("Session feedback")
    list_display = ["booking", "from_mentor", "rating", "created_at"]
    list_filter = ["from_mentor", "rating", "booking__slot__cohort"]
    search_fields = ["comment", "booking__member__organisation__name"]
    list_export = ["booking", "from_mentor", "rating", "comment", "created_at"]
    export_filename = "session-feedback"
    inspect_view_enabled = True
    form_fields = ["rating", "comment"]  # never offered: RecordsOnlyPolicy


def viewsets():
    return (
        MentorViewSet("mentors"),
        SlotViewSet("office_hours", url_prefix="office-hours"),
        BookingViewSet("office_hour_bookings", url_prefix="office-hour-bookings"),
        FeedbackViewSet("session_feedback", url_prefix="session-feedback"),
    )


register_permission_policy(OfficeHourBooking, RecordsOnlyPolicy(OfficeHourBooking))
register_permission_policy(SessionFeedback, RecordsOnlyPolicy(SessionFeedback))
