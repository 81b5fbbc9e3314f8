"""Proposals: drafting, deadlines, review, decision, timeline and e-mail, end to end."""

import io
import zipfile
from datetime import timedelta

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from partners.models import Proposal
from partners.proposals import services
from portal.models import Notification, ReviewAssignment, TimelineEntry
from portal.reviews.services import save_review
from portal.services import ActionRefused
from tests.conftest import XSS_PAYLOADS, assert_harmless

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def docx_bytes():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def upload(name, content, content_type="application/pdf"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def url(name, *args):
    return reverse(f"partners:{name}", args=args)


def form_data(proposal, **changes):
    data = {
        "title": proposal.title,
        "summary": proposal.summary,
        "problem": proposal.problem,
        "solution": proposal.solution,
        "budget_idr": proposal.budget_idr or "",
        "duration_months": proposal.duration_months or "",
        "requested_support": "",
        "team": "",
    }
    data.update(changes)
    return data


def step(client, proposal, action, comment="", commit=None):
    return client.post(
        url("proposal_step", proposal.pk),
        {"action": action, "comment": comment, "expected_state": proposal.state},
    )


def test_an_editor_starts_a_draft_saves_it_incomplete_and_submits_it(
    client, cast, django_capture_on_commit_callbacks
):
    client.force_login(cast.editor)
    response = client.post(
        url("proposal_start", cast.call.slug),
        {"organisation": cast.organisation.pk, "title": "Floodgate sensors"},
    )
    proposal = Proposal.objects.get(title="Floodgate sensors")
    assert response.url == url("proposal_edit", proposal.pk)
    assert proposal.state == "draft" and proposal.created_by == cast.editor

    # Half-written drafts save fine; submitting them says what is missing.
    response = client.post(
        url("proposal_edit", proposal.pk),
        {"title": "Floodgate sensors", "summary": "Alerts."},
        follow=True,
    )
    assert "Draft saved." in response.content.decode()
    response = client.post(
        url("proposal_edit", proposal.pk),
        {"title": "Floodgate sensors", "summary": "Alerts.", "then": "submit"},
        follow=True,
    )
    text = response.content.decode()
    assert "Fill in these fields before you submit: problem, proposed solution." in text
    proposal.refresh_from_db()
    assert proposal.state == "draft" and proposal.summary == "Alerts."

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            url("proposal_edit", proposal.pk),
            form_data(proposal, problem="Gates clog.", solution="Sensors.", then="submit"),
        )
    proposal.refresh_from_db()
    assert proposal.state == "submitted"
    assert proposal.submitted_at is not None
    recipients = {address for message in mail.outbox for address in message.to}
    assert {cast.owner.email, cast.editor.email, cast.manager.email} <= recipients
    assert cast.member.email not in recipients  # plain members follow in /me/, not by e-mail


def test_a_first_submission_after_the_call_closed_is_refused_and_the_draft_kept(client, cast):
    cast.call.closes_at = timezone.now() - timedelta(minutes=1)
    cast.call.save()
    client.force_login(cast.editor)
    response = client.post(
        url("proposal_edit", cast.proposal.pk),
        form_data(cast.proposal, summary="Improved summary", then="submit"),
        follow=True,
    )
    assert "proposals can no longer be submitted" in response.content.decode()
    cast.proposal.refresh_from_db()
    assert cast.proposal.state == "draft"
    assert cast.proposal.summary == "Improved summary"


def test_a_call_that_closed_takes_no_new_drafts(client, cast):
    cast.call.closes_at = timezone.now() - timedelta(seconds=1)
    cast.call.save()
    client.force_login(cast.editor)
    response = client.post(
        url("proposal_start", cast.call.slug),
        {"organisation": cast.organisation.pk, "title": "Too late"},
    )
    assert "it is not open now" in response.content.decode()
    assert not Proposal.objects.filter(title="Too late").exists()


def test_plain_members_read_but_do_not_edit_or_submit(client, cast):
    client.force_login(cast.member)
    assert client.get(url("proposal", cast.proposal.pk)).status_code == 200
    response = client.get(url("proposal_edit", cast.proposal.pk))
    assert response.status_code == 302
    with pytest.raises(ActionRefused, match="owners and editors"):
        services.take_step(cast.member, cast.proposal, "submit")


