"""Reviews and scoring: rubrics with weighted criteria, assignments, reviews and their scores.

One machinery for every app that reviews something (proposals, cohort applications, challenge
responses, hackathon judging). The reviewed item is any model instance, referenced generically
like ``TimelineEntry``; the item's model takes part through a small protocol (docs/reviews.md).
Writes go through ``portal.reviews.services``.
"""

from decimal import Decimal

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable


class Rubric(ClusterableModel):
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("description"), InlinePanel("criteria", min_num=1)]

    class Meta:
        verbose_name = _("rubric")
        verbose_name_plural = _("rubrics")
        ordering = ["name", "pk"]

    def __str__(self):
        return self.name


class Criterion(Orderable):
    rubric = ParentalKey(Rubric, on_delete=models.CASCADE, related_name="criteria")
    label = models.CharField(_("label"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    weight = models.DecimalField(
        _("weight"),
        max_digits=5,
        decimal_places=2,
        default=Decimal(1),
        validators=[MinValueValidator(Decimal("0.01"))],
        help_text=_("How much this criterion counts against the others; more than zero."),
    )
    min_score = models.PositiveSmallIntegerField(_("lowest score"), default=1)
    max_score = models.PositiveSmallIntegerField(_("highest score"), default=5)
    anchors = models.TextField(
        _("anchors"),
        blank=True,
        help_text=_("What a low, a middle and a high score mean. Reviewers see this."),
    )

    panels = [
        FieldPanel("label"),
        FieldPanel("description"),
        MultiFieldPanel(
            [FieldPanel("weight"), FieldPanel("min_score"), FieldPanel("max_score")],
            heading=_("Scoring"),
        ),
        FieldPanel("anchors"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(max_score__gt=models.F("min_score")),
                name="criterion_max_above_min",
            ),
            models.CheckConstraint(
                condition=models.Q(weight__gt=0), name="criterion_weight_positive"
            ),
        ]

    def __str__(self):
        return self.label

    def clean(self):
        super().clean()
        bounds = (self.min_score, self.max_score)
        if None not in bounds and self.max_score <= self.min_score:
            raise ValidationError(
                {"max_score": _("The highest score must be above the lowest score.")}
            )

    @property
    def score_range(self):
        return range(self.min_score, self.max_score + 1)


class ReviewAssignmentQuerySet(models.QuerySet):
    def for_item(self, obj):
        return self.filter(
            content_type=ContentType.objects.get_for_model(obj), object_id=str(obj.pk)
        )

    def for_reviewer(self, user):
        return self.filter(reviewer=user)


class ReviewAssignment(models.Model):
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.CharField(max_length=64)
    item = GenericForeignKey("content_type", "object_id")
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewer"),
        on_delete=models.CASCADE,
        related_name="review_assignments",
    )
    rubric = models.ForeignKey(
        Rubric, verbose_name=_("rubric"), on_delete=models.PROTECT, related_name="assignments"
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("assigned"), auto_now_add=True)

    objects = ReviewAssignmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("review assignment")
        verbose_name_plural = _("review assignments")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "reviewer"],
                name="unique_review_assignment",
            ),
        ]  # its index also serves for_item()

    def __str__(self):
        return f"{self.reviewer} · {self.item}"

    @property
    def status(self):
        """How far the reviewer got: "done", "draft" or "new"."""
        review = getattr(self, "review", None)
        if review is None:
            return "new"
        return "done" if review.is_submitted else "draft"


class Recommendation(models.TextChoices):
    ACCEPT = "accept", _("Accept")
    CHANGES = "changes", _("Request changes")
    DECLINE = "decline", _("Decline")


class Review(models.Model):
    assignment = models.OneToOneField(
        ReviewAssignment,
        verbose_name=_("assignment"),
        on_delete=models.CASCADE,
        related_name="review",
    )
    recommendation = models.CharField(
        _("recommendation"), max_length=20, choices=Recommendation.choices, blank=True
    )
    comment_for_staff = models.TextField(_("comment for program managers"), blank=True)
    comment_for_applicant = models.TextField(_("comment shared with the applicant"), blank=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("review")
        verbose_name_plural = _("reviews")
        ordering = ["-updated_at", "-pk"]

    def __str__(self):
        return str(self.assignment)

    @property
    def is_submitted(self):
        return self.submitted_at is not None

    @property
    def weighted_score(self):
        """The review's overall score on a 0-100 scale, or None before any criterion is scored.

        Each score is first placed on its criterion's own range (min → 0, max → 1), so a 1-10
        criterion cannot outweigh a 1-5 one by its scale alone; the weighted mean of those
        fractions is then multiplied by 100. Prefetch ``scores__criterion`` when listing many.
        """
        total = weights = Decimal(0)
        for score in self.scores.all():
            criterion = score.criterion
            span = Decimal(criterion.max_score - criterion.min_score)
            total += criterion.weight * (Decimal(score.score - criterion.min_score) / span)
            weights += criterion.weight
        if not weights:
            return None
        return round(float(total / weights * 100), 2)


class CriterionScore(models.Model):
    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(
        Criterion, verbose_name=_("criterion"), on_delete=models.CASCADE, related_name="+"
    )
    score = models.PositiveSmallIntegerField(_("score"))

    class Meta:
        verbose_name = _("criterion score")
        verbose_name_plural = _("criterion scores")
        ordering = ["criterion__sort_order", "criterion__pk"]
        constraints = [
            models.UniqueConstraint(fields=["review", "criterion"], name="unique_criterion_score"),
        ]

    def __str__(self):
        return f"{self.criterion}: {self.score}"
