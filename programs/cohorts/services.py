"""Every write about cohort applications: atomic, permission-checked, logged.

State changes go through the workflow engine (``take_step``); this module adds what the engine
does not know: drafting, answers, attachments, reviewer assignment, cohort membership on
acceptance, and offering a freed seat to the first one waiting.
"""

import logging

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from portal.services import ActionRefused, require, retry_when_locked
from portal.uploads import DOCUMENT_TYPES, check_upload
from portal.workflow import apply_transition
from programs.models import (
    Cohort,
    CohortApplication,
    CohortApplicationAttachment,
    CohortMember,
)
from programs.models.cohort_applications import MAX_ATTACHMENTS

from . import permissions

logger = logging.getLogger(__name__)

TEXT_FIELDS = ("pitch", "problem", "solution", "team", "needs")
MAX_ANSWER_LENGTH = 2000


def _clean_text(value):
    # Plain text: templates escape it. Drop NULs and other control characters but line breaks.
    return "".join(ch for ch in (value or "") if ch in "\n\t" or ord(ch) >= 32).strip()


def clean_answers(cohort, answers):
    """Answers to the cohort's questions as plain text; required ones are checked on submit."""
    cleaned = {}
    for block in cohort.questions:
        question = block.value["question"]
        value = " ".join(strip_tags(str((answers or {}).get(question, ""))).split())
        choices = [c.strip() for c in (block.value["choices"] or "").splitlines() if c.strip()]
        if value and choices and value not in choices:
            raise ActionRefused(
                _("Please choose one of the answers offered."), errors={question: ""}
            )
        cleaned[question] = _clean_text(value)[:MAX_ANSWER_LENGTH]
    return cleaned


def _apply(application, data):
    for name in TEXT_FIELDS:
        if name in data:
            setattr(application, name, _clean_text(data[name]))
    if "answers" in data:
        application.answers = clean_answers(application.cohort, data["answers"])


def _check_co_authors(application, co_authors):
    member_ids = set(application.organisation.memberships.values_list("user_id", flat=True))
    if any(user.pk not in member_ids for user in co_authors):
        raise ActionRefused(
            _("Co-authors must be members of %(organisation)s.")
            % {"organisation": application.organisation.name}
        )


@transaction.atomic
def start_application(user, cohort: Cohort, organisation, data=None) -> CohortApplication:
    """A new draft for ``organisation``; drafts may be incomplete."""
    require(permissions.can_start_application(user, organisation, cohort))
    if (
        CohortApplication.objects.filter(cohort=cohort, organisation=organisation)
        .exclude(state="withdrawn")
        .exists()
    ):
        raise ActionRefused(
            _("%(organisation)s has already applied for this cohort.")
            % {"organisation": organisation.name}
        )
    application = CohortApplication(cohort=cohort, organisation=organisation, created_by=user)
    _apply(application, data or {})
    application.save()
    logger.info("Cohort application %s drafted by %s", application.pk, user.pk)
    return application


@transaction.atomic
def save_draft(user, application: CohortApplication, data: dict) -> CohortApplication:
    application = CohortApplication.objects.select_for_update().get(pk=application.pk)
    require(permissions.can_edit_application(user, application))
    if "co_authors" in data:
        _check_co_authors(application, data["co_authors"])
    _apply(application, data)
    application.save()
    if "co_authors" in data:
        application.co_authors.set(data["co_authors"])
    logger.info("Cohort application %s saved by %s", application.pk, user.pk)
    return application


