from django.urls import path

from programs import views
from programs.cohorts import demo_day_views, outcome_views
from programs.cohorts import milestone_views as cohort_milestone_views
from programs.cohorts import views as cohort_views
from programs.mentoring import views as mentoring_views
from programs.pilots import milestone_views as pilot_milestone_views
from programs.pilots import record_views
from programs.pilots import views as pilot_views

app_name = "programs"

urlpatterns = [
    path("me/responses/", views.my_responses, name="responses"),
    path("me/responses/<id:pk>/", views.response, name="response"),
]

# Pilots: member screens (the public tracker is the /pilots/ page, programs.PilotIndexPage).
urlpatterns += [
    path("me/pilots/", pilot_views.my_pilots, name="pilots"),
    path("me/pilots/new/", pilot_views.new_pilot, name="pilot_new"),
    path("me/pilots/<id:pk>/", pilot_views.manage, name="pilot"),
    path("me/pilots/<id:pk>/edit/", pilot_views.edit_pilot, name="pilot_edit"),
    path("me/pilots/<id:pk>/invite/", record_views.invite, name="pilot_invite"),
    path("me/pilots/<id:pk>/publish/", record_views.publish, name="pilot_publish"),
    path("me/pilots/<id:pk>/indicators/", record_views.add_indicator, name="pilot_indicator"),
    path(
        "me/pilots/<id:pk>/indicators/<id:indicator_pk>/",
        record_views.measure,
        name="pilot_measure",
    ),
    path("me/pilots/<id:pk>/milestones/", record_views.add_milestone, name="pilot_milestone"),
    path(
        "me/pilots/<id:pk>/milestones/<id:milestone_pk>/",
        pilot_milestone_views.detail,
        name="pilot_milestone_detail",
    ),
    path(
        "me/pilots/<id:pk>/milestones/<id:milestone_pk>/evidence/",
        pilot_milestone_views.evidence,
        name="pilot_milestone_evidence",
    ),
    path("me/pilots/<id:pk>/documents/", record_views.add_document, name="pilot_document"),
    path(
        "me/pilots/<id:pk>/documents/<id:document_pk>/",
        record_views.document,
        name="pilot_document_download",
    ),
    path("me/pilots/<id:pk>/notes/", record_views.add_note, name="pilot_note"),
    path("me/pilots/agencies/<id:pk>/", pilot_views.decision, name="pilot_decision"),
]

# Accelerator cohorts: member screens (the public side is the /accelerator/ page).
urlpatterns += [
    path("me/accelerator/", cohort_views.my_applications, name="cohort_applications"),
    path("me/accelerator/apply/<slug:slug>/", cohort_views.apply, name="cohort_apply"),
    path("me/accelerator/<id:pk>/", cohort_views.detail, name="cohort_application"),
    path("me/accelerator/<id:pk>/edit/", cohort_views.edit, name="cohort_application_edit"),
    path("me/accelerator/<id:pk>/step/", cohort_views.step, name="cohort_application_step"),
    path(
        "me/accelerator/<id:pk>/attachments/<id:attachment_pk>/",
        cohort_views.attachment,
        name="cohort_application_attachment",
    ),
    path(
        "me/accelerator/<id:pk>/attachments/<id:attachment_pk>/remove/",
        cohort_views.remove_attachment,
        name="cohort_application_attachment_remove",
    ),
]

# Cohort start-ups' milestones (programs/cohorts/milestone_views.py).
urlpatterns += [
    path(
        "me/accelerator/milestones/",
        cohort_milestone_views.my_milestones,
        name="cohort_milestones",
    ),
    path(
        "me/accelerator/milestones/<id:pk>/",
        cohort_milestone_views.detail,
        name="cohort_milestone",
    ),
    path(
        "me/accelerator/milestones/<id:pk>/evidence/",
        cohort_milestone_views.evidence,
        name="cohort_milestone_evidence",
    ),
]

# Office hours during a cohort: start-ups book, mentors see their sessions (programs/mentoring/).
urlpatterns += [
    path("me/accelerator/office-hours/", mentoring_views.office_hours, name="office_hours"),
    path(
        "me/accelerator/office-hours/<id:pk>/cancel/",
        mentoring_views.cancel_booking,
        name="office_hours_cancel",
    ),
    path(
        "me/accelerator/office-hours/<id:pk>/calendar.ics",
        mentoring_views.booking_ics,
        name="office_hours_ics",
    ),
    path(
        "me/accelerator/office-hours/<id:pk>/feedback/",
        mentoring_views.feedback,
        name="office_hours_feedback",
    ),
    path("me/mentoring/", mentoring_views.mentor_sessions, name="mentor_sessions"),
]

# Demo day: organisations' interest in start-ups, and the outcomes start-ups report.
urlpatterns += [
    path("me/accelerator/interests/", demo_day_views.my_interests, name="demo_day_interests"),
    path(
        "me/accelerator/interests/new/<id:member_pk>/",
        demo_day_views.register,
        name="demo_day_register",
    ),
    path("me/accelerator/interests/<id:pk>/", demo_day_views.detail, name="demo_day_interest"),
    path(
        "me/accelerator/interests/<id:pk>/step/",
        demo_day_views.step,
        name="demo_day_interest_step",
    ),
    path("me/accelerator/outcomes/", outcome_views.my_outcomes, name="startup_outcomes"),
    path("me/accelerator/outcomes/<id:pk>/", outcome_views.detail, name="startup_outcome"),
]
