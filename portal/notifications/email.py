"""Sending e-mail durably: a transactional outbox delivered by django-q2 (ORM broker).

Every e-mail the portal sends (allauth's included) goes through ``enqueue_email``. It writes an
``OutgoingEmail`` row and its django-q2 task in the caller's transaction: both are committed, or
rolled back, with the change that causes the e-mail. ``deliver_email`` (run by a worker) sends it
at least once and, in the normal case, only once; docs/notifications.md explains why.
"""

import base64
import logging
import uuid
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.utils import timezone
from django_q.brokers.orm import ORM
from django_q.conf import Conf
from django_q.tasks import async_task

from portal.models import OutgoingEmail

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 5
# Waits before the 2nd, 3rd, ... attempt: 1 min, 5 min, 30 min, 2 h (EMAIL_RETRY_DELAYS, seconds).
RETRY_DELAYS = [timedelta(seconds=seconds) for seconds in settings.PORTAL_EMAIL_RETRY_DELAYS]
DELIVER_PATH = "portal.notifications.email.deliver_email"
JOB_PATH = "portal.notifications.email.send_email_job"  # before the outbox; see send_email_job


def message_to_payload(message):
    """Plain, JSON-ready data for an EmailMessage (jobs must not carry live objects)."""
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
            _attachment(name, content, mimetype)
            for name, content, mimetype in (
                a if isinstance(a, tuple) else (a.filename, a.content, a.mimetype)
                for a in message.attachments
            )
        ],
    }


def _attachment(name, content, mimetype):
    if isinstance(content, bytes):  # JSON holds text: binary content travels as base64
        return (name, {"base64": base64.b64encode(content).decode()}, mimetype)
    return (name, content, mimetype)


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
        if isinstance(content, dict):
            content = base64.b64decode(content["base64"])
        message.attach(name, content, mimetype)
    return message


class _OrmBroker(ORM):
    """django-q2's ORM broker, writing in the caller's transaction, optionally not before ``at``.

    A queued task is an ``OrmQ`` row whose ``lock`` is the time it may be taken; a worker that
    takes it moves ``lock`` ``Q_CLUSTER["retry"]`` seconds ahead and deletes the row only when
    the task is done, so a task whose worker died is taken again.
    """

    def __init__(self, at=None):
        super().__init__(list_key=Conf.CLUSTER_NAME)
        self.at = at

    def enqueue(self, task):
        lock = self.at or timezone.now()
        return self.get_connection().create(key=self.list_key, payload=task, lock=lock).pk


def queue_delivery(outgoing, at=None):
    """Queue the task that delivers ``outgoing``, in the current transaction.

    With ``Q_CLUSTER["sync"]`` (tests, ``make run``) there is no worker: the task runs inline once
    the transaction commits, as a worker would only see it then. The write it belongs to has
    committed by then, so a failed delivery must not fail the caller (``robust``): it is logged,
    and the row stays in the outbox for the sweep.
    """
    pk = outgoing.pk
    if at is None and Conf.SYNC:
        transaction.on_commit(
            lambda: async_task(DELIVER_PATH, pk, task_name=f"email:{pk}"), robust=True
        )
        return
    async_task(DELIVER_PATH, pk, task_name=f"email:{pk}", sync=False, broker=_OrmBroker(at))


def _message_id(key):
    domain = (settings.DEFAULT_FROM_EMAIL.rpartition("@")[2] or "localhost").strip("<> ")
    return f"<{key}@{domain}>"


@transaction.atomic
def enqueue_email(message, *, key=None):
    """Record ``message`` in the outbox and queue its delivery, in the current transaction.

    ``key`` names the e-mail (``"notification:42"``); an e-mail whose key is already in the
    outbox is not queued again. Returns the ``OutgoingEmail``.
    """
    key = key or uuid.uuid4().hex
    existing = OutgoingEmail.objects.filter(key=key).first()
    if existing is not None:
        logger.info("E-mail %s is already queued; not queuing it twice", key)
        return existing
    payload = message_to_payload(message)
    # The same Message-ID on every attempt lets mail clients fold a rare duplicate into one.
    payload["headers"].setdefault("Message-ID", _message_id(key))
    outgoing = OutgoingEmail.objects.create(
        key=key,
        recipients=", ".join(payload["to"] + payload["cc"] + payload["bcc"])[:500],
        subject=payload["subject"][:300],
        payload=payload,
        next_attempt_at=timezone.now(),
    )
    queue_delivery(outgoing)
    return outgoing


def deliver_email(outgoing_id):
    """Send one outbox e-mail (the django-q2 task). Safe to run twice: it sends once.

    The row stays locked while the mail server is talked to, and ``sent_at`` is committed in that
    same transaction: a second delivery of the same e-mail waits for the first and then finds it
    sent. A worker killed mid-send rolls back (the row is unsent again) and its unacknowledged
    task is taken again after ``Q_CLUSTER["retry"]`` seconds.
    """
    with transaction.atomic():
        outgoing = OutgoingEmail.objects.select_for_update().filter(pk=outgoing_id).first()
        if outgoing is None:
            return "gone"
        if outgoing.sent_at is not None:
            logger.info("E-mail %s was already sent; not sending it twice", outgoing.key)
            return "already sent"
        if outgoing.failed_at is not None:
            return "given up"
        now = timezone.now()
        if outgoing.next_attempt_at and outgoing.next_attempt_at > now + timedelta(seconds=5):
            return "not due"  # an early duplicate; the task queued for the due time sends it
        outgoing.attempts += 1
        try:
            payload_to_message(outgoing.payload).send(fail_silently=False)  # the default mailer
        except Exception as error:
            return _failed(outgoing, error, permanent=isinstance(error, ValueError))
        outgoing.sent_at = timezone.now()
        outgoing.payload = {}  # reset links and the like are not kept once sent
        outgoing.last_error = ""
        outgoing.next_attempt_at = None
        outgoing.save()
    logger.info("E-mail %s sent (attempt %s)", outgoing.key, outgoing.attempts)
    return "sent"


def _failed(outgoing, error, *, permanent):
    outgoing.last_error = f"{type(error).__name__}: {error}"[:2000]
    if permanent or outgoing.attempts >= MAX_ATTEMPTS:
        # A malformed message (a line break in a header, say) fails the same way every time.
        outgoing.failed_at = timezone.now()
        outgoing.next_attempt_at = None
        outgoing.save()
        logger.error(
            "E-mail %s failed %s times; giving up: %s",
            outgoing.key,
            outgoing.attempts,
            outgoing.last_error,
        )
        return "given up"
    delay = RETRY_DELAYS[min(outgoing.attempts - 1, len(RETRY_DELAYS) - 1)]
    outgoing.next_attempt_at = timezone.now() + delay
    outgoing.save()
    queue_delivery(outgoing, at=outgoing.next_attempt_at)
    logger.warning(
        "E-mail %s failed (attempt %s); retrying in %s: %s",
        outgoing.key,
        outgoing.attempts,
        delay,
        outgoing.last_error,
    )
    return "retry scheduled"


def send_email_job(payload, attempt=1):
    """The task queued before the outbox existed: moves its e-mail into the outbox and sends it.

    Kept so retries scheduled by an older release still run after an upgrade.
    """
    outgoing = enqueue_email(payload_to_message(payload))
    return deliver_email(outgoing.pk)