@transaction.atomic
def add_attachment(user, application: CohortApplication, uploaded):
    """Attach a file after checking its real type and size (portal/uploads.py)."""
    application = CohortApplication.objects.select_for_update().get(pk=application.pk)
    require(permissions.can_edit_application(user, application))
    if application.attachments.count() >= MAX_ATTACHMENTS:
        raise ActionRefused(
            _("An application can have at most %(count)s attachments; remove one first.")
            % {"count": MAX_ATTACHMENTS}
        )
    try:
        kind = check_upload(uploaded, allowed=DOCUMENT_TYPES)
    except ValidationError as error:
        raise ActionRefused(" ".join(error.messages)) from error
    base = (uploaded.name or "attachment").rsplit("/", 1)[-1].rsplit(".", 1)[0]
    attachment = CohortApplicationAttachment(
        application=application,
        name=f"{_clean_text(base)[:150] or 'attachment'}.{kind.extension}",
        mime_type=kind.mime,
        size=uploaded.size,
        uploaded_by=user,
    )
    # The stored name is ours: nothing the uploader typed reaches the file system.
    attachment.file.save(f"{application.pk}.{kind.extension}", uploaded, save=False)
    attachment.save()
    return attachment


@transaction.atomic
def remove_attachment(user, attachment) -> None:
    require(permissions.can_edit_application(user, attachment.application))
    attachment.file.delete(save=False)
    attachment.delete()


@retry_when_locked
@transaction.atomic
def take_step(user, application, name, *, comment="", date=None, expected_state=None):
    """Move the application through the engine; acceptance makes it a cohort member and a
    withdrawn acceptance offers the seat to the first one waiting."""
    # The cohort row is the seat counter's lock: decisions on one cohort queue up.
    Cohort.objects.select_for_update().get(pk=application.cohort_id)
    entry = apply_transition(
        application, name, user, comment=comment, date=date, expected_state=expected_state
    )
    if entry.from_state == "draft" and entry.to_state == "submitted":
        CohortApplication.objects.filter(pk=application.pk).update(submitted_at=timezone.now())
    if entry.to_state == "accepted":
        CohortMember.objects.get_or_create(
            cohort_id=application.cohort_id,
            organisation_id=application.organisation_id,
            defaults={"application": application},
        )
    if entry.to_state == "withdrawn" and entry.from_state == "accepted":
        CohortMember.objects.filter(application=application).delete()
        offer_freed_seat(application.cohort)
    return entry


def offer_freed_seat(cohort):
    """The first waitlisted application (earliest submission) gets the freed place."""
    waiting = (
        CohortApplication.objects.filter(cohort=cohort, state="waitlisted")
        .order_by("submitted_at", "pk")
        .first()
    )
    if waiting is None or cohort.seats_taken() >= cohort.capacity:
        return None
    entry = apply_transition(
        waiting, "offer_seat", None, comment=_("A place became free and is offered to you.")
    )
    CohortMember.objects.get_or_create(
        cohort=cohort, organisation_id=waiting.organisation_id, defaults={"application": waiting}
    )
    return entry


@transaction.atomic
def assign_reviewers(actor, application, reviewers) -> list:
    """Assign reviewers on the cohort's rubric; a submitted application moves into review."""
    from portal.reviews.services import ReviewRefused, assign_reviewer

    require(permissions.can_decide_application(actor, application))
    rubric = application.cohort.rubric
    if rubric is None:
        raise ActionRefused(
            _("Choose a selection rubric for the cohort before assigning reviewers.")
        )
    if application.state not in ("submitted", "in_review", "shortlisted", "interview"):
        raise ActionRefused(_("Reviewers are assigned once an application is submitted."))
    assignments = []
    for reviewer in reviewers:
        try:
            assignments.append(assign_reviewer(actor, application, reviewer, rubric))
        except ReviewRefused as error:
            raise ActionRefused(f"{reviewer}: {error}") from error
    if application.state == "submitted":
        take_step(actor, application, "start_review")
    return assignments


@transaction.atomic
def auto_assign(actor, cohort, reviewers, per_item=3):
    """Top every submitted application up to ``per_item`` reviewers (conflicts excluded)."""
    from portal.reviews.services import auto_assign as assign_all

    require(permissions.can_decide_application(actor))
    if cohort.rubric is None:
        raise ActionRefused(
            _("Choose a selection rubric for the cohort before assigning reviewers.")
        )
    items = list(cohort.applications.filter(state__in=("submitted", "in_review")))
    result = assign_all(actor, items, reviewers, cohort.rubric, per_item=per_item)
    for application in items:
        if application.state == "submitted":
            take_step(actor, application, "start_review")
    return result
