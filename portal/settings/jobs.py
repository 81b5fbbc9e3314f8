"""Background jobs (django-q2), e-mail, the retention of job data and personal data, and the
readiness probe's queue limit (docs/notifications.md)."""

from django.utils.translation import gettext_lazy as _

from .environment import env, env_bool, env_list

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
# A given-up e-mail's text (a reset or confirmation link) only as long as such links work (3 days,
# Django's PASSWORD_RESET_TIMEOUT and allauth's confirmation expiry); then it cannot be retried.
PORTAL_FAILED_EMAIL_MESSAGE_RETENTION_DAYS = int(env("FAILED_EMAIL_MESSAGE_RETENTION_DAYS", "3"))
PORTAL_JOB_RESULT_RETENTION_DAYS = int(env("JOB_RESULT_RETENTION_DAYS", "7"))
# Retention of personal data (portal.privacy.retention.apply_retention, daily).
PORTAL_IP_RETENTION_DAYS = int(env("IP_RETENTION_DAYS", "30"))
PORTAL_NOTIFICATION_RETENTION_DAYS = int(env("NOTIFICATION_RETENTION_DAYS", "365"))

# /readyz answers 503 when the oldest job waiting in the queue is older than this (seconds).
READYZ_MAX_QUEUE_AGE = int(env("READYZ_MAX_QUEUE_AGE", "300"))

# Wagtail's own internal tasks (reference index, search index) run inline.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

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
