from django.urls import path

from events import views
from events.hackathons import views_admission as admission
from events.hackathons import views_me as hackathons

app_name = "events"

urlpatterns = [
    path("events/feed.ics", views.feed, name="feed"),
    path("events/calendar/<id:page_id>.ics", views.event_ics, name="ics"),
    path("me/events/", views.my_events, name="mine"),
    path("me/events/register/<id:page_id>/", views.register, name="register"),
    path("me/events/<id:pk>/ticket/", views.ticket, name="ticket"),
    path("me/events/<id:pk>/cancel/", views.cancel, name="cancel"),
    path("events/check-in/<id:page_id>/", views.check_in, name="check_in"),
    path("events/check-in/code/<str:code>/", views.check_in_code, name="check_in_code"),
    path("me/hackathons/", hackathons.my_hackathons, name="my_hackathons"),
    path("me/hackathons/<id:page_id>/team/new/", hackathons.create_team, name="create_team"),
    path("me/hackathons/teams/<id:pk>/", hackathons.team, name="team"),
    path("me/hackathons/teams/<id:pk>/project/", hackathons.submission, name="submission"),
    path("me/hackathons/teams/<id:pk>/request/", admission.request_join, name="request_join"),
    path("me/hackathons/teams/<id:pk>/leave/", admission.leave_team, name="leave_team"),
    path(
        "me/hackathons/teams/<id:pk>/invitations/<id:invitation_pk>/revoke/",
        admission.revoke_invitation,
        name="revoke_invitation",
    ),
    path(
        "me/hackathons/requests/<id:pk>/withdraw/",
        admission.withdraw_request,
        name="withdraw_request",
    ),
    path(
        "me/hackathons/invitations/<str:token>/",
        admission.accept_invitation,
        name="accept_invitation",
    ),
    path("me/hackathons/join/<str:token>/", hackathons.join_link, name="join_link"),
    path("me/hackathons/projects/<id:pk>/deck/", hackathons.deck, name="deck"),
    path("me/hackathons/projects/<id:pk>/vote/", hackathons.vote, name="vote"),
    path("me/hackathons/<id:page_id>/finals/", hackathons.finals_screen, name="finals"),
    path("me/hackathons/<id:page_id>/conflicts/", hackathons.conflicts, name="conflicts"),
]
