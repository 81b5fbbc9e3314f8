"""Production-safe base settings.

This is the one module that reads the environment (see ``.env.example`` for every variable).
Defaults are the safe ones: DEBUG off, no secret key, no hosts. ``dev`` and ``test`` relax them
for a laptop; ``production`` insists on them.
"""

import ipaddress
import os
from pathlib import Path

import dj_database_url
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = BASE_DIR / "var"


def env(name, default=""):
    return os.environ.get(name, default)


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


# --- Core -----------------------------------------------------------------------------------
DEBUG = env_bool("DEBUG", False)
SECRET_KEY = env("SECRET_KEY")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
SITE_URL = env("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
WAGTAILADMIN_BASE_URL = SITE_URL
WAGTAIL_SITE_NAME = env("SITE_NAME", "Jakarta Co-creation Portal")
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

# --- Database, cache, jobs ------------------------------------------------------------------
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

REDIS_URL = env("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {
                "CLIENT_CLASS": "django_redis.client.DefaultClient",
                # An unreachable Redis fails fast instead of hanging every request.
                "SOCKET_CONNECT_TIMEOUT": 2,
                "SOCKET_TIMEOUT": 5,
            },
        }
    }
    # Sessions live in the cache too, so app servers stay stateless.
    SESSION_ENGINE = "django.contrib.sessions.backends.cache"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# The public cache (docs/caching.md). Anonymous pages are stored in the default cache under a
# generation counter that every public change moves on (portal/cache.py). Local memory is per
# process, so the page and frame caches are on by default only with Redis (shared by every app
# server); PAGE_CACHE=1 forces them on (one process: `make run`), PAGE_CACHE=0 turns them off.
PORTAL_PAGE_CACHE = env_bool("PAGE_CACHE", bool(REDIS_URL))
PORTAL_FRAME_CACHE = env_bool("FRAME_CACHE", PORTAL_PAGE_CACHE)
PORTAL_PAGE_CACHE_TIMEOUT = int(env("PAGE_CACHE_TIMEOUT", "3600"))  # seconds an entry is kept
PORTAL_PAGE_CACHE_MAX_BYTES = 2 * 1024 * 1024  # larger responses are not stored
PORTAL_PAGE_CACHE_EXCLUDE = ("/admin/",)
# Cache-Control of public responses: browsers keep a page briefly, a CDN longer (it is purged).
PORTAL_CACHE_MAX_AGE = int(env("CACHE_MAX_AGE", "60"))
PORTAL_CACHE_S_MAXAGE = int(env("CACHE_S_MAXAGE", "300"))
PORTAL_CACHE_STALE_WHILE_REVALIDATE = int(env("CACHE_STALE_WHILE_REVALIDATE", "60"))
# A CDN in front is purged through wagtail.contrib.frontend_cache; no backend by default.
# FRONTEND_CACHE_URL: a Varnish/Squid/nginx purge endpoint (HTTP PURGE);
# CLOUDFLARE_BEARER_TOKEN + CLOUDFLARE_ZONE_ID: Cloudflare's purge API.
WAGTAILFRONTENDCACHE = {}
if env("FRONTEND_CACHE_URL"):
    WAGTAILFRONTENDCACHE["varnish"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": env("FRONTEND_CACHE_URL"),
    }
if env("CLOUDFLARE_BEARER_TOKEN") and env("CLOUDFLARE_ZONE_ID"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": env("CLOUDFLARE_BEARER_TOKEN"),
        "ZONEID": env("CLOUDFLARE_ZONE_ID"),
    }

# django-q2 runs every background job (e-mail, reminders, digests, exports) with its ORM broker,
# also when Redis is there: a task is a row written in the transaction that queues it, and a task
# a worker took but never acknowledged (it was killed) is taken again after ``retry`` seconds.
# Redis's broker (BLPOP) has no acknowledgement, so a killed worker lost its work.
Q_CLUSTER = {
    "name": "portal",
    "workers": int(env("Q_WORKERS", "2")),
    "timeout": int(env("Q_TIMEOUT", "120")),  # a task running longer is stopped (and retried)
    "retry": int(env("Q_RETRY", "180")),  # must exceed timeout
    "max_attempts": 5,  # a task that keeps crashing is given up after this, kept as a failure
    "ack_failures": False,  # a task that raised is retried after ``retry`` seconds
    "save_limit": 500,
    "catch_up": False,
    "poll": float(env("Q_POLL", "1")),  # seconds between looks at an empty queue
    "sync": env_bool("Q_SYNC", False),
    "label": _("Background jobs"),
    "orm": "default",
}
# Seconds to wait before each new attempt at an e-mail the mail server refused (then given up).
PORTAL_EMAIL_RETRY_DELAYS = [int(n) for n in env_list("EMAIL_RETRY_DELAYS", "60,300,1800,7200")]
# Retention of finished job data (portal.notifications.jobs.clean_up, daily).
PORTAL_SENT_EMAIL_RETENTION_DAYS = int(env("SENT_EMAIL_RETENTION_DAYS", "30"))
PORTAL_FAILED_JOB_RETENTION_DAYS = int(env("FAILED_JOB_RETENTION_DAYS", "14"))
PORTAL_JOB_RESULT_RETENTION_DAYS = int(env("JOB_RESULT_RETENTION_DAYS", "7"))
# Retention of personal data (portal.privacy.retention.apply_retention, daily).
PORTAL_IP_RETENTION_DAYS = int(env("IP_RETENTION_DAYS", "30"))
PORTAL_NOTIFICATION_RETENTION_DAYS = int(env("NOTIFICATION_RETENTION_DAYS", "365"))

