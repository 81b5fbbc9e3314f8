"""Milestones of pilots and of cohort start-ups: one mechanism (``portal.milestones``), two
owners. Each model says who owns the work, who else may read it and where its screens are;
the state moves only through the one milestone pipeline of the workflow engine."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.links import link
from portal.milestones.forms import MilestoneAdminForm
from portal.milestones.models import Milestone


class PilotMilestone(Milestone):
    """A pilot's milestone: the lead organisation's owners and editors do the work; the pilot's
    participants (its organisation's members, involved agencies' liaisons) read it."""

    pilot = models.ForeignKey(
        "programs.Pilot",
        verbose_name=_("pilot"),
        on_delete=models.CASCADE,
        related_name="milestones",
    )

    base_form_class = MilestoneAdminForm

    class Meta(Milestone.Meta):
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")

    def owned_by(self, user):
        from programs.pilots.permissions import is_lead

        return is_lead(user, self.pilot)

    def viewable_by(self, user):
        from programs.pilots.permissions import can_view_private

        return can_view_private(user, self.pilot)[0]

    def closed_reason(self):
        if self.pilot.is_closed:
            return str(_("A closed pilot can no longer be edited."))
        return ""

    @classmethod
    def reminder_candidates(cls, queryset):
        return queryset.exclude(pilot__state__in=("adopted", "discontinued")).select_related(
            "pilot"
        )

    def owners(self):
        from programs.pilots.notices import lead_members

        return lead_members(self.pilot)

    def subject_label(self):
        return self.pilot.title

    def member_url(self):
        return link("programs:pilot_milestone_detail", self.pilot_id, self.pk)

    def review_url(self):
        return self.member_url()

    def evidence_url(self):
        return link("programs:pilot_milestone_evidence", self.pilot_id, self.pk)


class CohortMilestone(Milestone):
    """A cohort start-up's milestone: the start-up's members do the work and submit the
    evidence; program managers review it in the admin."""

    member = models.ForeignKey(
        "programs.CohortMember",
        verbose_name=_("start-up"),
        on_delete=models.CASCADE,
        related_name="milestones",
    )

    base_form_class = MilestoneAdminForm

    class Meta(Milestone.Meta):
        verbose_name = _("start-up milestone")
        verbose_name_plural = _("start-up milestones")

    def owned_by(self, user):
        from programs.mentoring.permissions import speaks_for

        return speaks_for(user, self.member)

    def owners(self):
        from django.contrib.auth import get_user_model

        return (
            get_user_model()
            .objects.filter(
                is_active=True, memberships__organisation_id=self.member.organisation_id
            )
            .distinct()
        )

    @classmethod
    def reminder_candidates(cls, queryset):
        return queryset.select_related("member__organisation", "member__cohort")

    def subject_label(self):
        return f"{self.member.organisation.name} · {self.member.cohort.local_title}"

    def member_url(self):
        return link("programs:cohort_milestone", self.pk)

    def review_url(self):
        return link("cohort_milestones:review", self.pk)

    def evidence_url(self):
        return link("programs:cohort_milestone_evidence", self.pk)
