"""Government responses: one per (recommendation, target agency), moved by the workflow engine."""

from datetime import timedelta

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from programs.workflows import AWAITING, GovernmentResponsePipeline, ResponseState

OVERDUE_AFTER_DAYS = 60

__all__ = ["AWAITING", "GovernmentResponse", "ResponseState"]


class GovernmentResponseQuerySet(models.QuerySet):
    def awaiting(self):
        """No decision yet: pending or under consideration."""
        return self.filter(state__in=AWAITING)

    def overdue(self, days=OVERDUE_AFTER_DAYS):
        """Awaiting the agency's decision for more than ``days`` days since it was asked."""
        return self.awaiting().filter(requested_at__lt=timezone.now() - timedelta(days=days))

    def for_liaison(self, user):
        """Responses of the agencies ``user`` is a liaison of."""
        return self.filter(agency__memberships__user=user, agency__memberships__role="liaison")


class GovernmentResponse(models.Model):
    recommendation = models.ForeignKey(
        "programs.PolicyRecommendationPage",
        verbose_name=_("recommendation"),
        on_delete=models.CASCADE,
        related_name="government_responses",
    )
    agency = models.ForeignKey(
        "partners.Organisation",
        verbose_name=_("agency"),
        on_delete=models.PROTECT,
        related_name="government_responses",
        limit_choices_to={"kind": "agency"},
    )
    state = models.CharField(
        _("state"),
        max_length=30,
        choices=GovernmentResponsePipeline.choices(),
        default=ResponseState.PENDING,
        db_index=True,
    )
    response_text = models.TextField(_("response"), blank=True, max_length=10000)
    response_text_id = models.TextField(
        _("response (Bahasa Indonesia)"), blank=True, max_length=10000
    )
    responded_on = models.DateField(_("response date"), null=True, blank=True)
    reference = models.CharField(
        _("reference"),
        max_length=200,
        blank=True,
        help_text=_("Decree, regulation or letter number."),
    )
    implemented_on = models.DateField(_("implemented on"), null=True, blank=True)
    requested_at = models.DateTimeField(_("requested"), default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = GovernmentResponseQuerySet.as_manager()
    workflow = GovernmentResponsePipeline

    class Meta:
        verbose_name = _("government response")
        verbose_name_plural = _("government responses")
        ordering = ["-requested_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["recommendation", "agency"], name="one_response_per_agency"
            )
        ]

    def __str__(self):
        return f"{self.agency} · {self.recommendation}"

    def public_pages(self):
        """Pages whose public view a change to this response alters (portal/cache.py)."""
        return [self.recommendation]

    @property
    def is_awaiting(self):
        return self.state in AWAITING

    @property
    def is_overdue(self):
        limit = timezone.now() - timedelta(days=OVERDUE_AFTER_DAYS)
        return self.is_awaiting and self.requested_at < limit
