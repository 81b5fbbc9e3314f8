"""Every write about pilots: atomic, permission-checked, audit-logged, notified.

Stage changes go through the workflow engine (``take_step`` for the pilot, ``decide_for_agency``
and ``record_adoption`` for an agency's own decision). Edits of public fields write an audit-log
entry naming the fields, so "who changed what the public reads, and when" is always answered.
"""

import logging

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from portal.models import TimelineEntry, Visibility
from portal.notifications.services import notify
from portal.services import ActionRefused, require, retry_when_locked
from portal.uploads import check_upload
from portal.workflow import apply_transition
from programs.models import (
    AdoptionRecord,
    Pilot,
    PilotAgency,
    PilotDocument,
    PilotIndicator,
    PilotMilestone,
)
from programs.models.pilots import STAGE_RANK

from . import notices, permissions

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


def clean_text(value):
    # Plain text: templates escape it. Drop NULs and other control characters but line breaks.
    return "".join(ch for ch in (value or "") if ch in "\n\t" or ord(ch) >= 32).strip()


def _user(user):
    return user if getattr(user, "is_authenticated", False) else None


def unique_slug(title):
    base = slugify(title)[:200] or "pilot"
    slug, number = base, 2
    while Pilot.objects.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


def _note(pilot, user, action, comment="", visibility=Visibility.PUBLIC, to_state=""):
    return TimelineEntry.objects.create(
        subject=pilot,
        actor=_user(user),
        action=action,
        comment=comment,
        to_state=to_state,
        visibility=visibility,
    )


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


def _log_edit(user, pilot, fields):
    log(
        instance=pilot,
        action="programs.pilot.edit",
        user=_user(user),
        data={"fields": sorted(fields), "published": pilot.is_published},
    )


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


@transaction.atomic
def invite_agency(user, pilot, agency, role) -> PilotAgency:
    require(permissions.can_manage(user, pilot))
    if not agency.is_agency:
        raise ActionRefused(_("Only government agencies take part in pilots."))
    if pilot.is_closed:
        raise ActionRefused(_("This pilot is closed."))
    involvement, created = PilotAgency.objects.get_or_create(
        pilot=pilot, agency=agency, defaults={"role": role}
    )
    if not created:
        raise ActionRefused(
            _("%(agency)s is already involved in this pilot.") % {"agency": agency.name}
        )
    _note(
        pilot,
        user,
        "invite",
        f"{agency.name} · {involvement.get_role_display()}",
        Visibility.PARTICIPANTS,
    )
    log(
        instance=pilot,
        action="programs.pilot.invite",
        user=_user(user),
        data={"agency": agency.name, "role": role},
    )
    notice = notices.invitation(involvement)
    notify(
        notice.recipients,
        title=notice.title,
        body=notice.body,
        url=notice.url,
        kind="programs.pilot_agency.invited",
    )
    return involvement


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


def decide_for_agency(user, involvement, action, *, comment="", expected_state=None):
    """A liaison accepts or declines for their agency (``adopt`` goes via record_adoption)."""
    require(permissions.can_decide_for_agency(user, involvement))
    if action not in ("accept", "decline"):
        raise ActionRefused(_("Use the adoption form to record an adoption."))
    return retry_when_locked(_decide)(user, involvement, action, comment, expected_state)


@transaction.atomic
def _decide(user, involvement, action, comment, expected_state):
    # The pilot row is locked first: the approval guard and agency decisions queue up on it.
    Pilot.objects.select_for_update().get(pk=involvement.pilot_id)
    entry = apply_transition(
        involvement, action, user, comment=clean_text(comment)[:5000], expected_state=expected_state
    )
    PilotAgency.objects.filter(pk=involvement.pk).update(
        decided_at=timezone.now(), decision_note=entry.comment
    )
    return entry


