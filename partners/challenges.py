"""Every write about sandbox challenges from the member area: atomic, permission-checked, logged.

Liaisons draft and submit here; program managers approve (and so publish) in the Wagtail admin
through the "Challenge moderation" workflow. A challenge is a Wagtail page, so drafts are page
revisions and the workflow is Wagtail's own, as for every other page of the portal.
"""

import html
import logging
import re

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.models import Locale, Page
from wagtail_localize.synctree import create_aliases_for_new_page

from partners import permissions
from partners.models import ChallengeIndexPage, ChallengePage, ChallengeStatus
from portal import moderation
from portal.permissions import PROGRAM_MANAGERS
from portal.sanitize import sanitize_html, strip_tags
from portal.services import ActionRefused, require

logger = logging.getLogger(__name__)

WORKFLOW = "Challenge moderation"
TASK = moderation.APPROVAL_TASK
GROUP = PROGRAM_MANAGERS
TEXT_FIELDS = ("problem_statement", "context", "data_available", "expected_outcomes")


def text_to_html(text):
    """Plain text from a textarea as rich-text paragraphs: blank lines part paragraphs, a single
    line break stays a line break.

    The result is what Wagtail's editor reads and writes itself (``<p>…<br/>…</p>``): Draftail's
    parser needs the self-closed ``<br/>``, and the sanitiser writes ``<br>``, so each line is
    escaped and sanitised on its own (a liaison's text can never become markup) and the lines
    joined afterwards.
    """
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n").strip()
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
    return "".join(
        "<p>"
        + "<br/>".join(str(sanitize_html(html.escape(line))) for line in p.split("\n"))
        + "</p>"
        for p in paragraphs
    )


def html_to_text(value):
    """The reverse of ``text_to_html``, to put a draft back into the form's textareas."""
    value = re.sub(r"</p>\s*", "\n\n", value or "")
    value = re.sub(r"<br\s*/?>", "\n", value)
    return html.unescape(strip_tags(value)).strip()


def challenge_index():
    """The index liaisons' drafts go under: the default (English) language tree's."""
    index = ChallengeIndexPage.objects.filter(locale=Locale.get_default()).first()
    if index is None:
        raise ActionRefused(_("Challenges are not set up yet. Please ask a program manager."))
    return index


def challenge_workflow():
    """The workflow the migration created; recreated if someone deleted it (or a test did)."""
    return moderation.moderation_workflow(WORKFLOW)


def ensure_challenge_moderation(index):
    """The challenges index under "Challenge moderation"; program managers edit and publish."""
    return moderation.ensure_moderation(index, challenge_workflow())


def _check_deadline(status, deadline):
    if status == ChallengeStatus.OPEN and deadline is not None and deadline <= timezone.now():
        raise ActionRefused(
            _("The response deadline has passed. Choose a date and time in the future.")
        )


def _unique_slug(index, title):
    base = slugify(title)[:70] or "challenge"
    slug, number = base, 2
    while Page.objects.child_of(index).filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


def _apply(page, fields):
    pillars = fields.pop("pillars", None)
    sdgs = fields.pop("sdgs", None)
    for name in TEXT_FIELDS:
        if name in fields:
            fields[name] = text_to_html(fields[name])
    for name in ("title", "summary"):
        if name in fields:
            fields[name] = " ".join(str(fields[name]).split())
    for name, value in fields.items():
        setattr(page, name, value)
    # Parental many-to-many: held on the instance until saved, and so kept in the revision.
    if pillars is not None:
        page.pillars.set(pillars)
    if sdgs is not None:
        page.sdgs.set(sdgs)


@transaction.atomic
def draft_challenge(user, agency, **fields) -> ChallengePage:
    """A new, unpublished challenge for ``agency``; always open, submitted separately."""
    require(permissions.can_draft_challenge(user, agency))
    _check_deadline(ChallengeStatus.OPEN, fields.get("response_deadline"))
    index = challenge_index()
    ensure_challenge_moderation(index)
    page = ChallengePage(owner_agency=agency, status=ChallengeStatus.OPEN, live=False, owner=user)
    _apply(page, fields)
    page.slug = _unique_slug(index, page.title)
    index.add_child(instance=page)
    page.save_revision(user=user, log_action=True)
    log(instance=page, action="wagtail.create", user=user)
    # What the admin does for new pages: an (unpublished) alias in each synchronised language,
    # published with the page, so the Indonesian tree has the challenge too.
    create_aliases_for_new_page(page)
    logger.info("Challenge %s drafted for agency %s by %s", page.pk, agency.pk, user.pk)
    return page


@transaction.atomic
def update_challenge(user, page, **fields) -> ChallengePage:
    page = ChallengePage.objects.select_for_update().get(pk=page.pk)
    require(permissions.can_edit_challenge(user, page))
    draft = page.get_latest_revision_as_object()
    _check_deadline(draft.status, fields.get("response_deadline", draft.response_deadline))
    _apply(draft, fields)
    draft.save_revision(user=user, log_action=True)
    logger.info("Challenge %s updated by %s", page.pk, user.pk)
    return draft


@transaction.atomic
def submit_challenge(user, page) -> ChallengePage:
    """Start the moderation workflow; program managers approve (and publish) in the admin."""
    page = ChallengePage.objects.select_for_update().get(pk=page.pk)
    require(permissions.can_edit_challenge(user, page))
    draft = page.get_latest_revision_as_object()
    _check_deadline(draft.status, draft.response_deadline)
    ensure_challenge_moderation(challenge_index())
    workflow = page.get_workflow()
    if workflow is None:
        raise ActionRefused(_("Challenges cannot be submitted right now. Please try again later."))
    state = page.current_workflow_state
    if state is not None and state.status == state.STATUS_NEEDS_CHANGES:
        state.resume(user)  # a program manager asked for changes; carry on where it stopped
    else:
        workflow.start(page, user)
    logger.info("Challenge %s submitted by %s", page.pk, user.pk)
    return page
