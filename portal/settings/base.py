"""Production-safe base settings.

The environment is read only in this package, through ``environment.py`` (see ``.env.example``
for every variable): here for the project itself (hosts, apps, database, languages, files,
Wagtail), and in one module per concern gathered below: ``caching``, ``jobs`` (background jobs
and e-mail), ``accounts``, ``security``, ``logs`` and ``api``. Defaults are the safe ones: DEBUG
off, no secret key, no hosts. ``dev`` and ``test`` relax them for a laptop; ``production``
insists on them.
"""

import ipaddress
from pathlib import Path

import dj_database_url

from .accounts import *  # noqa: F403 - allauth: e-mail login, verification, rate limits, TOTP
from .api import *  # noqa: F403 - the public read API
from .caching import *  # noqa: F403 - cache, sessions, the public page cache, CDN purges
from .environment import BASE_DIR, VAR_DIR, env, env_bool, env_list, site_name
from .jobs import *  # noqa: F403 - background jobs, e-mail, retention, readiness
from .logs import *  # noqa: F403 - logs, error e-mails, Sentry
from .security import *  # noqa: F403 - cookies, headers, Content Security Policy

# --- Core -----------------------------------------------------------------------------------
DEBUG = env_bool("DEBUG", False)
SECRET_KEY = env("SECRET_KEY")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
SITE_URL = env("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
WAGTAILADMIN_BASE_URL = SITE_URL
WAGTAIL_SITE_NAME = site_name()
# Reverse proxies (CIDRs) whose X-Forwarded-For is believed (portal.clientip.client_ip): rate
# limits and audits see the visitor's address, not the proxy's. Empty: REMOTE_ADDR as is.
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES")
for _cidr in TRUSTED_PROXIES:
    ipaddress.ip_network(_cidr, strict=False)  # a typo fails at start-up, not on a request

# True only in portal.settings.production (seed_demo refuses to run there without --force).
PORTAL_PRODUCTION = False

INSTALLED_APPS = [
    # The project and its feature apps (imports point down: programs -> events -> partners -> portal).
    "portal",
    "portal.reports",  # reports of member-written content and their moderation
    "partners",
    "events",
    "programs",
    "api",  # the public read API (/api/v1/), on Django REST framework
    # Wagtail
    "wagtail_localize",
    "wagtail_localize.locales",  # replaces wagtail.locales
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.table_block",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.routable_page",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    # Accounts
    "allauth",
    "allauth.account",
    "allauth.mfa",
    # Jobs
    "django_q",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",  # Swagger UI served from our own static files
    # Django
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    # First: every log line of the request carries its id; then the health probes, answered
    # before host validation, the SSL redirect, sessions and language prefixes (portal/health.py).
    "portal.request_log.RequestIdMiddleware",
    "portal.health.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "api.middleware.ReadCorsMiddleware",  # CORS for /api/ reads, also on cached responses
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Above sessions, CSRF and auth: a cached public page costs no database query.
    "portal.page_cache.PublicPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "portal.middleware.LocaleMiddleware",
    "portal.middleware.NullCharacterMiddleware",  # before any view filters on a query value
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "portal.middleware.AdminSecurityMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "portal.context_processors.portal",
            ],
            # Shared filters every template uses (|idr, |when, |relative, lang and error summary).
            "builtins": ["portal.templatetags.format_tags", "portal.templatetags.a11y_tags"],
        },
    },
]

# --- Database -------------------------------------------------------------------------------------
DATABASE_URL = env("DATABASE_URL", f"sqlite:///{VAR_DIR / 'portal.sqlite3'}")
DATABASES = {
    "default": dj_database_url.parse(DATABASE_URL, conn_max_age=60, conn_health_checks=True)
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # SQLite keeps one writer at a time; wait for the lock instead of failing under load.
    DATABASES["default"].setdefault("OPTIONS", {}).update({"timeout": 20})
    DATABASES["default"]["CONN_MAX_AGE"] = 0
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # A stopped or unreachable server fails fast (readiness probe, requests) instead of hanging.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("connect_timeout", 5)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Full-text search indexes (GIN) for Wagtail's database search backend.
    INSTALLED_APPS.append("django.contrib.postgres")

# --- Languages and time ---------------------------------------------------------------------
LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("id", "Bahasa Indonesia")]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Asia/Jakarta"
# One date, time and number style per language (portal/formats/<lang>/formats.py).
FORMAT_MODULE_PATH = ["portal.formats"]

# --- Static and media -----------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(env("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(BASE_DIR / "media")))
# Private uploads (proposal attachments, pitch decks) live outside MEDIA_ROOT and have no URL:
# a permission-checked view streams them (portal/uploads.py).
PRIVATE_MEDIA_ROOT = Path(env("PRIVATE_MEDIA_ROOT", str(BASE_DIR / "var" / "private")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT, "base_url": None},
    },
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
AWS_STORAGE_BUCKET_NAME = env("AWS_STORAGE_BUCKET_NAME")
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage"}
    # Same bucket, own prefix, never public-read: files leave only through the checked view.
    STORAGES["private"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {"location": "private", "default_acl": "private", "querystring_auth": True},
    }
    AWS_S3_ENDPOINT_URL = env("AWS_S3_ENDPOINT_URL") or None
    AWS_S3_REGION_NAME = env("AWS_S3_REGION_NAME") or None
    AWS_ACCESS_KEY_ID = env("AWS_ACCESS_KEY_ID") or None
    AWS_SECRET_ACCESS_KEY = env("AWS_SECRET_ACCESS_KEY") or None
    AWS_QUERYSTRING_AUTH = True
    AWS_DEFAULT_ACL = None
# Uploads larger than this are refused before they reach a view.
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "pptx", "odt", "ods", "csv", "txt"]

# --- Wagtail --------------------------------------------------------------------------------
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "portal.search.backend"}}
WAGTAILEMBEDS_RESPONSIVE_HTML = True
# No Gravatar: the admin would call a third party with a hash of each user's e-mail address.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILADMIN_RICH_TEXT_EDITORS = {
    "default": {"WIDGET": "wagtail.admin.rich_text.DraftailRichTextArea"},
}
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ALLOW_UNICODE_SLUGS = False
