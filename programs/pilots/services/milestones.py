"""A pilot's milestones: the lead organisation (or a program manager) adds them; every change of
state is a step of the one milestone pipeline (``portal.milestones``), with its timeline entry,
audit-log entry and notices."""

from django.db import transaction

from portal.milestones import services as milestone_services
from portal.services import require
from programs.models import PilotMilestone

from .. import permissions
from .common import _log_edit, clean_text


@transaction.atomic
def add_milestone(user, pilot, *, title, due_on, title_id="") -> PilotMilestone:
    require(permissions.can_edit(user, pilot))
    milestone = PilotMilestone.objects.create(
        pilot=pilot,
        title=clean_text(title)[:200],
        title_id=clean_text(title_id)[:200],
        due_on=due_on,
    )
    _log_edit(user, pilot, ["milestones"])
    return milestone


def milestone_step(user, milestone, action, **kwargs):
    """Start, submit the evidence, accept, request changes, delay or resume (see
    ``portal.milestones.services.take_step`` for the arguments)."""
    return milestone_services.take_step(user, milestone, action, **kwargs)
