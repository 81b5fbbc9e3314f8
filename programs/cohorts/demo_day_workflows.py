"""The demo-day pipelines, declared for the portal's workflow engine (docs/workflow.md).

- An organisation's interest in a cohort start-up: open → withdrawn | pilot (it became a pilot).
- A start-up's reported outcome: reported → verified | returned (with the reason the start-up
  reads); returned → reported when the start-up corrects it.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.models import Visibility
from portal.workflow import Pipeline, Transition

from . import demo_day_notices as notices
from . import permissions


class InterestState(models.TextChoices):
    OPEN = "open", _("Open")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    PILOT = "pilot", _("Became a pilot")


class OutcomeState(models.TextChoices):
    REPORTED = "reported", _("Reported")
    VERIFIED = "verified", _("Verified")
    RETURNED = "returned", _("Returned")


class InterestPipeline(Pipeline):
    name = "programs.demo_day_interest"
    states = InterestState
    transitions = [
        Transition(
            "withdraw",
            _("Withdraw the interest"),
            ("open",),
            "withdrawn",
            permissions.can_withdraw_interest,
            notify=notices.interest_moved,
        ),
        # Taken only by programs.cohorts.demo_day.start_pilot_from_interest, which creates it.
        Transition(
            "start_pilot",
            _("Start a pilot"),
            ("open",),
            "pilot",
            permissions.can_start_pilot_from_interest,
            notify=notices.interest_moved,
        ),
    ]


class OutcomePipeline(Pipeline):
    name = "programs.startup_outcome"
    states = OutcomeState
    transitions = [
        Transition(
            "verify",
            _("Verify"),
            ("reported",),
            "verified",
            permissions.can_verify_outcome,
            visibility=Visibility.PARTICIPANTS,
            notify=notices.outcome_moved,
        ),
        Transition(
            "return",
            _("Return with a reason"),
            ("reported",),
            "returned",
            permissions.can_verify_outcome,
            requires_comment=True,
            notify=notices.outcome_moved,
        ),
        # Taken by programs.cohorts.outcomes.correct_outcome, with the corrected figures.
        Transition(
            "resubmit",
            _("Report again"),
            ("returned",),
            "reported",
            permissions.can_correct_outcome,
            notify=notices.outcome_reported,
        ),
    ]
