from django.urls import path

from partners import views

app_name = "partners"

urlpatterns = [
    path("me/organisations/", views.my_organisations, name="mine"),
    path("me/organisations/new/", views.request_organisation, name="request"),
    path("me/organisations/<slug:slug>/", views.members, name="members"),
    path("me/organisations/<slug:slug>/members/<int:pk>/role/", views.change_role, name="role"),
    path(
        "me/organisations/<slug:slug>/members/<int:pk>/remove/", views.remove_member, name="remove"
    ),
    path("me/organisations/<slug:slug>/requests/<int:pk>/", views.decide_join, name="decide"),
    path("me/join/<slug:slug>/", views.join, name="join"),
    path("me/invitations/<str:token>/", views.invitation, name="invitation"),
]
