"""Every write about policy recommendations and government responses: atomic, checked, logged.

Publishing a recommendation (Wagtail's "Policy publication" workflow, or a direct publish) asks
each target agency for a response; liaisons and program managers answer through the workflow
engine, which keeps the timeline, the audit log and the notifications.
"""

import logging
from datetime import date as Date

from django.db import transaction
from wagtail.models import Locale

from portal import moderation
from portal.notifications.services import notify
from portal.permissions import PROGRAM_MANAGERS
from portal.services import require
from portal.workflow import apply_transition

from . import notices, permissions
from .models import GovernmentResponse, PolicyRecommendationPage
from .workflows import ANSWERS

logger = logging.getLogger(__name__)

WORKFLOW = "Policy publication"
# (task name, group) in order: editors review the text, then a program manager approves.
TASKS = (("Editorial review", "Editors"), (moderation.APPROVAL_TASK, PROGRAM_MANAGERS))


def source_page(page):
    """The recommendation in the default language: responses hang off that page."""
    if page.alias_of_id or page.locale_id != Locale.get_default().pk:
        source = PolicyRecommendationPage.objects.filter(
            translation_key=page.translation_key, locale=Locale.get_default()
        ).first()
        return source or page
    return page


@transaction.atomic
def request_responses(page) -> list[GovernmentResponse]:
    """One response row per target agency of the (published) recommendation; idempotent.

    Called from Wagtail's ``page_published`` signal. Agencies removed from the page keep their
    existing response (it is part of the public record).
    """
    page = source_page(page)
    created = []
    for agency in page.target_agencies.all():
        response, is_new = GovernmentResponse.objects.get_or_create(
            recommendation=page, agency=agency
        )
        if is_new:
            created.append(response)
            notice = notices.response_requested(response)
            notify(
                notice.recipients,
                title=notice.title,
                body=notice.body,
                url=notice.url,
                kind="programs.government_response.requested",
            )
    if created:
        logger.info("Recommendation %s asked %s agencies for a response", page.pk, len(created))
    return created


@transaction.atomic
def take_step(
    user,
    response,
    action,
    *,
    text="",
    date: Date | None = None,
    reference="",
    expected_state=None,
):
    """Move ``response`` through ``action``; answers also store their text, date and reference.

    The engine checks the rule (liaison of this agency, or a program manager), the state and the
    required text and date; a refused step changes nothing.
    """
    require(permissions.can_respond(user, response))
    entry = apply_transition(
        response, action, user, comment=text, date=date, expected_state=expected_state
    )
    if action in ANSWERS:
        # A new answer replaces both languages' text: the Indonesian twin (filled by editors)
        # would otherwise show an outdated answer.
        fields = {
            "response_text": entry.comment,
            "response_text_id": "",
            "reference": (reference or "").strip()[:200],
        }
        if action == "implement":
            fields["implemented_on"] = date
        else:
            fields["responded_on"] = date
        GovernmentResponse.objects.filter(pk=response.pk).update(**fields)
        for name, value in fields.items():
            setattr(response, name, value)
    logger.info("Government response %s: %s by %s", response.pk, action, user.pk)
    return entry


def policy_workflow():
    """The workflow the migration created; recreated if someone deleted it (or a test did)."""
    return moderation.moderation_workflow(WORKFLOW, TASKS)


def ensure_policy_moderation(index, *, workflow=True):
    """Attach "Policy publication" to ``index`` (unless editors chose another; not with
    ``workflow=False``) and let program managers add, edit and publish its pages."""
    return moderation.ensure_moderation(index, policy_workflow() if workflow else None)
