"""The abstract milestone every app's milestones build on (``PilotMilestone``,
``CohortMilestone``): the fields, the queryset and the protocol a concrete model implements.

The state moves only through the workflow engine (``workflow = MilestonePipeline``). The
evidence file is private (``portal.uploads.private_storage``): it leaves only through a view
that checked ``permissions.can_view``.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.uploads import private_storage

from .workflows import OUTSTANDING, PUBLIC_STATES, MilestonePipeline, MilestoneState

EVIDENCE_LIMIT = 5000


class MilestoneQuerySet(models.QuerySet):
    def overdue(self, today=None):
        """Due before ``today`` (Asia/Jakarta) with work still owed."""
        today = today or timezone.localdate()
        return self.filter(due_on__lt=today, state__in=OUTSTANDING)

    def awaiting_review(self):
        return self.filter(state=MilestoneState.SUBMITTED)


class Milestone(models.Model):
    title = models.CharField(_("milestone"), max_length=200)
    title_id = models.CharField(_("milestone (Bahasa Indonesia)"), max_length=200, blank=True)
    due_on = models.DateField(_("due"))
    state = models.CharField(
        _("state"),
        max_length=20,
        choices=MilestoneState.choices,
        default=MilestoneState.PLANNED,
        db_index=True,
    )
    evidence = models.TextField(_("evidence"), max_length=EVIDENCE_LIMIT, blank=True)
    evidence_file = models.FileField(
        _("evidence file"), upload_to="milestones/%Y/%m/", storage=private_storage, blank=True
    )
    evidence_type = models.CharField(_("evidence file type"), max_length=100, blank=True)
    completed_on = models.DateField(_("completed on"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("overdue reminder sent"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = MilestoneQuerySet.as_manager()
    workflow = MilestonePipeline

    class Meta:
        abstract = True
        ordering = ["due_on", "pk"]

    def __str__(self):
        return self.title

    @property
    def is_overdue(self):
        return self.state in OUTSTANDING and self.due_on < timezone.localdate()

    @property
    def public_state(self):
        return PUBLIC_STATES[self.state]

    def get_public_state_display(self):
        return MilestoneState(self.public_state).label

    @classmethod
    def reminder_candidates(cls, queryset):
        """Narrow overdue milestones to those worth a reminder (e.g. not a closed pilot's)."""
        return queryset

    # --- the protocol each concrete milestone implements ---
    def owned_by(self, user) -> bool:
        """Whether ``user`` is on the team that does the work and submits the evidence."""
        raise NotImplementedError

    def viewable_by(self, user) -> bool:
        """Whether ``user``, not on the team, may still read it (the parent's participants)."""
        return False

    def closed_reason(self) -> str:
        """Why the team can no longer move it (its parent is closed), or ""."""
        return ""

    def owners(self):
        """The users told about reviews and reminders."""
        raise NotImplementedError

    def subject_label(self) -> str:
        """Whose milestone it is, for notices and admin lists (a pilot, a start-up)."""
        raise NotImplementedError

    def member_url(self):
        """The team's page for it (lazy, rendered in each recipient's language)."""
        raise NotImplementedError

    def review_url(self):
        """Where program managers review it."""
        raise NotImplementedError

    def evidence_url(self):
        """The checked download of the evidence file."""
        raise NotImplementedError
