"""The pilot itself: proposing it (the cross-app entry point), starting it from a proposal or
a hackathon project, editing its description, publishing it and moving it through its stages."""

import logging

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from wagtail.log_actions import log

from portal.services import require
from portal.workflow import apply_transition
from programs.models import Pilot
from programs.models.pilots import STAGE_RANK

from .. import permissions
from .agencies import invite_agency
from .common import _log_edit, _note, _user, clean_text

logger = logging.getLogger(__name__)

TEXT_FIELDS = (
    "title",
    "title_id",
    "summary",
    "summary_id",
    "problem",
    "problem_id",
    "solution",
    "solution_id",
    "funding_source",
)
VALUE_FIELDS = (
    "origin",
    "lead_organisation",
    "programme",
    "start_date",
    "end_date",
    "budget_idr",
    "districts",
    "challenge",
)
RELATED_FIELDS = ("partner_organisations", "pillars", "sdgs")


def unique_slug(title):
    base = slugify(title)[:200] or "pilot"
    slug, number = base, 2
    while Pilot.objects.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


@transaction.atomic
def propose_pilot(
    *,
    by,
    origin,
    title,
    summary="",
    problem="",
    solution="",
    lead_organisation,
    challenge=None,
    source=None,
    proposal=None,
    pillars=(),
    sdgs=(),
    programme=None,
) -> Pilot:
    """A proposed, unpublished pilot (the cross-app entry point: callers check permission)."""
    pilot = Pilot(
        title=clean_text(title)[:200],
        slug=unique_slug(title),
        summary=clean_text(summary),
        problem=clean_text(problem),
        solution=clean_text(solution),
        origin=origin,
        lead_organisation=lead_organisation,
        challenge=challenge,
        proposal=proposal,
        programme=programme,
        created_by=_user(by),
    )
    if source is not None:
        pilot.origin_content_type = ContentType.objects.get_for_model(source)
        pilot.origin_object_id = str(source.pk)
    pilot.save()
    pilot.pillars.set(pillars)
    pilot.sdgs.set(sdgs)
    _note(pilot, by, "propose", to_state=pilot.state)
    log(
        instance=pilot,
        action="programs.pilot.create",
        user=_user(by),
        data={"origin": origin, "title": pilot.title},
    )
    logger.info("Pilot %s proposed (%s) by %s", pilot.pk, origin, getattr(by, "pk", None))
    return pilot


def _apply(pilot, data):
    """Set the given fields; return the names of those whose value changed."""
    changed = []
    for name in (*TEXT_FIELDS, *VALUE_FIELDS):
        if name not in data:
            continue
        value = clean_text(data[name]) if name in TEXT_FIELDS else data[name]
        if getattr(pilot, name) != value:
            setattr(pilot, name, value)
            changed.append(name)
    return changed


def _set_related(pilot, data):
    changed = []
    for name in RELATED_FIELDS:
        if name in data:
            before = set(getattr(pilot, name).values_list("pk", flat=True))
            after = {obj.pk for obj in data[name]}
            if before != after:
                getattr(pilot, name).set(data[name])
                changed.append(name)
    return changed


@transaction.atomic
def create_pilot(user, data, *, proposal=None, submission=None) -> Pilot:
    """A program manager starts a pilot directly, from an accepted proposal or from an awarded
    hackathon project (its challenge's agency is invited as host, so the link to it stays)."""
    require(permissions.can_start_pilot(user, proposal, submission))
    if proposal is not None:
        origin, challenge = "proposal", proposal.call.challenge
    elif submission is not None:
        origin, challenge = "hackathon_submission", _submission_fields(submission)["challenge"]
    else:
        origin, challenge = data.get("origin") or "direct", None
    pilot = propose_pilot(
        by=user,
        origin=origin,
        title=data["title"],
        summary=data.get("summary", ""),
        problem=data.get("problem", ""),
        solution=data.get("solution", ""),
        lead_organisation=data["lead_organisation"],
        proposal=proposal,
        source=submission,
        challenge=data.get("challenge") or challenge,
        pillars=data.get("pillars", ()),
        sdgs=data.get("sdgs", ()),
        programme=data.get("programme"),
    )
    rest = {
        k: v
        for k, v in data.items()
        if k not in ("title", "summary", "problem", "solution", "origin")
    }
    if _apply(pilot, rest):
        pilot.save()
    _set_related(pilot, {"partner_organisations": data.get("partner_organisations", ())})
    agency = _submission_fields(submission)["agency"] if submission is not None else None
    if agency is not None:
        invite_agency(user, pilot, agency, "host")
    return pilot


def _submission_fields(submission):
    # Imported here: hackathons live in events, which must not be needed to load pilots.
    from events.hackathons.services import pilot_fields

    return pilot_fields(submission)


def carried_over_from_submission(submission):
    """The fields an awarded hackathon project hands to its pilot, for the pre-filled form."""
    fields = _submission_fields(submission)
    return {
        "title": fields["title"],
        "summary": fields["summary"],
        "problem": fields["problem"],
        "solution": fields["solution"],
        "lead_organisation": fields["lead_organisation"],
        "pillars": fields["pillars"],
        "sdgs": fields["sdgs"],
        "origin": "hackathon_submission",
    }


def carried_over(proposal):
    """The fields an accepted proposal hands to its pilot, for the pre-filled form."""
    return {
        "title": proposal.title,
        "summary": proposal.summary,
        "problem": proposal.problem,
        "solution": proposal.solution,
        "lead_organisation": proposal.organisation,
        "pillars": list(proposal.pillars.all()),
        "sdgs": list(proposal.sdgs.all()),
        "budget_idr": proposal.budget_idr,
        "challenge": proposal.call.challenge,
        "origin": "proposal",
    }


@transaction.atomic
def update_pilot(user, pilot, data) -> list[str]:
    """Edit the pilot's fields; every change of a public field is in the audit log."""
    require(permissions.can_edit(user, pilot))
    pilot = Pilot.objects.select_for_update().get(pk=pilot.pk)
    changed = _apply(pilot, data)
    if changed:
        pilot.save()
    changed += _set_related(pilot, data)
    if changed:
        _log_edit(user, pilot, changed)
    return changed


@transaction.atomic
def set_published(user, pilot, published: bool) -> Pilot:
    require(permissions.can_manage(user, pilot))
    pilot = Pilot.objects.select_for_update().get(pk=pilot.pk)
    if pilot.is_published == published:
        return pilot
    pilot.is_published = published
    pilot.published_at = timezone.now() if published else pilot.published_at
    pilot.save(update_fields=["is_published", "published_at", "updated_at"])
    action = "programs.pilot.publish" if published else "programs.pilot.unpublish"
    log(instance=pilot, action=action, user=_user(user), data={})
    return pilot


def _record_reach(pilot_pk, state):
    rank = STAGE_RANK.get(state)
    if rank is not None:
        Pilot.objects.filter(pk=pilot_pk, reached__lt=rank).update(reached=rank)


@transaction.atomic
def take_step(user, pilot, action, *, comment="", expected_state=None):
    """Move the pilot through ``action``; the engine checks who, what is required, and the state."""
    entry = apply_transition(
        pilot, action, user, comment=clean_text(comment)[:5000], expected_state=expected_state
    )
    _record_reach(pilot.pk, entry.to_state)
    if action == "discontinue":
        Pilot.objects.filter(pk=pilot.pk).update(discontinued_reason=entry.comment)
        pilot.discontinued_reason = entry.comment
    return entry