def _submit(cast, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.take_step(cast.editor, cast.proposal, "submit")
    cast.proposal.refresh_from_db()


def test_review_changes_resubmission_and_acceptance_are_on_the_timeline_and_e_mailed(
    client, cast, django_capture_on_commit_callbacks
):
    _submit(cast, django_capture_on_commit_callbacks)
    # The program manager assigns a reviewer from another organisation: the review starts.
    client.force_login(cast.manager)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("proposals:decide", args=[cast.proposal.pk]),
            {"assign": "1", "reviewers": cast.reviewer.email},
        )
    assert response.status_code == 302
    cast.proposal.refresh_from_db()
    assert cast.proposal.state == "in_review"
    assignment = ReviewAssignment.objects.for_item(cast.proposal).get()
    assert assignment.reviewer == cast.reviewer
    assert any(cast.reviewer.email in m.to for m in mail.outbox)

    # The reviewer scores it on the call's rubric, with a comment for the applicant.
    scores = {criterion.pk: 4 for criterion in cast.call.rubric.criteria.all()}
    save_review(
        cast.reviewer,
        assignment,
        scores=scores,
        recommendation="changes",
        comment_for_staff="Strong team, thin budget.",
        comment_for_applicant="Please detail the maintenance budget.",
        submit=True,
    )

    # Requesting changes needs a message; with one, the applicant hears about it.
    response = client.post(
        reverse("proposals:decide", args=[cast.proposal.pk]),
        {"action": "request_changes", "comment": "", "expected_state": "in_review"},
        follow=True,
    )
    assert "Please write a message explaining this step." in response.content.decode()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("proposals:decide", args=[cast.proposal.pk]),
            {
                "action": "request_changes",
                "comment": "Add the maintenance budget.",
                "expected_state": "in_review",
            },
        )
    cast.proposal.refresh_from_db()
    assert cast.proposal.state == "changes_requested"
    assert cast.editor.email in {a for m in mail.outbox for a in m.to}

    # The applicant sees the request and the reviewer's shared comment, not the staff comment.
    client.force_login(cast.editor)
    page = client.get(url("proposal", cast.proposal.pk)).content.decode()
    assert "Add the maintenance budget." in page
    assert "Please detail the maintenance budget." in page
    assert "Strong team, thin budget." not in page
    assert cast.reviewer.email not in page  # reviewers stay anonymous to applicants

    # Resubmission is allowed after the deadline: the program manager asked for it.
    cast.call.closes_at = timezone.now() - timedelta(days=1)
    cast.call.save()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            url("proposal_edit", cast.proposal.pk),
            form_data(cast.proposal, requested_support="Rp 50m maintenance.", then="submit"),
        )
    cast.proposal.refresh_from_db()
    assert cast.proposal.state == "submitted"

    client.force_login(cast.manager)
    for action in ("start_review", "accept"):
        with django_capture_on_commit_callbacks(execute=True):
            client.post(
                reverse("proposals:decide", args=[cast.proposal.pk]),
                {"action": action, "expected_state": cast.proposal.state},
            )
        cast.proposal.refresh_from_db()
    assert cast.proposal.state == "accepted"
    steps = list(TimelineEntry.objects.for_object(cast.proposal).values_list("action", flat=True))
    assert steps == [
        "submit",
        "start_review",
        "request_changes",
        "submit",
        "start_review",
        "accept",
    ]
    assert Notification.objects.filter(
        recipient=cast.editor, kind="partners.proposal.accept"
    ).exists()


def test_a_reviewer_from_the_submitting_organisation_is_refused(
    cast, django_capture_on_commit_callbacks
):
    _submit(cast, django_capture_on_commit_callbacks)
    with pytest.raises(ActionRefused, match="belongs to the submitting organisation"):
        services.assign_reviewers(cast.manager, cast.proposal, [cast.member])
    assert not ReviewAssignment.objects.for_item(cast.proposal).exists()
    cast.proposal.refresh_from_db()
    assert cast.proposal.state == "submitted"  # nothing half-done


def test_applicants_withdraw_and_managers_hear_of_it(cast, django_capture_on_commit_callbacks):
    _submit(cast, django_capture_on_commit_callbacks)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.take_step(cast.owner, cast.proposal, "withdraw")
    cast.proposal.refresh_from_db()
    assert cast.proposal.state == "withdrawn"
    assert cast.manager.email in {a for m in mail.outbox for a in m.to}


def test_a_step_on_a_state_nobody_saw_is_refused(client, cast, django_capture_on_commit_callbacks):
    _submit(cast, django_capture_on_commit_callbacks)
    client.force_login(cast.manager)
    response = client.post(
        reverse("proposals:decide", args=[cast.proposal.pk]),
        {"action": "start_review", "expected_state": "draft"},
        follow=True,
    )
    assert "changed by someone else" in response.content.decode()
    cast.proposal.refresh_from_db()
    assert cast.proposal.state == "submitted"


