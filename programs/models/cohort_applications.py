"""Applications to a cohort: what an organisation submits, reviewed and decided in the open."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.uploads import private_storage
from programs.cohorts.workflows import (
    EDITABLE_STATES,
    FIRST_ROUND,
    OPEN_STATES,
    ApplicationPipeline,
    ApplicationState,
)

MAX_ATTACHMENTS = 5
REQUIRED_TO_SUBMIT = ("pitch", "problem", "solution", "team")


class ApplicationQuerySet(models.QuerySet):
    def for_member(self, user):
        """Applications of the organisations the user belongs to, and those they co-author."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(
            models.Q(organisation__memberships__user=user) | models.Q(co_authors=user)
        ).distinct()


class CohortApplication(models.Model):
    cohort = models.ForeignKey(
        "programs.Cohort",
        verbose_name=_("cohort"),
        on_delete=models.PROTECT,
        related_name="applications",
    )
    organisation = models.ForeignKey(
        "partners.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="cohort_applications",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    co_authors = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("co-authors"),
        blank=True,
        related_name="co_authored_cohort_applications",
    )
    pitch = models.TextField(_("pitch"), max_length=1000, blank=True)
    problem = models.TextField(_("problem"), max_length=5000, blank=True)
    solution = models.TextField(_("solution"), max_length=5000, blank=True)
    team = models.TextField(_("team"), max_length=3000, blank=True)
    needs = models.TextField(_("what you need from the programme"), max_length=3000, blank=True)
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    state = models.CharField(
        _("state"),
        max_length=30,
        choices=ApplicationState.choices,
        default=ApplicationState.DRAFT,
        db_index=True,
    )
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ApplicationQuerySet.as_manager()
    workflow = ApplicationPipeline
    review_template = "programs/cohorts/review_summary.html"

    class Meta:
        verbose_name = _("cohort application")
        verbose_name_plural = _("cohort applications")
        ordering = ["-updated_at"]
        indexes = [models.Index(fields=["cohort", "state"])]
        constraints = [
            models.UniqueConstraint(
                fields=["cohort", "organisation"],
                condition=~models.Q(state="withdrawn"),
                name="one_open_application_per_cohort",
            )
        ]

    def __str__(self):
        # Never the applicant's name: reviewers' lists and exports show str(item), and a blind
        # round must not reveal who applied. Program managers' screens name the organisation.
        return str(_("Application A-%(number)04d") % {"number": self.pk or 0})

    @property
    def reference(self):
        return str(self)

    @property
    def is_editable(self):
        return self.state in EDITABLE_STATES

    @property
    def is_open(self):
        return self.state in OPEN_STATES

    @property
    def is_blind(self):
        """Reviewers see no name or organisation: the cohort's blind first round."""
        return self.cohort.blind_review and self.state in FIRST_ROUND

    def missing_for_submission(self):
        missing = [
            str(self._meta.get_field(name).verbose_name)
            for name in REQUIRED_TO_SUBMIT
            if not (getattr(self, name) or "").strip()
        ]
        for block in self.cohort.questions:
            question = block.value["question"]
            if block.value["required"] and not (self.answers or {}).get(question):
                missing.append(question)
        return missing

    def answer_list(self):
        answers = self.answers or {}
        return [
            (b.value["question"], answers.get(b.value["question"], ""))
            for b in self.cohort.questions
        ]

    # --- the review machinery's protocol (portal/reviews) ---
    def review_conflict(self, user):
        """Why ``user`` may not review this application, or "" when they may."""
        if self.organisation.memberships.filter(user=user).exists():
            return str(_("This reviewer belongs to the applying organisation."))
        if user.pk == self.created_by_id or self.co_authors.filter(pk=user.pk).exists():
            return str(_("This reviewer is an author of the application."))
        from programs.models import ReviewerConflict

        declared = ReviewerConflict.objects.filter(
            cohort_id=self.cohort_id, reviewer=user, organisation_id=self.organisation_id
        ).first()
        if declared:
            return str(_("This reviewer declared a conflict of interest: %(reason)s")) % {
                "reason": declared.reason or "—"
            }
        return ""

    def is_open_for_review(self):
        return self.state in ("in_review", "shortlisted", "interview")


class CohortApplicationAttachment(models.Model):
    """A file attached to an application: type sniffed, size capped, served after a check."""

    application = models.ForeignKey(
        CohortApplication,
        on_delete=models.CASCADE,
        related_name="attachments",
        verbose_name=_("application"),
    )
    file = models.FileField(_("file"), upload_to="cohorts/%Y/%m/", storage=private_storage)
    name = models.CharField(_("file name"), max_length=200)
    mime_type = models.CharField(_("type"), max_length=100)
    size = models.PositiveIntegerField(_("size (bytes)"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        verbose_name = _("application attachment")
        verbose_name_plural = _("application attachments")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.name
