"""Logs (plain or JSON, with the request id), error e-mails to ADMINS and Sentry."""

from .environment import env, env_list

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
