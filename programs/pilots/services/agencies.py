"""Agencies in a pilot: invitations, each agency's own decision and its adoption record."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from portal.models import Visibility
from portal.notifications.services import notify
from portal.services import ActionRefused, require, retry_when_locked
from portal.workflow import apply_transition
from programs.models import AdoptionRecord, Pilot, PilotAgency

from .. import notices, permissions
from .common import _note, _user, clean_text


@transaction.atomic
def invite_agency(user, pilot, agency, role) -> PilotAgency:
    require(permissions.can_manage(user, pilot))
    return involve_agency(user, pilot, agency, role)


def involve_agency(user, pilot, agency, role) -> PilotAgency:
    """The invitation itself, for callers that checked their own rule (a demo-day interest
    turned into a pilot by the interested agency's liaison)."""
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
