from django.urls import path

from partners import challenge_views, views
from partners.proposals import views as proposal_views

app_name = "partners"

urlpatterns = [
    path("me/organisations/", views.my_organisations, name="mine"),
    path("me/organisations/new/", views.request_organisation, name="request"),
    path("me/organisations/<slug:slug>/", views.members, name="members"),
    path("me/organisations/<slug:slug>/profile/", views.edit_profile, name="edit_profile"),
    path("me/organisations/<slug:slug>/members/<id:pk>/role/", views.change_role, name="role"),
    path(
        "me/organisations/<slug:slug>/members/<id:pk>/remove/", views.remove_member, name="remove"
    ),
    path("me/organisations/<slug:slug>/requests/<id:pk>/", views.decide_join, name="decide"),
    path(
        "me/organisations/<slug:slug>/invitations/<id:pk>/revoke/",
        views.revoke_invitation,
        name="revoke_invitation",
    ),
    path("me/join/<slug:slug>/", views.join, name="join"),
    path("me/requests/<id:pk>/withdraw/", views.withdraw_request, name="withdraw_request"),
    path("me/invitations/<str:token>/", views.invitation, name="invitation"),
    path("me/challenges/", challenge_views.my_challenges, name="challenges"),
    path("me/challenges/new/", challenge_views.new_challenge, name="challenge_new"),
    path("me/challenges/<id:page_id>/edit/", challenge_views.edit_challenge, name="challenge_edit"),
    path(
        "me/challenges/<id:page_id>/submit/",
        challenge_views.submit_challenge,
        name="challenge_submit",
    ),
]

# Calls and proposals (partners/proposals/).
urlpatterns += [
    path("calls/", proposal_views.call_list, name="calls"),
    path("calls/<slug:slug>/", proposal_views.call_detail, name="call"),
    path("me/proposals/", proposal_views.my_proposals, name="proposals"),
    path("me/proposals/new/<slug:slug>/", proposal_views.start, name="proposal_start"),
    path("me/proposals/<id:pk>/", proposal_views.detail, name="proposal"),
    path("me/proposals/<id:pk>/edit/", proposal_views.edit, name="proposal_edit"),
    path("me/proposals/<id:pk>/step/", proposal_views.step, name="proposal_step"),
    path(
        "me/proposals/<id:pk>/attachments/<id:attachment_pk>/",
        proposal_views.attachment,
        name="proposal_attachment",
    ),
    path(
        "me/proposals/<id:pk>/attachments/<id:attachment_pk>/remove/",
        proposal_views.remove_attachment,
        name="proposal_attachment_remove",
    ),
]