# /readyz answers 503 when the oldest job waiting in the queue is older than this (seconds).
READYZ_MAX_QUEUE_AGE = int(env("READYZ_MAX_QUEUE_AGE", "300"))

# Wagtail's own internal tasks (reference index, search index) run inline.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# --- Auth: allauth with e-mail login, mandatory verification and TOTP ------------------------
AUTH_USER_MODEL = "portal.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "portal:me"
WAGTAILADMIN_LOGIN_URL = "account_login"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
# A signed-in user sent to the login page (e.g. staff without admin access) sees the form
# instead of being bounced back, which would loop.
ACCOUNT_AUTHENTICATED_LOGIN_REDIRECTS = False
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_RATE_LIMITS = {
    # allauth's defaults, written out so operators see and tune them in one place.
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "confirm_email": "1/3m/key",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
    "change_password": "5/m/user",
    "manage_email": "10/m/user",
}
ACCOUNT_ADAPTER = "portal.accounts.AccountAdapter"
ACCOUNT_SIGNUP_FORM_CLASS = "portal.accounts.SignupExtraForm"  # adds the display name
ACCOUNT_EMAIL_SUBJECT_PREFIX = f"[{WAGTAIL_SITE_NAME}] "
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = WAGTAIL_SITE_NAME
# Staff must have TOTP before they reach /admin/ (portal.middleware.AdminSecurityMiddleware).
PORTAL_REQUIRE_STAFF_MFA = env_bool("REQUIRE_STAFF_MFA", True)

# --- E-mail (Django 6.1 mailers) -------------------------------------------------------------
SMTP_BACKEND = "django.core.mail.backends.smtp.EmailBackend"


def mailer(backend):
    """A MAILERS entry; SMTP options only go to the SMTP backend (others reject them)."""
    if backend != SMTP_BACKEND:
        return {"BACKEND": backend}
    return {
        "BACKEND": backend,
        "OPTIONS": {
            "host": env("EMAIL_HOST", "localhost"),
            "port": int(env("EMAIL_PORT", "25")),
            "username": env("EMAIL_HOST_USER"),
            "password": env("EMAIL_HOST_PASSWORD"),
            "use_tls": env_bool("EMAIL_USE_TLS", False),
            "timeout": 20,
        },
    }


MAILERS = {"default": mailer(env("EMAIL_BACKEND", SMTP_BACKEND))}
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "portal@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL

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

# --- Security -------------------------------------------------------------------------------
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Nonce-based policy for the public site. /admin/ gets a relaxed one (see portal.middleware),
# because Wagtail's admin uses inline scripts and styles we do not control.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:", "https:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "frame-src": [
        "https://www.youtube-nocookie.com",
        "https://www.youtube.com",
        "https://player.vimeo.com",
    ],
    "media-src": [CSP.SELF, "https:"],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
PORTAL_ADMIN_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.UNSAFE_INLINE, CSP.UNSAFE_EVAL],
    "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "img-src": [CSP.SELF, "data:", "blob:", "https:"],
    "font-src": [CSP.SELF, "data:"],
    "connect-src": [CSP.SELF],
    "frame-src": [CSP.SELF, "https:"],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.SELF],
}
PERMISSIONS_POLICY = "camera=(self), microphone=(), geolocation=(), payment=(), usb=()"

# --- Logs, error reports, administrators ----------------------------------------------------
# LOG_FORMAT=json writes one JSON object per line (for a log collector); every line carries the
# request id that the response returns in X-Request-ID (portal/request_log.py).
LOG_FORMAT = env("LOG_FORMAT", "plain")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
        "json": {"()": "portal.request_log.JsonFormatter"},
    },
    "filters": {
        "request_id": {"()": "portal.request_log.RequestIdFilter"},
        "require_debug_false": {"()": "django.utils.log.RequireDebugFalse"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "json" if LOG_FORMAT == "json" else "plain",
            "filters": ["request_id"],
        },
        # Server errors to ADMINS; a mail server that is down does not fail the request.
        "mail_admins": {
            "class": "portal.request_log.SafeAdminEmailHandler",
            "level": "ERROR",
            "filters": ["require_debug_false"],
        },
    },
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    "loggers": {
        "django": {"handlers": ["mail_admins"], "level": "INFO"},
        "django.request": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},  # Wagtail's inline index tasks log every run
    },
}

# Server errors (500) are e-mailed to ADMINS by Django's mail_admins handler when DEBUG is off.
# ADMINS="Name <a@example.org>, b@example.org" (a comma-separated list of addresses).
ADMINS = env_list("ADMINS")
MANAGERS = ADMINS

# Error reports to Sentry (or a compatible service) only when SENTRY_DSN is set. No personal data
# is sent (send_default_pii off): no cookies, no user e-mail, no IP address.
SENTRY_DSN = env("SENTRY_DSN")
if SENTRY_DSN:
    import sentry_sdk

    sentry_sdk.init(
        dsn=SENTRY_DSN,
        environment=env("SENTRY_ENVIRONMENT", "production"),
        traces_sample_rate=float(env("SENTRY_TRACES_SAMPLE_RATE", "0")),
        send_default_pii=False,
    )

from .api import *  # noqa: E402, F403 - the read API's settings (portal/settings/api.py)
