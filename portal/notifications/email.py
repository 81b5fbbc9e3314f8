"""Sending e-mail as background jobs.

Every e-mail the portal sends (allauth's included) goes through ``enqueue_email``: the message
is turned into plain data, queued with django-q2 once the surrounding transaction commits, and
sent by ``send_email_job``, which re-schedules itself with a growing delay when the mail server
fails, up to ``MAX_ATTEMPTS``; the last failure stays in django-q2's failure list for operators.
"""

import logging
from datetime import timedelta

from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.utils import timezone
from django_q.models import Schedule
from django_q.tasks import async_task

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 5
RETRY_DELAYS = [
    timedelta(minutes=1),
    timedelta(minutes=5),
    timedelta(minutes=30),
    timedelta(hours=2),
]
JOB_PATH = "portal.notifications.email.send_email_job"


def message_to_payload(message):
    """Plain, picklable data for an EmailMessage (jobs must not carry live objects)."""
    return {
        "subject": str(message.subject),
        "body": str(message.body),
        "from_email": message.from_email,
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
        "headers": dict(message.extra_headers),
        "alternatives": [
            (str(content), mimetype) for content, mimetype in getattr(message, "alternatives", [])
        ],
        "attachments": [
            (name, content, mimetype)
            for name, content, mimetype in (
                a if isinstance(a, tuple) else (a.filename, a.content, a.mimetype)
                for a in message.attachments
            )
        ],
    }


def payload_to_message(payload):
    message = EmailMultiAlternatives(
        subject=payload["subject"],
        body=payload["body"],
        from_email=payload["from_email"],
        to=payload["to"],
        cc=payload["cc"],
        bcc=payload["bcc"],
        reply_to=payload["reply_to"],
        headers=payload["headers"],
    )
    for content, mimetype in payload["alternatives"]:
        message.attach_alternative(content, mimetype)
    for name, content, mimetype in payload["attachments"]:
        message.attach(name, content, mimetype)
    return message


def enqueue_email(message):
    """Queue ``message`` for sending after the current transaction commits."""
    payload = message_to_payload(message)
    transaction.on_commit(
        lambda: async_task(JOB_PATH, payload, 1, task_name=f"email:{payload['subject'][:60]}")
    )


def send_email_job(payload, attempt=1):
    """Send one e-mail; on failure schedule the next attempt, or give up loudly after the last."""
    try:
        payload_to_message(payload).send(fail_silently=False)  # the default mailer
    except ValueError:
        # A malformed message (a line break in a header, say) fails the same way every time.
        logger.exception("E-mail to %s cannot be sent; not retrying", payload["to"])
        raise
    except Exception:
        if attempt >= MAX_ATTEMPTS:
            logger.exception("E-mail to %s failed %s times; giving up", payload["to"], attempt)
            raise
        delay = RETRY_DELAYS[min(attempt - 1, len(RETRY_DELAYS) - 1)]
        logger.warning(
            "E-mail to %s failed (attempt %s); retrying in %s", payload["to"], attempt, delay
        )
        Schedule.objects.create(
            func=JOB_PATH,
            args=repr((payload, attempt + 1)),
            schedule_type=Schedule.ONCE,
            repeats=1,
            next_run=timezone.now() + delay,
            name=f"email retry {attempt + 1}: {payload['subject'][:40]} {timezone.now().timestamp()}",
        )
        return "retry scheduled"
    return "sent"
