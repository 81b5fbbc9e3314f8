"""Every write about hackathon submissions: drafts at any time before the deadline, submitting
(team size checked, through the workflow engine), staff disqualification with a reason, gallery
moderation. Editing after the deadline is refused here, whatever the form or request said."""

import logging

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from events.models import Screenshot, Submission
from portal.cache import purge_pages
from portal.services import ActionRefused, require
from portal.text import plain_text
from portal.uploads import JPEG, MB, PDF, PNG, check_upload
from portal.workflow import apply_transition

from . import permissions

logger = logging.getLogger(__name__)

DECK_MAX_BYTES = 10 * MB
SCREENSHOT_MAX_BYTES = 3 * MB
MAX_SCREENSHOTS = 6
TEXT_FIELDS = {
    "title": 150,
    "tagline": 200,
    "description": 10000,
    "problem": 5000,
    "technologies": 300,
}
URL_FIELDS = ("repository_url", "demo_url", "video_url")


def _clean_text(value, limit):
    # Plain text as typed (line breaks kept); templates, JSON and CSV escape on the way out.
    return plain_text(value, limit)


def _locked(submission):
    return (
        Submission.objects.select_for_update()
        .select_related("team", "hackathon")
        .get(pk=submission.pk)
    )


@transaction.atomic
def save(user, submission, data, *, pitch_deck=None, screenshots=()) -> Submission:
    """Save the team's project (a draft, or an already submitted one before the deadline)."""
    submission = _locked(submission)
    require(permissions.can_edit_submission(user, submission))
    for field, limit in TEXT_FIELDS.items():
        if field in data:
            setattr(submission, field, _clean_text(data[field], limit))
    for field in URL_FIELDS:
        if field in data:
            setattr(submission, field, (data[field] or "").strip()[:200])
    if "licence" in data:
        submission.licence = data["licence"] or ""
    if pitch_deck:
        try:
            check_upload(pitch_deck, allowed=(PDF,), max_bytes=DECK_MAX_BYTES)
        except ValidationError as error:
            raise ActionRefused(" ".join(error.messages)) from error
        if submission.pitch_deck:
            submission.pitch_deck.delete(save=False)
        submission.pitch_deck.save("deck.pdf", pitch_deck, save=False)
    submission.save()
    existing = submission.screenshots.count()
    if existing + len(screenshots) > MAX_SCREENSHOTS:
        raise ActionRefused(_("At most %(max)s screenshots.") % {"max": MAX_SCREENSHOTS})
    for image in screenshots:
        try:
            kind = check_upload(image, allowed=(PNG, JPEG), max_bytes=SCREENSHOT_MAX_BYTES)
        except ValidationError as error:
            raise ActionRefused(" ".join(error.messages)) from error
        shot = Screenshot(submission=submission)
        shot.image.save(f"shot.{kind.extension}", image, save=False)
        shot.save()
    logger.info("Hackathon submission %s saved by user %s", submission.pk, user.pk)
    return submission


@transaction.atomic
def delete_screenshot(user, screenshot) -> None:
    submission = _locked(screenshot.submission)
    require(permissions.can_edit_submission(user, submission))
    screenshot.image.delete(save=False)
    screenshot.delete()


def _transition(submission, action, user, comment=""):
    apply_transition(submission, action, user, comment=comment)


@transaction.atomic
def submit(user, submission) -> Submission:
    """Draft → submitted: before the deadline, with a team inside the size limits."""
    _transition(submission, "submit", user)
    Submission.objects.filter(pk=submission.pk).update(submitted_at=timezone.now())
    submission.refresh_from_db()
    return submission


@transaction.atomic
def disqualify(manager, submission, reason) -> Submission:
    """Staff only, with the reason the team is told (in-app and e-mail)."""
    _transition(submission, "disqualify", manager, comment=_clean_text(reason, 2000))
    submission.refresh_from_db()
    logger.info("Hackathon submission %s disqualified by user %s", submission.pk, manager.pk)
    return submission


@transaction.atomic
def reinstate(manager, submission) -> Submission:
    _transition(submission, "reinstate", manager)
    submission.refresh_from_db()
    return submission


@transaction.atomic
def set_hidden(manager, submission, hidden) -> None:
    """Gallery moderation: hide an offensive or infringing project without disqualifying it."""
    require(permissions.can_manage_hackathons(manager))
    Submission.objects.filter(pk=submission.pk).update(hidden_from_gallery=hidden)
    purge_pages([submission.hackathon])  # update() sends no signal: the gallery changed
    logger.info("Hackathon submission %s hidden=%s by user %s", submission.pk, hidden, manager.pk)
