from django.urls import path

from programs import views

app_name = "programs"

urlpatterns = [
    path("me/responses/", views.my_responses, name="responses"),
    path("me/responses/<int:pk>/", views.response, name="response"),
]
