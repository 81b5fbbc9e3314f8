"""/api/v1/: mounted outside the language prefixes (each resource carries both languages)."""

from django.urls import path, re_path
from django.views.generic import RedirectView
from drf_spectacular.renderers import OpenApiJsonRenderer
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from api import views
from api.access import ClientRateThrottle

app_name = "api"


class SchemaView(SpectacularAPIView):
    """The OpenAPI 3 schema as JSON (one renderer: no ``Vary: Accept``, so it is cacheable)."""

    renderer_classes = [OpenApiJsonRenderer]
    throttle_classes = [ClientRateThrottle]  # building the schema is the dearest request


urlpatterns = [
    path("", RedirectView.as_view(pattern_name="api:index"), name="root"),
    path("v1/", views.IndexView.as_view(), name="index"),
    path("v1/schema/", SchemaView.as_view(), name="schema"),
    path(
        "v1/docs/",
        SpectacularSwaggerSplitView.as_view(
            url_name="api:schema", template_name="api/swagger_ui.html"
        ),
        name="docs",
    ),
    path("v1/<slug:slug>/", views.RecordListView.as_view(), name="records"),
    path("v1/<slug:slug>/<id:pk>/", views.RecordView.as_view(), name="record"),
    re_path(r"^.*/$", views.NotFoundView.as_view(), name="not_found"),
]
