"""Operators see failed e-mails and jobs in the Wagtail admin, with errors, and retry them."""

import re

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_q.models import Failure

from portal.models import OutgoingEmail
from tests.conftest import XSS_PAYLOADS
from tests.factories import ProgramManagerFactory, UserFactory

pytestmark = pytest.mark.django_db


def failed_email(subject="Reset your password", error="SMTPException: mail server down"):
    return OutgoingEmail.objects.create(
        key=f"k{OutgoingEmail.objects.count()}",
        recipients="member@example.org",
        subject=subject,
        payload={
            "subject": subject,
            "body": "link",
            "from_email": None,
            "to": ["member@example.org"],
            "cc": [],
            "bcc": [],
            "reply_to": [],
            "headers": {},
            "alternatives": [],
            "attachments": [],
        },
        attempts=5,
        last_error=error,
        failed_at=timezone.now(),
    )


def test_program_managers_see_failed_e_mails_with_error_and_attempts(client):
    failed_email()
    client.force_login(ProgramManagerFactory())
    html = client.get("/admin/outgoing_emails/?failed_at=").content.decode()
    assert "Reset your password" in html
    assert "mail server down" in html
    assert "Failed" in html


def test_retry_sends_a_failed_e_mail_once(client, django_capture_on_commit_callbacks):
    outgoing = failed_email()
    client.force_login(ProgramManagerFactory())
    assert client.get(f"/admin/outgoing_emails/retry/{outgoing.pk}/").status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/outgoing_emails/retry/{outgoing.pk}/")
    assert response.status_code == 302
    outgoing.refresh_from_db()
    assert outgoing.sent_at is not None and outgoing.failed_at is None
    assert len(mail.outbox) == 1
    client.post(f"/admin/outgoing_emails/retry/{outgoing.pk}/")  # already sent: refused
    assert len(mail.outbox) == 1


def test_staff_without_the_permission_cannot_see_or_retry(client):
    outgoing = failed_email()
    # Staff who may enter the admin but are no program managers (StaffFactory makes one).
    from django.contrib.auth.models import Permission

    editor = UserFactory(is_staff=True)
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    assert client.get("/admin/outgoing_emails/").status_code in (302, 403, 404)
    assert client.post(f"/admin/outgoing_emails/retry/{outgoing.pk}/").status_code in (302, 404)
    outgoing.refresh_from_db()
    assert outgoing.failed_at is not None


def test_failed_jobs_are_listed_and_run_again(client):
    Failure.objects.create(
        id="a" * 32,
        name="hourly-1",
        func="portal.notifications.jobs.sweep_outbox",
        args=(),
        kwargs={},
        started=timezone.now(),
        stopped=timezone.now(),
        success=False,
        result="Traceback ...\nOperationalError: database is locked",
        attempt_count=5,
    )
    client.force_login(ProgramManagerFactory())
    html = client.get("/admin/failed_jobs/").content.decode()
    assert "OperationalError: database is locked" in html and "hourly-1" in html
    assert client.post(f"/admin/failed_jobs/retry/{'a' * 32}/").status_code == 302
    assert not Failure.objects.exists()  # ran again (inline in tests) and succeeded


def test_the_list_is_harmless_and_flat_in_queries(client):
    from tests.conftest import assert_harmless

    client.force_login(ProgramManagerFactory())

    def queries():
        with CaptureQueriesContext(connection) as captured:
            response = client.get("/admin/outgoing_emails/")
        assert response.status_code == 200
        return len(captured), response.content.decode()

    for payload in XSS_PAYLOADS:
        failed_email(subject=payload[:300], error=payload)
    small, html = queries()
    main = html.split("<main")[1].split("</main>")[0]
    assert "&lt;script&gt;" in main or "&lt;img" in main  # shown, as text
    # Wagtail's icons, filter form and scripts are chrome; no handler or script URL gets in.
    # (Wagtail repeats the subject, escaped, in aria-label values: text inside quotes is inert.)
    tags_only = re.sub(r'"[^"]*"', '""', main)
    assert_harmless(
        tags_only, allowed_tags=("svg", "input", "form", "script", "template", "details")
    )
    for number in range(10 * len(XSS_PAYLOADS)):
        failed_email(subject=f"Mail {number}")
    assert queries()[0] == small
