from django.urls import path

from events import views

app_name = "events"

urlpatterns = [
    path("events/feed.ics", views.feed, name="feed"),
    path("events/calendar/<int:page_id>.ics", views.event_ics, name="ics"),
    path("me/events/", views.my_events, name="mine"),
    path("me/events/register/<int:page_id>/", views.register, name="register"),
    path("me/events/<int:pk>/ticket/", views.ticket, name="ticket"),
    path("me/events/<int:pk>/cancel/", views.cancel, name="cancel"),
    path("events/check-in/<int:page_id>/", views.check_in, name="check_in"),
    path("events/check-in/code/<str:code>/", views.check_in_code, name="check_in_code"),
]
