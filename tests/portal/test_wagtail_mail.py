"""Wagtail's moderation e-mails go through the outbox: a mail server that is down when a page is
submitted loses nothing, and the editor's request opens no SMTP connection."""

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.test import override_settings
from wagtail.models import GroupApprovalTask, Page, Workflow

from portal.models import OutgoingEmail
from portal.notifications import jobs
from tests.factories import StaffFactory

pytestmark = pytest.mark.django_db

FAILING = {"default": {"BACKEND": "tests.portal.test_outbox.FailingBackend"}}
LOCMEM = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}


@pytest.fixture
def moderated_page():
    # Wagtail's own "Moderators approval" workflow, which its migrations create.
    task = GroupApprovalTask.objects.get(groups__name="Moderators")
    workflow = Workflow.objects.get(workflow_tasks__task=task)
    moderator = StaffFactory(email="moderator@example.org")
    moderator.groups.add(Group.objects.get(name="Moderators"))
    page = Page.objects.get(depth=2, locale__language_code="en").specific
    return workflow, page, moderator


def _submit(workflow, page, capture):
    editor = StaffFactory()
    page.save_revision(user=editor)
    with capture(execute=True):
        workflow.start(page, editor)


def test_a_submitted_page_tells_the_moderators_through_the_outbox(
    moderated_page, django_capture_on_commit_callbacks
):
    workflow, page, moderator = moderated_page
    _submit(workflow, page, django_capture_on_commit_callbacks)
    queued = OutgoingEmail.objects.get(recipients=moderator.email)
    assert queued.sent_at is not None and queued.payload == {}
    [sent] = [m for m in mail.outbox if m.to == [moderator.email]]
    assert sent.extra_headers["Auto-Submitted"] == "auto-generated"
    assert page.title in sent.subject


@override_settings(MAILERS=FAILING)
def test_a_mail_server_that_is_down_loses_no_moderation_e_mail(
    moderated_page, django_capture_on_commit_callbacks
):
    workflow, page, moderator = moderated_page
    _submit(workflow, page, django_capture_on_commit_callbacks)  # no error for the editor
    waiting = OutgoingEmail.objects.get(recipients=moderator.email)
    assert waiting.sent_at is None and waiting.attempts == 1
    assert "mail server down" in waiting.last_error and waiting.payload
    # The server is back: the operator's Retry (or the next scheduled attempt) sends it.
    with override_settings(MAILERS=LOCMEM), django_capture_on_commit_callbacks(execute=True):
        assert jobs.retry_email(waiting)
    waiting.refresh_from_db()
    assert waiting.sent_at is not None
    assert [m.to for m in mail.outbox] == [[moderator.email]]
