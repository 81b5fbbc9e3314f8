"""Durable e-mail: the outbox row and its django-q2 task are written in the transaction that
causes them; a task a crashed worker took is delivered again, and an e-mail is sent once."""

from datetime import timedelta
from multiprocessing import Event, Queue, Value
from smtplib import SMTPException

import pytest
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction
from django.utils import timezone
from django_q.brokers import get_broker
from django_q.conf import Conf
from django_q.models import OrmQ, Schedule, Task
from django_q.monitor import monitor
from django_q.pusher import pusher
from django_q.worker import worker

from portal.models import OutgoingEmail
from portal.notifications import email as outbox
from portal.notifications import jobs
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


class FailingBackend(BaseEmailBackend):
    def send_messages(self, messages):
        raise SMTPException("mail server down")


class Rollback(Exception):
    pass


@pytest.fixture
def queued(monkeypatch):
    """Queue as production does (a worker, not inline); the worker below runs in this process."""

    def enqueue(*args, **kwargs):
        with monkeypatch.context() as context:
            context.setattr(Conf, "SYNC", False)
            return outbox.enqueue_email(*args, **kwargs)

    return enqueue


def run_worker():
    """One pass of django-q2's own pusher, worker and monitor: take due tasks, run, acknowledge."""
    broker = get_broker()
    tasks, results, done = Queue(), Queue(), Event()
    done.set()  # one look at the queue
    pusher(tasks, done, broker=broker)
    tasks.put("STOP")
    worker(tasks, results, Value("f", -1))
    results.put("STOP")
    monitor(results, broker=broker)


def reset_link_message(to="member@example.org"):
    return mail.EmailMessage("Reset", "https://portal.example/reset/secret-key/", to=[to])


def test_the_e_mail_and_its_task_are_rolled_back_with_the_change(queued):
    with pytest.raises(Rollback), transaction.atomic():
        UserFactory(email="member@example.org")
        queued(reset_link_message())
        assert OutgoingEmail.objects.count() == 1
        assert OrmQ.objects.count() == 1  # the task is a row in the same transaction
        raise Rollback
    assert not OutgoingEmail.objects.exists()
    assert not OrmQ.objects.exists()
    run_worker()
    assert mail.outbox == []


def test_a_task_taken_by_a_worker_that_died_is_delivered_again_once(queued):
    outgoing = queued(reset_link_message())
    assert get_broker().dequeue()  # a worker takes it and is killed: no acknowledgement
    run_worker()
    assert mail.outbox == []  # still locked by the dead worker
    OrmQ.objects.update(lock=timezone.now() - timedelta(seconds=1))  # Q_CLUSTER["retry"] passes
    run_worker()
    assert [m.to for m in mail.outbox] == [["member@example.org"]]
    assert not OrmQ.objects.exists()  # acknowledged
    outgoing.refresh_from_db()
    assert outgoing.sent_at is not None and outgoing.attempts == 1
    assert outgoing.payload == {}  # the reset link is not kept once sent
    assert "secret-key" not in str(list(Task.objects.values_list("args", "result")))


def test_a_worker_that_died_after_sending_does_not_send_twice(queued):
    outgoing = queued(reset_link_message())
    assert get_broker().dequeue()
    assert outbox.deliver_email(outgoing.pk) == "sent"  # sent, then killed before acknowledging
    OrmQ.objects.update(lock=timezone.now() - timedelta(seconds=1))
    run_worker()
    assert len(mail.outbox) == 1
    assert not OrmQ.objects.exists()
    assert Task.objects.get().result == "already sent"


