"""Settings of the public read API (``api`` app, docs/api.md)."""

from .environment import env

__all__ = ["PORTAL_API_RATES", "REST_FRAMEWORK", "SPECTACULAR_SETTINGS"]


# Requests per client: anonymous clients by IP address, API-key holders by key.
PORTAL_API_RATES = {
    "anonymous": env("API_RATE_ANONYMOUS", "60/minute"),
    "key": env("API_RATE_KEY", "1200/minute"),
}

# The API's own views set their authentication, throttles, renderer and error format
# (api.views.ReadView), so Wagtail's admin API keeps DRF's defaults.
REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}

SPECTACULAR_SETTINGS = {
    "TITLE": "Co-creation portal open data API",
    "DESCRIPTION": (
        "Read-only access to the portal's public datasets: the same records as the open-data "
        "downloads. Every resource gives both language versions of what is written per language; "
        "`lang` picks the language of labels. Anonymous clients are rate-limited by IP address; "
        "send an API key (`Authorization: Api-Key <key>` or `X-Api-Key`) for a higher limit."
    ),
    "VERSION": "1",
    "DEFAULT_GENERATOR_CLASS": "api.schema.DatasetSchemaGenerator",
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "LICENSE": {"name": "CC BY 4.0", "url": "https://creativecommons.org/licenses/by/4.0/"},
}