@transaction.atomic
def record_adoption(user, involvement, *, adopted_on, legal_basis, scale, service):
    """The agency's liaison records what it adopted; the involvement moves to ``adopted``."""
    require(permissions.can_decide_for_agency(user, involvement))
    Pilot.objects.select_for_update().get(pk=involvement.pilot_id)
    locked = PilotAgency.objects.select_for_update().get(pk=involvement.pk)
    if locked.state != "accepted":
        raise ActionRefused(_("Only an agency that accepted the pilot records its adoption."))
    record = AdoptionRecord.objects.create(
        involvement=locked,
        pilot_id=locked.pilot_id,
        adopted_on=adopted_on,
        legal_basis=clean_text(legal_basis)[:300],
        scale=scale,
        service=clean_text(service)[:300],
        recorded_by=_user(user),
    )
    comment = f"{record.service} · {record.legal_basis}"
    apply_transition(locked, "adopt", user, comment=comment, expected_state="accepted")
    PilotAgency.objects.filter(pk=locked.pk).update(decided_at=timezone.now())
    return record


# --- the pilot's public record: indicators, milestones, documents, timeline notes ---
@transaction.atomic
def add_indicator(user, pilot, *, name, unit="", baseline=None, target, measured=None):
    require(permissions.can_edit(user, pilot))
    indicator = PilotIndicator.objects.create(
        pilot=pilot,
        name=clean_text(name)[:200],
        unit=clean_text(unit)[:50],
        baseline=baseline,
        target=target,
        measured=measured,
        measured_on=timezone.localdate() if measured is not None else None,
    )
    _log_edit(user, pilot, ["indicators"])
    return indicator


@transaction.atomic
def measure_indicator(user, indicator, *, measured):
    require(permissions.can_edit(user, indicator.pilot))
    indicator.measured = measured
    indicator.measured_on = timezone.localdate()
    indicator.save(update_fields=["measured", "measured_on"])
    _log_edit(user, indicator.pilot, ["indicators"])
    return indicator


@transaction.atomic
def add_milestone(user, pilot, *, title, due_on, status="planned"):
    require(permissions.can_edit(user, pilot))
    milestone = PilotMilestone.objects.create(
        pilot=pilot,
        title=clean_text(title)[:200],
        due_on=due_on,
        status=status,
        completed_on=timezone.localdate() if status == "done" else None,
    )
    _log_edit(user, pilot, ["milestones"])
    return milestone


@transaction.atomic
def update_milestone(user, milestone, *, status):
    require(permissions.can_edit(user, milestone.pilot))
    milestone.status = status
    milestone.completed_on = timezone.localdate() if status == "done" else None
    milestone.save(update_fields=["status", "completed_on"])
    _log_edit(user, milestone.pilot, ["milestones"])
    return milestone


@transaction.atomic
def add_document(user, pilot, *, kind, title, reference="", uploaded=None):
    require(permissions.can_edit(user, pilot))
    document = PilotDocument(
        pilot=pilot,
        kind=kind,
        title=clean_text(title)[:200],
        reference=clean_text(reference)[:200],
        uploaded_by=_user(user),
    )
    if uploaded is not None:
        file_type = check_upload(uploaded)
        document.mime_type = file_type.mime
        document.file.save(
            f"{slugify(title)[:60] or 'document'}.{file_type.extension}", uploaded, save=False
        )
    elif not document.reference:
        raise ActionRefused(_("Upload the file or give the agreement reference."))
    document.save()
    _log_edit(user, pilot, ["documents"])
    return document


@transaction.atomic
def add_note(user, pilot, *, text, public=False):
    """A timeline entry: public ones show on the pilot's page; internal ones never do."""
    if public:
        require(permissions.can_edit(user, pilot))
    else:
        require(permissions.can_view_private(user, pilot))
    text = clean_text(text)[:5000]
    if not text:
        raise ActionRefused(_("Write the note first."))
    visibility = Visibility.PUBLIC if public else Visibility.PARTICIPANTS
    return _note(pilot, user, "note", text, visibility)
