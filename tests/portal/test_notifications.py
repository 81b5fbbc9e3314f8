"""Notifications: in-app list at /me/notifications/ and e-mails through django-q2 with retries."""

from smtplib import SMTPException

import pytest
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django_q.models import Schedule

from portal.models import Notification
from portal.notifications import email as email_jobs
from portal.notifications.services import mark_read, notify
from tests.conftest import XSS_PAYLOADS, page_queries
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


class FailingBackend(BaseEmailBackend):
    def send_messages(self, messages):
        raise SMTPException("mail server down")


def test_notify_writes_in_each_recipient_language(django_capture_on_commit_callbacks):
    from django.utils.translation import gettext_lazy as _

    english, indonesian = UserFactory(), UserFactory(preferred_language="id")
    with django_capture_on_commit_callbacks(execute=True):
        notify([english, indonesian, english], title=_("Search"), url="/en/me/")
    assert Notification.objects.count() == 2  # duplicates skipped
    assert Notification.objects.get(recipient=english).title == "Search"
    assert Notification.objects.get(recipient=indonesian).title == "Cari"
    by_recipient = {m.to[0]: m for m in mail.outbox}
    assert "Hello" in by_recipient[english.email].body
    assert "Halo" in by_recipient[indonesian.email].body
    assert "http://127.0.0.1:8000/en/me/" in by_recipient[english.email].body
    html = by_recipient[indonesian.email].alternatives[0].content
    assert '<html lang="id">' in html


def test_inactive_members_are_not_notified(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        notify([UserFactory(is_active=False)], title="Hello")
    assert not Notification.objects.exists()
    assert mail.outbox == []


def test_a_failed_e_mail_is_retried_later_then_given_up(settings):
    settings.MAILERS = {"default": {"BACKEND": f"{__name__}.FailingBackend"}}
    payload = email_jobs.message_to_payload(
        mail.EmailMessage("Subject", "Body", to=["a@example.org"])
    )
    assert email_jobs.send_email_job(payload, 1) == "retry scheduled"
    # Apps schedule their own recurring jobs in migrations (events: hourly reminders).
    retries = Schedule.objects.filter(func=email_jobs.JOB_PATH)
    retry = retries.get()
    assert retry.schedule_type == Schedule.ONCE
    with pytest.raises(SMTPException):
        email_jobs.send_email_job(payload, email_jobs.MAX_ATTEMPTS)
    assert retries.count() == 1  # no retry after the last attempt


def test_an_e_mail_payload_survives_the_queue_with_attachments():
    message = mail.EmailMultiAlternatives("S", "Body", to=["a@example.org"], cc=["c@example.org"])
    message.attach_alternative("<p>Body</p>", "text/html")
    message.attach("event.ics", "BEGIN:VCALENDAR", "text/calendar")
    assert email_jobs.send_email_job(email_jobs.message_to_payload(message)) == "sent"
    sent = mail.outbox[0]
    assert sent.cc == ["c@example.org"]
    assert sent.alternatives[0].mimetype == "text/html"
    assert sent.attachments[0].filename == "event.ics"


def test_notification_list_is_private(client):
    assert "/accounts/login/" in client.get("/en/me/notifications/").url


def test_members_see_only_their_own_and_cannot_touch_others(client):
    mine, theirs = UserFactory(), UserFactory()
    notify([mine], title="Your proposal was accepted", email=False)
    other = notify([theirs], title="Secret for someone else", email=False)[0]
    client.force_login(mine)
    html = client.get("/en/me/notifications/").content.decode()
    assert "Your proposal was accepted" in html and "Secret" not in html
    assert client.post(f"/en/me/notifications/{other.pk}/read/").status_code == 404
    other.refresh_from_db()
    assert other.read_at is None
    assert client.get(f"/en/me/notifications/{other.pk}/read/").status_code == 405


def test_reading_and_marking_all_as_read(client):
    member = UserFactory()
    first = notify([member], title="One", url="/en/", email=False)[0]
    notify([member], title="Two", email=False)
    client.force_login(member)
    assert "1 unread" not in client.get("/en/me/").content.decode()
    assert client.post(f"/en/me/notifications/{first.pk}/read/").url == "/en/"
    first.refresh_from_db()
    assert first.read_at is not None
    assert "1 unread" in client.get("/en/me/").content.decode()
    client.post("/en/me/notifications/read/")
    assert mark_read(member) == 0


def test_list_is_paginated_with_a_constant_query_count(client):
    member = UserFactory()
    client.force_login(member)

    def queries():
        return page_queries(client, "/en/me/notifications/")

    for number in range(5):
        notify([member], title=f"Note {number}", email=False)
    small = queries()
    for number in range(5, 50):
        notify([member], title=f"Note {number}", email=False)
    assert queries() == small
    assert "Page 3 of 3" in client.get("/en/me/notifications/?page=3").content.decode()


def test_hostile_titles_are_shown_as_text(client):
    from tests.conftest import assert_harmless

    member = UserFactory()
    for payload in XSS_PAYLOADS:
        notify([member], title=payload, body=payload, email=False)
    client.force_login(member)
    html = client.get("/en/me/notifications/").content.decode()
    assert_harmless(
        html.split('<main id="main"')[1].split("</main>")[0], allowed_tags=("form", "input")
    )
