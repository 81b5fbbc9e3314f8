"""Outcomes a cohort start-up reports over time (funding, jobs, customers, pilots, services
adopted) and program managers verify or return with a reason. Only verified outcomes are
public: ``public_outcomes`` is where every public reader starts."""

from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from wagtail.log_actions import log

from portal.models import TimelineEntry, Visibility
from portal.notifications.services import notify
from portal.services import require
from portal.text import plain_text
from portal.workflow import apply_transition
from programs.models import StartupOutcome
from programs.models.demo_day import NOTE_LENGTH, OutcomeKind

from . import demo_day_notices as notices
from . import permissions

FIELDS = ("kind", "value", "period_on", "evidence")


def public_outcomes():
    return StartupOutcome.objects.filter(state="verified", member__cohort__published=True)


def cohort_totals(cohort):
    """Verified figures of the cohort's start-ups, summed per kind (one query), in kind order."""
    sums = dict(
        public_outcomes()
        .filter(member__cohort=cohort)
        .values_list("kind")
        .annotate(total=Sum("value"))
    )
    return [
        (kind.value, kind.label, sums[kind.value]) for kind in OutcomeKind if kind.value in sums
    ]


def _clean(data):
    return {
        "kind": data["kind"],
        "value": data["value"],
        "period_on": data["period_on"],
        "evidence": plain_text(data.get("evidence", ""), NOTE_LENGTH),
    }


def _announce(outcome):
    for notice in notices.outcome_reported(outcome):
        notify(
            notice.recipients,
            title=notice.title,
            body=notice.body,
            url=notice.url,
            kind="programs.startup_outcome.reported",
        )


@transaction.atomic
def report_outcome(user, member, data) -> StartupOutcome:
    require(permissions.can_report_outcome(user, member))
    outcome = StartupOutcome.objects.create(member=member, reported_by=user, **_clean(data))
    log(instance=outcome, action="wagtail.create", user=user)
    TimelineEntry.objects.create(
        subject=outcome,
        actor=user,
        action="report",
        to_state=outcome.state,
        visibility=Visibility.PARTICIPANTS,
    )
    _announce(outcome)
    return outcome


@transaction.atomic
def correct_outcome(user, outcome, data, *, expected_state=None):
    """The start-up corrects a returned outcome and reports it again (one step of the engine)."""
    require(permissions.can_correct_outcome(user, outcome))
    entry = apply_transition(outcome, "resubmit", user, expected_state=expected_state)
    fields = _clean(data)
    StartupOutcome.objects.filter(pk=outcome.pk).update(returned_reason="", **fields)
    for name, value in fields.items():
        setattr(outcome, name, value)
    outcome.returned_reason = ""
    log(instance=outcome, action="wagtail.edit", user=user, data={"fields": list(FIELDS)})
    return entry


@transaction.atomic
def review_outcome(user, outcome, action, *, comment="", expected_state=None):
    """A program manager verifies the outcome or returns it with the reason."""
    entry = apply_transition(
        outcome,
        action,
        user,
        comment=plain_text(comment, NOTE_LENGTH),
        expected_state=expected_state,
    )
    if action == "verify":
        StartupOutcome.objects.filter(pk=outcome.pk).update(
            verified_by=user, verified_at=timezone.now()
        )
    elif action == "return":
        StartupOutcome.objects.filter(pk=outcome.pk).update(returned_reason=entry.comment)
        outcome.returned_reason = entry.comment
    return entry
