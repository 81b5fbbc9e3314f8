"""Every write about proposals: atomic, permission-checked, logged.

State changes go through the workflow engine (``take_step``); this module adds what the engine
does not know: drafting, attachments and reviewer assignment.
"""

import logging

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from partners import permissions
from partners.models import Call, Organisation, Proposal, ProposalAttachment
from partners.models.proposals import MAX_ATTACHMENTS
from portal.services import ActionRefused, require
from portal.uploads import DOCUMENT_TYPES, check_upload
from portal.workflow import apply_transition

logger = logging.getLogger(__name__)

TEXT_FIELDS = ("title", "summary", "problem", "solution", "requested_support", "team")
VALUE_FIELDS = ("budget_idr", "duration_months")
RELATED_FIELDS = ("pillars", "sdgs", "target_agencies", "co_authors")


def _clean_text(value):
    # Plain text: templates escape it. Drop NULs and other control characters but line breaks.
    return "".join(ch for ch in (value or "") if ch in "\n\t" or ord(ch) >= 32).strip()


def _apply_fields(proposal, data):
    for name in TEXT_FIELDS:
        if name in data:
            setattr(proposal, name, _clean_text(data[name]))
    for name in VALUE_FIELDS:
        if name in data:
            setattr(proposal, name, data[name])


def _check_co_authors(proposal, co_authors):
    outsiders = [
        user
        for user in co_authors
        if not proposal.organisation.memberships.filter(user=user).exists()
    ]
    if outsiders:
        raise ActionRefused(
            _("Co-authors must be members of %(organisation)s.")
            % {"organisation": proposal.organisation.name}
        )


def _set_related(proposal, data):
    for name in RELATED_FIELDS:
        if name in data:
            getattr(proposal, name).set(data[name])


@transaction.atomic
def start_proposal(user, call: Call, organisation: Organisation, data: dict) -> Proposal:
    """A new draft for ``organisation``; drafts may be incomplete."""
    require(permissions.can_start_proposal(user, organisation, call))
    proposal = Proposal(call=call, organisation=organisation, created_by=user)
    _apply_fields(proposal, data)
    proposal.save()
    if "co_authors" in data:
        _check_co_authors(proposal, data["co_authors"])
    _set_related(proposal, data)
    logger.info("Proposal %s drafted by %s for %s", proposal.pk, user.pk, organisation.pk)
    return proposal


@transaction.atomic
def save_draft(user, proposal: Proposal, data: dict) -> Proposal:
    proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
    require(permissions.can_edit_proposal(user, proposal))
    if "co_authors" in data:
        _check_co_authors(proposal, data["co_authors"])
    _apply_fields(proposal, data)
    proposal.save()
    _set_related(proposal, data)
    logger.info("Proposal %s saved by %s", proposal.pk, user.pk)
    return proposal


@transaction.atomic
def add_attachment(user, proposal: Proposal, uploaded) -> ProposalAttachment:
    """Attach a file after checking its real type and size; refuse with a clear message."""
    proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
    require(permissions.can_edit_proposal(user, proposal))
    if proposal.attachments.count() >= MAX_ATTACHMENTS:
        raise ActionRefused(
            _("A proposal can have at most %(count)s attachments; remove one first.")
            % {"count": MAX_ATTACHMENTS}
        )
    try:
        kind = check_upload(uploaded, allowed=DOCUMENT_TYPES)
    except ValidationError as error:
        raise ActionRefused(" ".join(error.messages)) from error
    base_name = (uploaded.name or "attachment").rsplit("/", 1)[-1].rsplit(".", 1)[0]
    name = f"{_clean_text(base_name)[:150] or 'attachment'}.{kind.extension}"
    attachment = ProposalAttachment(
        proposal=proposal,
        name=name,
        mime_type=kind.mime,
        size=uploaded.size,
        uploaded_by=user,
    )
    # The stored name is ours, not the uploader's: nothing they typed reaches the file system.
    attachment.file.save(f"{proposal.pk}.{kind.extension}", uploaded, save=False)
    attachment.save()
    logger.info("Attachment %s (%s) added to proposal %s", attachment.pk, kind.key, proposal.pk)
    return attachment


@transaction.atomic
def remove_attachment(user, attachment: ProposalAttachment) -> None:
    require(permissions.can_edit_proposal(user, attachment.proposal))
    attachment.file.delete(save=False)
    attachment.delete()


def take_step(user, proposal: Proposal, name: str, *, comment="", expected_state=None):
    """Move the proposal through the workflow engine; ``ActionRefused`` carries the reason."""
    entry = apply_transition(proposal, name, user, comment=comment, expected_state=expected_state)
    if entry.to_state == "submitted" and entry.from_state == "draft":
        Proposal.objects.filter(pk=proposal.pk).update(submitted_at=timezone.now())
    return entry


@transaction.atomic
def assign_reviewers(actor, proposal: Proposal, reviewers) -> list:
    """Assign reviewers on the call's rubric; a submitted proposal moves into review."""
    from portal.reviews.services import ReviewRefused, assign_reviewer

    require(permissions.can_decide_proposal(actor, proposal))
    if proposal.call.rubric_id is None:
        raise ActionRefused(_("Choose a review rubric for the call before assigning reviewers."))
    if proposal.state not in ("submitted", "in_review"):
        raise ActionRefused(_("Reviewers are assigned once a proposal is submitted."))
    assignments = []
    for reviewer in reviewers:
        try:
            assignments.append(assign_reviewer(actor, proposal, reviewer, proposal.call.rubric))
        except ReviewRefused as error:
            raise ActionRefused(f"{reviewer}: {error}") from error
    if proposal.state == "submitted":
        take_step(actor, proposal, "start_review")
    return assignments
