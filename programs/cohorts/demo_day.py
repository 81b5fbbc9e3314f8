"""Demo day: organisations register interest in a cohort's start-ups, withdraw it, and an
interest becomes a pilot (origin "cohort start-up", its source the cohort member). Every write
is atomic, checked by ``permissions`` and audit-logged; states move through the engine."""

import logging

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from portal.models import TimelineEntry, Visibility
from portal.notifications.services import notify
from portal.services import ActionRefused, require
from portal.text import plain_text
from portal.workflow import apply_transition
from programs.models import DemoDayInterest, Origin, Pilot
from programs.models.demo_day import NOTE_LENGTH
from programs.pilots import services as pilot_services

from . import demo_day_notices as notices
from . import permissions

logger = logging.getLogger(__name__)


def _user(user):
    return user if getattr(user, "is_authenticated", False) else None


def _duplicate(organisation, member):
    return ActionRefused(
        _("%(organisation)s has already registered interest in %(startup)s.")
        % {"organisation": organisation.name, "startup": member.organisation.name}
    )


@transaction.atomic
def register_interest(user, organisation, member, *, note="") -> DemoDayInterest:
    require(permissions.can_register_interest(user, organisation, member))
    if DemoDayInterest.objects.filter(
        member=member, organisation=organisation, state="open"
    ).exists():
        raise _duplicate(organisation, member)
    try:
        with transaction.atomic():  # two requests racing: the constraint decides, clearly
            interest = DemoDayInterest.objects.create(
                member=member,
                organisation=organisation,
                registered_by=_user(user),
                note=plain_text(note, NOTE_LENGTH),
            )
    except IntegrityError as error:
        raise _duplicate(organisation, member) from error
    log(instance=interest, action="wagtail.create", user=_user(user))
    TimelineEntry.objects.create(
        subject=interest,
        actor=_user(user),
        action="register",
        to_state=interest.state,
        comment=interest.note,
        visibility=Visibility.PARTICIPANTS,
    )
    for notice in notices.interest_registered(interest):
        notify(
            notice.recipients,
            title=notice.title,
            body=notice.body,
            url=notice.url,
            kind="programs.demo_day_interest.registered",
        )
    logger.info("Interest %s: %s in member %s", interest.pk, organisation.pk, member.pk)
    return interest


def withdraw_interest(user, interest, *, comment="", expected_state=None):
    return apply_transition(
        interest,
        "withdraw",
        user,
        comment=plain_text(comment, NOTE_LENGTH),
        expected_state=expected_state,
    )


def pilot_fields(interest):
    """What the start-up and its cohort hand to the pilot (also shown before starting it)."""
    member = interest.member
    startup, cohort = member.organisation, member.cohort
    application = member.application
    need = plain_text(application.needs if application else "", 1000)
    return {
        "title": plain_text(f"{startup.name} × {interest.organisation.name}", 200),
        "summary": plain_text(application.pitch if application else startup.description, 1000)
        or need,
        "problem": application.problem if application else "",
        "solution": application.solution if application else "",
        "lead_organisation": startup,
        "pillars": list(cohort.pillars.all()),
        "programme": cohort.programme,
    }


@transaction.atomic
def start_pilot_from_interest(interest, by) -> Pilot:
    """The interest becomes a proposed, unpublished pilot led by the start-up, the interested
    agency invited as host (a partner organisation joins as a partner)."""
    interest = DemoDayInterest.objects.select_for_update().get(pk=interest.pk)
    require(permissions.can_start_pilot_from_interest(by, interest))
    if interest.state != "open":
        raise ActionRefused(_("Only an open interest becomes a pilot."))
    fields = pilot_fields(interest)
    pilot = pilot_services.propose_pilot(
        by=by,
        origin=Origin.COHORT,
        source=interest.member,
        title=fields["title"],
        summary=fields["summary"],
        problem=fields["problem"],
        solution=fields["solution"],
        lead_organisation=fields["lead_organisation"],
        pillars=fields["pillars"],
        programme=fields["programme"],
    )
    if interest.organisation.is_agency:
        pilot_services.involve_agency(by, pilot, interest.organisation, "host")
    else:
        pilot.partner_organisations.add(interest.organisation)
    apply_transition(interest, "start_pilot", by, comment=pilot.title)
    DemoDayInterest.objects.filter(pk=interest.pk).update(pilot=pilot)
    interest.pilot = pilot
    return pilot


def pilots_of(member):
    """The pilots that came from this cohort start-up (origin "cohort start-up")."""
    from django.contrib.contenttypes.models import ContentType

    return Pilot.objects.filter(
        origin=Origin.COHORT,
        origin_content_type=ContentType.objects.get_for_model(member),
        origin_object_id=str(member.pk),
    )