def test_the_same_e_mail_queued_twice_is_sent_once(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        first = outbox.enqueue_email(reset_link_message(), key="reset:1")
        again = outbox.enqueue_email(reset_link_message(), key="reset:1")
    assert first.pk == again.pk
    assert len(mail.outbox) == 1
    assert outbox.deliver_email(first.pk) == "already sent"
    assert len(mail.outbox) == 1
    assert mail.outbox[0].extra_headers["Message-ID"].startswith("<reset:1@")


def test_a_failed_e_mail_waits_retries_later_then_is_given_up(settings, queued):
    settings.MAILERS = {"default": {"BACKEND": f"{__name__}.FailingBackend"}}
    outgoing = queued(reset_link_message())
    run_worker()
    outgoing.refresh_from_db()
    assert outgoing.attempts == 1 and "mail server down" in outgoing.last_error
    assert outgoing.next_attempt_at > timezone.now() + timedelta(seconds=50)
    retry = OrmQ.objects.get()  # the next attempt is a task that may not run before its time
    assert retry.lock == outgoing.next_attempt_at
    run_worker()
    assert OutgoingEmail.objects.get().attempts == 1  # not due yet
    for _attempt in range(outbox.MAX_ATTEMPTS - 1):
        OrmQ.objects.update(lock=timezone.now() - timedelta(seconds=1))
        OutgoingEmail.objects.update(next_attempt_at=timezone.now())
        run_worker()
    outgoing.refresh_from_db()
    assert outgoing.attempts == outbox.MAX_ATTEMPTS and outgoing.failed_at is not None
    assert not OrmQ.objects.exists()  # no attempt after the last
    assert not Schedule.objects.filter(func__startswith="portal.notifications.email").exists()

    settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
    with pytest.MonkeyPatch.context() as context:
        context.setattr(Conf, "SYNC", False)
        assert jobs.retry_email(outgoing)
    run_worker()
    outgoing.refresh_from_db()
    assert outgoing.sent_at is not None and len(mail.outbox) == 1


def test_a_malformed_message_is_given_up_at_once(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        outgoing = outbox.enqueue_email(mail.EmailMessage("Two\nlines", "Body", to=["a@b.org"]))
    outgoing.refresh_from_db()
    assert outgoing.failed_at is not None and outgoing.attempts == 1
    assert mail.outbox == []


def test_the_sweep_queues_e_mails_the_broker_lost(queued):
    outgoing = queued(reset_link_message())
    OrmQ.objects.all().delete()  # an operator emptied the queue
    assert jobs.sweep_outbox() == 0  # not late yet
    later = timezone.now() + timedelta(seconds=Conf.RETRY + Conf.TIMEOUT + 1)
    with pytest.MonkeyPatch.context() as context:
        context.setattr(Conf, "SYNC", False)
        assert jobs.sweep_outbox(now=later) == 1
    run_worker()
    outgoing.refresh_from_db()
    assert outgoing.sent_at is not None


def test_clean_up_deletes_finished_leftovers_and_keeps_waiting_work(queued):
    old = timezone.now() - timedelta(days=60)
    waiting = queued(reset_link_message())
    OutgoingEmail.objects.create(key="sent", recipients="a@b.org", subject="S", sent_at=old)
    OutgoingEmail.objects.create(
        key="failed", recipients="a@b.org", subject="S", failed_at=old, payload={"body": "link"}
    )
    finished = Schedule.objects.create(
        func=outbox.JOB_PATH, args="({'body': 'secret link'}, 2)", schedule_type="O", repeats=0
    )
    pending = Schedule.objects.create(func=outbox.JOB_PATH, schedule_type="O", repeats=1)
    # Given up four days ago: its reset link has expired, so its text goes and the row stays.
    expired, recent = (
        OutgoingEmail.objects.create(
            key=f"reset-{days}",
            recipients="a@b.org",
            subject="Reset",
            failed_at=timezone.now() - timedelta(days=days),
            payload={"body": f"https://portal.example/reset/{days}"},
        )
        for days in (4, 1)
    )
    counts = jobs.clean_up()
    assert counts["sent e-mails"] == 1 and counts["failed e-mails"] == 1
    assert counts["failed e-mail messages"] == 1
    kept = set(OutgoingEmail.objects.values_list("pk", flat=True))
    assert kept == {waiting.pk, expired.pk, recent.pk}
    expired.refresh_from_db()
    assert expired.payload == {} and expired.last_error == "" and expired.subject == "Reset"
    assert not jobs.retry_email(expired)  # nothing left to send
    assert OutgoingEmail.objects.get(pk=recent.pk).payload  # may still be retried
    assert not Schedule.objects.filter(pk=finished.pk).exists()
    assert Schedule.objects.filter(pk=pending.pk).exists()
    # The migration schedules the sweep and the clean-up.
    assert Schedule.objects.filter(func="portal.notifications.jobs.clean_up").exists()
    assert Schedule.objects.filter(func="portal.notifications.jobs.sweep_outbox").exists()


def test_a_retry_scheduled_by_the_previous_release_still_sends_once():
    payload = outbox.message_to_payload(reset_link_message())
    assert outbox.send_email_job(payload, 2) == "sent"
    assert len(mail.outbox) == 1
    assert OutgoingEmail.objects.get().payload == {}
