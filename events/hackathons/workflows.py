"""Hackathon submission pipeline, declared for the portal's workflow engine (docs/hackathons.md).

draft → submitted (until the deadline) → judged → awarded; disqualified by staff from any
state before awarded (with a reason the team is told), reinstated by staff.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.models import Visibility
from portal.workflow import Notice, Pipeline, Transition

from . import permissions


class SubmissionState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    JUDGED = "judged", _("Judged")
    AWARDED = "awarded", _("Awarded")
    DISQUALIFIED = "disqualified", _("Disqualified")


DRAFT, SUBMITTED, JUDGED, AWARDED, DISQUALIFIED = SubmissionState.values


def _tell_team(title):
    def notices(submission, entry):
        members = [m.user for m in submission.team.memberships.select_related("user")]
        body = entry.comment or str(submission)
        return [Notice(members, title=title, body=body, url=submission.hackathon.url or "")]

    return notices


class SubmissionPipeline(Pipeline):
    name = "events.hackathon_submission"
    states = SubmissionState
    transitions = [
        Transition(
            "submit",
            _("Submit"),
            (DRAFT,),
            SUBMITTED,
            permissions.can_submit,
            notify=_tell_team(_("Your hackathon project is submitted")),
        ),
        Transition(
            "mark_judged",
            _("Mark judged"),
            (SUBMITTED,),
            JUDGED,
            permissions.can_manage_hackathons,
            visibility=Visibility.STAFF,
        ),
        Transition(
            "award",
            _("Award"),
            (SUBMITTED, JUDGED),
            AWARDED,
            permissions.can_manage_hackathons,
            visibility=Visibility.PUBLIC,
            notify=_tell_team(_("Your hackathon project won a prize")),
        ),
        Transition(
            "disqualify",
            _("Disqualify"),
            (DRAFT, SUBMITTED, JUDGED),
            DISQUALIFIED,
            permissions.can_manage_hackathons,
            requires_comment=True,
            notify=_tell_team(_("Your hackathon project was disqualified")),
        ),
        Transition(
            "reinstate",
            _("Reinstate"),
            (DISQUALIFIED,),
            SUBMITTED,
            permissions.can_manage_hackathons,
            notify=_tell_team(_("Your hackathon project was reinstated")),
        ),
    ]
