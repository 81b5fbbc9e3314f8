"""Registration pipeline, declared for the portal's workflow engine (docs/workflow.md, docs/events.md).

confirmed | waitlisted → confirmed (promotion) | cancelled; confirmed → attended | no_show.
A registration is born confirmed or waitlisted by ``services.register`` (the event row locked);
every later move goes through ``apply_transition``.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.models import Visibility
from portal.workflow import Pipeline, Transition

from . import permissions


class RegistrationState(models.TextChoices):
    CONFIRMED = "confirmed", _("Confirmed")
    WAITLISTED = "waitlisted", _("Waiting list")
    CANCELLED = "cancelled", _("Cancelled")
    ATTENDED = "attended", _("Attended")
    NO_SHOW = "no_show", _("Did not attend")


CONFIRMED, WAITLISTED, CANCELLED, ATTENDED, NO_SHOW = RegistrationState.values


class RegistrationPipeline(Pipeline):
    name = "events.registration"
    states = RegistrationState
    transitions = [
        Transition(
            "promote",
            _("Move off the waiting list"),
            (WAITLISTED,),
            CONFIRMED,
            permissions.can_promote,
        ),
        Transition(
            "cancel", _("Cancel"), (CONFIRMED, WAITLISTED), CANCELLED, permissions.can_cancel
        ),
        Transition(
            "check_in",
            _("Mark attended"),
            (CONFIRMED,),
            ATTENDED,
            permissions.can_manage_events,
            visibility=Visibility.STAFF,
        ),
        Transition(
            "no_show",
            _("Mark as not attended"),
            (CONFIRMED,),
            NO_SHOW,
            permissions.can_manage_events,
            visibility=Visibility.STAFF,
        ),
    ]
