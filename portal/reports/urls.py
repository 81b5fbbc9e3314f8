from django.urls import path

from . import views

app_name = "reports_public"

urlpatterns = [
    path("report/<slug:kind>/<id:pk>/", views.report, name="report"),
]