# --- Attachments -------------------------------------------------------------------------


def test_pdf_and_docx_attachments_are_kept_and_served_only_as_downloads(client, cast):
    client.force_login(cast.editor)
    client.post(
        url("proposal_edit", cast.proposal.pk),
        {
            **form_data(cast.proposal),
            "attachments": [upload("plan.pdf", PDF), upload("budget.docx", docx_bytes())],
        },
    )
    names = list(cast.proposal.attachments.values_list("name", "mime_type"))
    assert names[0] == ("plan.pdf", "application/pdf")
    assert names[1][0] == "budget.docx"
    attachment = cast.proposal.attachments.first()
    response = client.get(url("proposal_attachment", cast.proposal.pk, attachment.pk))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    assert b"".join(response.streaming_content) == PDF


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("big.pdf", b"%PDF-1.7\n" + b"0" * (30 * 1024 * 1024), "is 30.0 MB; the limit is 10 MB"),
        (
            "report.pdf",
            b"MZ\x90\x00\x03" + b"\x00" * 500,
            "is not a PDF, DOCX, XLSX, PNG, JPEG file",
        ),
        (
            "setup.exe",
            b"\x7fELF\x02\x01\x01" + b"\x00" * 100,
            "is not a PDF, DOCX, XLSX, PNG, JPEG file",
        ),
        ("fake.docx", b"PK\x03\x04not really a zip", "is not a PDF, DOCX, XLSX, PNG, JPEG file"),
    ],
)
def test_oversized_and_disguised_files_are_refused_and_the_draft_is_kept(
    client, cast, name, content, message
):
    client.force_login(cast.editor)
    response = client.post(
        url("proposal_edit", cast.proposal.pk),
        {
            **form_data(cast.proposal, summary="Kept summary"),
            "attachments": [upload(name, content)],
        },
    )
    text = response.content.decode()
    assert message in text
    assert "Your draft was saved, but some files were refused." in text
    cast.proposal.refresh_from_db()
    assert cast.proposal.summary == "Kept summary"
    assert not cast.proposal.attachments.exists()


def test_at_most_ten_attachments(cast):
    for number in range(10):
        services.add_attachment(cast.editor, cast.proposal, upload(f"{number}.pdf", PDF))
    with pytest.raises(ActionRefused, match="at most 10 attachments"):
        services.add_attachment(cast.editor, cast.proposal, upload("eleventh.pdf", PDF))


def test_stored_file_names_never_come_from_the_uploader(cast):
    attachment = services.add_attachment(
        cast.editor, cast.proposal, upload("../../etc/passwd<script>.pdf", PDF)
    )
    assert "/" not in attachment.file.name.split("proposals/", 1)[1].split("/", 2)[-1]
    assert ".." not in attachment.file.name
    assert attachment.name.endswith(".pdf")


# --- Hostile input -----------------------------------------------------------------------


def test_hostile_text_is_harmless_wherever_a_proposal_is_shown(
    client, cast, django_capture_on_commit_callbacks
):
    payload = "\n".join(XSS_PAYLOADS)
    client.force_login(cast.editor)
    client.post(
        url("proposal_edit", cast.proposal.pk),
        form_data(
            cast.proposal,
            title=XSS_PAYLOADS[0][:200],
            summary=payload[:1000],
            problem=payload,
            solution=payload,
            team=payload,
            then="submit",
        ),
    )
    cast.proposal.refresh_from_db()
    assert cast.proposal.state == "submitted"
    detail = client.get(url("proposal", cast.proposal.pk)).content.decode()
    assert "{{ 7*7 }}" in detail  # template syntax is shown as text
    pages = [detail, client.get(url("proposals")).content.decode()]
    client.force_login(cast.manager)
    services.assign_reviewers(cast.manager, cast.proposal, [cast.reviewer])
    admin_pages = [
        client.get(reverse("proposals:decide", args=[cast.proposal.pk])).content.decode(),
        client.get(reverse("proposals:review_queue")).content.decode(),
    ]
    client.force_login(cast.reviewer)
    assignment = ReviewAssignment.objects.for_item(cast.proposal).get()
    pages.append(client.get(reverse("portal:review", args=[assignment.pk])).content.decode())
    for html in pages:
        main = html.split("<main", 1)[1].split("</main>", 1)[0]
        assert_harmless(main, allowed_tags=("form", "input"))
    for html in admin_pages:  # the admin's own markup has icons and scripts: look for ours
        for hostile in XSS_PAYLOADS:
            assert "<" not in hostile or hostile not in html
