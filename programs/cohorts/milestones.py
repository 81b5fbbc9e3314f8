"""Cohort start-ups' milestones: program managers plan them (for one start-up, or the same one
for every start-up of a cohort); every change of state is a step of the one milestone pipeline
(``portal.milestones``): the start-up's members move their work forward and submit the
evidence, program managers accept it or request changes."""

from django.db import transaction
from wagtail.log_actions import log

from portal.milestones import services as milestone_services
from portal.services import require
from portal.text import plain_text
from programs.models import CohortMilestone

from . import permissions


def _fields(title, title_id, due_on):
    return {
        "title": plain_text(title, 200, single_line=True),
        "title_id": plain_text(title_id, 200, single_line=True),
        "due_on": due_on,
    }


@transaction.atomic
def add_milestone(user, member, *, title, due_on, title_id="") -> CohortMilestone:
    require(permissions.can_plan_milestones(user))
    milestone = CohortMilestone.objects.create(member=member, **_fields(title, title_id, due_on))
    log(instance=milestone, action="wagtail.create", user=user)
    return milestone


@transaction.atomic
def plan_for_cohort(user, cohort, *, title, due_on, title_id="") -> list[CohortMilestone]:
    """The same milestone for every start-up of the cohort (one audit entry each)."""
    require(permissions.can_plan_milestones(user))
    fields = _fields(title, title_id, due_on)
    milestones = CohortMilestone.objects.bulk_create(
        CohortMilestone(member=member, **fields) for member in cohort.members.order_by("pk")
    )
    for milestone in milestones:
        log(instance=milestone, action="wagtail.create", user=user)
    return milestones


def take_step(user, milestone, action, **kwargs):
    """Start, submit the evidence, accept, request changes, delay or resume (see
    ``portal.milestones.services.take_step`` for the arguments)."""
    return milestone_services.take_step(user, milestone, action, **kwargs)
