"""Demo day and after: organisations' interest in a cohort's start-ups, and the outcomes the
start-ups report over time. Both move only through the workflow engine
(programs/cohorts/demo_day_workflows.py); an interest may become a pilot (origin "cohort
start-up"), and only verified outcomes are ever public."""

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from programs.cohorts.demo_day_workflows import (
    InterestPipeline,
    InterestState,
    OutcomePipeline,
    OutcomeState,
)

NOTE_LENGTH = 2000


class DemoDayInterest(models.Model):
    """An agency's (or a partner organisation's) interest in a cohort start-up."""

    member = models.ForeignKey(
        "programs.CohortMember",
        verbose_name=_("start-up"),
        on_delete=models.CASCADE,
        related_name="interests",
    )
    organisation = models.ForeignKey(
        "partners.Organisation",
        verbose_name=_("interested organisation"),
        on_delete=models.CASCADE,
        related_name="demo_day_interests",
    )
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("registered by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    note = models.TextField(_("note"), max_length=NOTE_LENGTH, blank=True)
    state = models.CharField(
        _("state"),
        max_length=20,
        choices=InterestState.choices,
        default=InterestState.OPEN,
        db_index=True,
    )
    pilot = models.ForeignKey(
        "programs.Pilot",
        verbose_name=_("pilot"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("registered"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    workflow = InterestPipeline

    class Meta:
        verbose_name = _("demo-day interest")
        verbose_name_plural = _("demo-day interests")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["member", "organisation"],
                condition=models.Q(state="open"),
                name="one_open_interest_per_party",
            )
        ]

    def __str__(self):
        return f"{self.organisation} → {self.member.organisation}"


class OutcomeKind(models.TextChoices):
    FUNDING = "funding_idr", _("Funding raised (IDR)")
    JOBS = "jobs", _("Jobs created")
    CUSTOMERS = "customers", _("Customers")
    PILOTS = "pilots", _("Pilots started")
    SERVICES = "services", _("Services adopted")


class StartupOutcome(models.Model):
    """A figure a cohort start-up reports for a period; public once a program manager verified it."""

    member = models.ForeignKey(
        "programs.CohortMember",
        verbose_name=_("start-up"),
        on_delete=models.CASCADE,
        related_name="outcomes",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=OutcomeKind.choices)
    value = models.PositiveBigIntegerField(_("value"), validators=[MaxValueValidator(10**15)])
    period_on = models.DateField(_("as of"), help_text=_("The date or end of the period reported."))
    evidence = models.TextField(_("evidence"), max_length=NOTE_LENGTH, blank=True)
    state = models.CharField(
        _("state"),
        max_length=20,
        choices=OutcomeState.choices,
        default=OutcomeState.REPORTED,
        db_index=True,
    )
    # The last reason a program manager returned it for (also on the timeline): the start-up
    # reads it on its outcome's page until it reports again.
    returned_reason = models.TextField(_("reason returned"), blank=True)
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reported by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("verified by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    verified_at = models.DateTimeField(_("verified"), null=True, blank=True)
    created_at = models.DateTimeField(_("reported"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    workflow = OutcomePipeline

    class Meta:
        verbose_name = _("start-up outcome")
        verbose_name_plural = _("start-up outcomes")
        ordering = ["-period_on", "-pk"]

    def __str__(self):
        return f"{self.member.organisation} · {self.get_kind_display()}: {self.value}"
