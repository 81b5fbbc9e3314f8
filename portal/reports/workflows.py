"""The moderation of a report, in the workflow engine: open → hidden | dismissed; hidden →
restored. Every step needs a note; hiding and restoring tell the content's authors."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.models import Visibility
from portal.workflow import Pipeline, Transition

from . import notices, permissions


class ReportState(models.TextChoices):
    OPEN = "open", _("Open")
    HIDDEN = "hidden", _("Content hidden")
    DISMISSED = "dismissed", _("Dismissed")
    RESTORED = "restored", _("Content restored")


class ReportPipeline(Pipeline):
    name = "reports.report"
    states = ReportState
    transitions = [
        Transition(
            "hide",
            _("Hide the content"),
            (ReportState.OPEN,),
            ReportState.HIDDEN,
            allowed=permissions.can_hide,
            requires_comment=True,
            visibility=Visibility.STAFF,
            notify=notices.content_hidden,
        ),
        Transition(
            "dismiss",
            _("Dismiss the report"),
            (ReportState.OPEN,),
            ReportState.DISMISSED,
            allowed=permissions.can_moderate,
            requires_comment=True,
            visibility=Visibility.STAFF,
        ),
        Transition(
            "restore",
            _("Restore the content"),
            (ReportState.HIDDEN,),
            ReportState.RESTORED,
            allowed=permissions.can_moderate,
            requires_comment=True,
            visibility=Visibility.STAFF,
            notify=notices.content_restored,
        ),
    ]
