"""Local development: `make run`. Never use on a server."""

from .base import *  # noqa: F403
from .base import Q_CLUSTER, SECRET_KEY, STORAGES, VAR_DIR, env, env_bool, mailer

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = SECRET_KEY or "dev-only-insecure-key-never-use-in-production"
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
# E-mails (sign-up verification included) are printed to the console.
MAILERS = {
    "default": mailer(env("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"))
}
# `make run` is one process, so local memory is shared enough for the public cache.
PORTAL_PAGE_CACHE = env_bool("PAGE_CACHE", True)
PORTAL_FRAME_CACHE = env_bool("FRAME_CACHE", PORTAL_PAGE_CACHE)
# Jobs run inline so `make run` needs no worker process.
Q_CLUSTER = {**Q_CLUSTER, "sync": True}
# The demo admin logs straight in; production requires TOTP for staff.
PORTAL_REQUIRE_STAFF_MFA = env_bool("REQUIRE_STAFF_MFA", False)
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# WhiteNoise serves files straight from the app folders in development; it only wants the
# collectstatic folder to exist.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
