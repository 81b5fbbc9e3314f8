"""The two pilot pipelines, declared for the portal's workflow engine (docs/pilots.md).

Pilot: proposed → agency_review → approved → piloting → evaluation → adopted | discontinued,
evaluation → piloting for an extension. Agency involvement: invited → accepted | declined
(by that agency's liaison) → adopted. Every pilot step is public once the pilot is published.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.models import Visibility
from portal.workflow import Pipeline, Transition

from . import notices
from .permissions import (
    Rule,
    can_decide_for_agency,
    manager,
    manager_or_agency,
    manager_or_lead,
    needs_adoption_record,
    needs_evaluation,
    needs_host_invited,
    needs_hosts_accepted,
)


class PilotState(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    AGENCY_REVIEW = "agency_review", _("Agency review")
    APPROVED = "approved", _("Approved")
    PILOTING = "piloting", _("Piloting")
    EVALUATION = "evaluation", _("Evaluation")
    ADOPTED = "adopted", _("Adopted")
    DISCONTINUED = "discontinued", _("Discontinued")


PROPOSED, REVIEW, APPROVED, PILOTING, EVALUATION, ADOPTED, DISCONTINUED = PilotState.values
OPEN_STATES = (PROPOSED, REVIEW, APPROVED, PILOTING, EVALUATION)


class PilotPipeline(Pipeline):
    name = "programs.pilot"
    states = PilotState
    transitions = [
        Transition(
            "request_review",
            _("Ask the agencies to review"),
            (PROPOSED,),
            REVIEW,
            Rule(manager_or_lead, needs_host_invited),
            visibility=Visibility.PUBLIC,
            notify=notices.pilot_moved,
        ),
        Transition(
            "approve",
            _("Approve"),
            (REVIEW,),
            APPROVED,
            Rule(manager, needs_hosts_accepted),
            visibility=Visibility.PUBLIC,
            notify=notices.pilot_moved,
        ),
        Transition(
            "start",
            _("Start piloting"),
            (APPROVED,),
            PILOTING,
            Rule(manager_or_lead),
            visibility=Visibility.PUBLIC,
            notify=notices.pilot_moved,
        ),
        Transition(
            "evaluate",
            _("Start the evaluation"),
            (PILOTING,),
            EVALUATION,
            Rule(manager_or_lead, needs_evaluation),
            visibility=Visibility.PUBLIC,
            notify=notices.pilot_moved,
        ),
        Transition(
            "extend",
            _("Extend the pilot"),
            (EVALUATION,),
            PILOTING,
            Rule(manager),
            requires_comment=True,
            visibility=Visibility.PUBLIC,
            notify=notices.pilot_moved,
        ),
        Transition(
            "adopt",
            _("Mark as adopted"),
            (EVALUATION,),
            ADOPTED,
            Rule(manager_or_agency, needs_adoption_record),
            visibility=Visibility.PUBLIC,
            notify=notices.pilot_moved,
        ),
        Transition(
            "discontinue",
            _("Discontinue"),
            OPEN_STATES,
            DISCONTINUED,
            Rule(manager_or_lead),
            requires_comment=True,
            visibility=Visibility.PUBLIC,
            notify=notices.pilot_moved,
        ),
    ]


class AgencyState(models.TextChoices):
    INVITED = "invited", _("Invited")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    ADOPTED = "adopted", _("Adopted")


def _has_record(involvement):
    if not hasattr(involvement, "adoption"):
        return False, _("Record the adoption first (date, legal basis, scale and service).")
    return True, ""


class PilotAgencyPipeline(Pipeline):
    name = "programs.pilot_agency"
    states = AgencyState
    transitions = [
        Transition(
            "accept",
            _("Accept"),
            ("invited",),
            "accepted",
            Rule(can_decide_for_agency),
            visibility=Visibility.PUBLIC,
            notify=notices.involvement_moved,
        ),
        Transition(
            "decline",
            _("Decline"),
            ("invited",),
            "declined",
            Rule(can_decide_for_agency),
            requires_comment=True,
            visibility=Visibility.PUBLIC,
            notify=notices.involvement_moved,
        ),
        Transition(
            "adopt",
            _("Record adoption"),
            ("accepted",),
            "adopted",
            Rule(can_decide_for_agency, _has_record),
            visibility=Visibility.PUBLIC,
            notify=notices.involvement_moved,
        ),
    ]
