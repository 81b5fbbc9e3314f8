"""The milestone pipeline, declared once for the workflow engine and used by every concrete
milestone model (pilots, cohort start-ups).

planned → in_progress → submitted (evidence required) → done | changes_requested → submitted …;
planned or in_progress → delayed (with the reason) → in_progress. The team that owns the
milestone moves its work forward and submits the evidence; program managers accept it or
request changes, never on their own milestone.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.models import Visibility
from portal.workflow import Pipeline, Transition

from . import notices
from .permissions import Rule, needs_evidence, owner, owner_or_manager, reviewer


class MilestoneState(models.TextChoices):
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    SUBMITTED = "submitted", _("Evidence submitted")
    CHANGES_REQUESTED = "changes_requested", _("Changes requested")
    DONE = "done", _("Done")
    DELAYED = "delayed", _("Delayed")


PLANNED, IN_PROGRESS, SUBMITTED, CHANGES_REQUESTED, DONE, DELAYED = MilestoneState.values
# Work the team still owes: what an overdue reminder is about (a submitted one waits for review).
OUTSTANDING = (PLANNED, IN_PROGRESS, CHANGES_REQUESTED, DELAYED)
# What the public reads (as before milestones had a review): the review itself stays internal.
PUBLIC_STATES = {
    PLANNED: PLANNED,
    IN_PROGRESS: IN_PROGRESS,
    SUBMITTED: IN_PROGRESS,
    CHANGES_REQUESTED: IN_PROGRESS,
    DONE: DONE,
    DELAYED: DELAYED,
}


class MilestonePipeline(Pipeline):
    name = "portal.milestone"
    states = MilestoneState
    transitions = [
        Transition(
            "start",
            _("Start the work"),
            (PLANNED,),
            IN_PROGRESS,
            Rule(owner_or_manager),
            visibility=Visibility.PARTICIPANTS,
        ),
        Transition(
            "submit",
            _("Submit the evidence"),
            (IN_PROGRESS, CHANGES_REQUESTED),
            SUBMITTED,
            Rule(owner, needs_evidence),
            visibility=Visibility.PARTICIPANTS,
            notify=notices.submitted,
        ),
        Transition(
            "accept",
            _("Accept as done"),
            (SUBMITTED,),
            DONE,
            Rule(reviewer),
            visibility=Visibility.PARTICIPANTS,
            notify=notices.reviewed,
        ),
        Transition(
            "request_changes",
            _("Request changes"),
            (SUBMITTED,),
            CHANGES_REQUESTED,
            Rule(reviewer),
            requires_comment=True,
            visibility=Visibility.PARTICIPANTS,
            notify=notices.reviewed,
        ),
        Transition(
            "delay",
            _("Report a delay"),
            (PLANNED, IN_PROGRESS),
            DELAYED,
            Rule(owner_or_manager),
            requires_comment=True,
            visibility=Visibility.PARTICIPANTS,
            notify=notices.delayed,
        ),
        Transition(
            "resume",
            _("Resume the work"),
            (DELAYED,),
            IN_PROGRESS,
            Rule(owner_or_manager),
            visibility=Visibility.PARTICIPANTS,
        ),
    ]
