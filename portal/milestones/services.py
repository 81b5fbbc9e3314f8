"""The one write for a milestone step: atomic, through the workflow engine (timeline, audit
log, notifications after commit), with the evidence saved in the same transaction.

Apps create their milestones (``programs.pilots.services.milestones``, the cohort admin) and
call ``take_step`` for every change of state.
"""

import logging

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.services import ActionRefused, retry_when_locked
from portal.text import plain_text
from portal.uploads import check_upload
from portal.workflow import apply_transition

from .models import EVIDENCE_LIMIT

logger = logging.getLogger(__name__)

COMMENT_LIMIT = 5000


def take_step(
    user, milestone, action, *, comment="", evidence=None, uploaded=None, expected_state=None
):
    """Move ``milestone`` through ``action`` for ``user``; return the timeline entry.

    ``submit`` saves ``evidence`` (the text, required by the step) and ``uploaded`` (optional:
    its type is sniffed from the content and its size capped, ``portal.uploads``) with the step;
    the evidence text is the step's timeline comment, so each submission stays on record.
    A refused step changes nothing, the evidence included.
    """
    file_type = None
    if uploaded is not None:
        if action != "submit":
            raise ActionRefused(_("Attach a file only when you submit the evidence."))
        try:
            file_type = check_upload(uploaded)
        except ValidationError as error:
            message = " ".join(error.messages)
            raise ActionRefused(message, errors={"evidence_file": message}) from error
    entry = retry_when_locked(_step)(
        user, milestone, action, comment, evidence, uploaded, file_type, expected_state
    )
    milestone.refresh_from_db()
    return entry


@transaction.atomic
def _step(user, milestone, action, comment, evidence, uploaded, file_type, expected_state):
    model = type(milestone)
    comment = plain_text(comment, COMMENT_LIMIT)
    if action == "submit":
        if evidence is not None:
            # Saved first so the step's requirement reads it; refused, the transaction undoes it.
            model.objects.filter(pk=milestone.pk).update(
                evidence=plain_text(evidence, EVIDENCE_LIMIT)
            )
        comment = model.objects.values_list("evidence", flat=True).get(pk=milestone.pk)
    entry = apply_transition(
        milestone, action, user, comment=comment, expected_state=expected_state
    )
    now = timezone.now()
    actor = user if getattr(user, "is_authenticated", False) else None
    if action == "accept":
        model.objects.filter(pk=milestone.pk).update(
            completed_on=timezone.localdate(), reviewed_by=actor, reviewed_at=now
        )
    elif action == "request_changes":
        model.objects.filter(pk=milestone.pk).update(reviewed_by=actor, reviewed_at=now)
    if file_type is not None:
        _save_evidence_file(model.objects.get(pk=milestone.pk), uploaded, file_type)
    logger.info("Milestone %s %s: %s by %s", model.__name__, milestone.pk, action, actor)
    return entry


def _save_evidence_file(locked, uploaded, file_type):
    old = locked.evidence_file.name
    # The stored name is ours: nothing the uploader typed reaches the file system.
    locked.evidence_file.save(f"{locked.pk}.{file_type.extension}", uploaded, save=False)
    locked.evidence_type = file_type.mime
    type(locked).objects.filter(pk=locked.pk).update(
        evidence_file=locked.evidence_file.name, evidence_type=file_type.mime
    )
    if old and old != locked.evidence_file.name:
        storage = locked.evidence_file.storage
        transaction.on_commit(lambda: storage.delete(old))
