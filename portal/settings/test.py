"""Settings for the test suite (pytest). DATABASE_URL picks SQLite or PostgreSQL."""

from .base import *  # noqa: F403
from .base import Q_CLUSTER

DEBUG = False
SECRET_KEY = "test-only-secret-key"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
Q_CLUSTER = {**Q_CLUSTER, "sync": True}
PORTAL_REQUIRE_STAFF_MFA = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # fast; tests only
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# The full-page cache is off except in the tests that prove it (tests/programs/test_public_cache.py);
# the frame cache is on, as in production (the cache is emptied before every test).
PORTAL_PAGE_CACHE = False
PORTAL_FRAME_CACHE = True
WAGTAILFRONTENDCACHE = {}
SESSION_ENGINE = "django.contrib.sessions.backends.db"
WHITENOISE_USE_FINDERS = True
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "private": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "portal.search.backend"}}
LOGGING = {"version": 1, "disable_existing_loggers": False}
# A small pipeline that exists only to prove the workflow engine (tests/workflow_app).
INSTALLED_APPS = [*INSTALLED_APPS, "tests.workflow_app"]  # noqa: F405

# On PostgreSQL, a test's commits need not wait for the disk: the test database is thrown away
# (transactional and browser tests commit often). Never in a setting a server uses.
if DATABASES["default"]["ENGINE"].endswith("postgresql"):  # noqa: F405
    DATABASES["default"].setdefault("OPTIONS", {})  # noqa: F405
    DATABASES["default"]["OPTIONS"]["options"] = "-c synchronous_commit=off"  # noqa: F405
