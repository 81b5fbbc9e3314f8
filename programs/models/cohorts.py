"""Accelerator cohorts: the batches of a programme that start-ups (or support organisations) join.

A cohort is a record, not a page: it belongs to a programme (``ProgrammePage``), carries dates,
eligibility, a rubric and questions that program managers keep in the admin, and the public reads
it as a sub-route of ``/accelerator/`` (``AcceleratorIndexPage``), like pilots under ``/pilots/``.
Why a record: applications, members and reviews point at one row whatever the language, and the
admin edits dates and capacity without a page revision (see docs/accelerator.md).
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.fields import StreamField
from wagtail.search import index

from events.blocks import QUESTION_BLOCKS
from partners.models.calls import OrganisationKindsField
from partners.models.organisations import OrganisationKind


class CohortKind(models.TextChoices):
    ACCELERATOR = "accelerator", _("Start-up accelerator")
    SSO_TRAINING = "sso_training", _("Training for start-up support organisations")


class CohortStatus(models.TextChoices):
    UPCOMING = "upcoming", _("Opens soon")
    OPEN = "open", _("Open for applications")
    SELECTING = "selecting", _("Selection under way")
    RUNNING = "running", _("Running")
    COMPLETED = "completed", _("Completed")


# Who may apply when a cohort names no kinds: start-ups for an accelerator, SSOs for training.
DEFAULT_KINDS = {
    CohortKind.ACCELERATOR: [OrganisationKind.STARTUP],
    CohortKind.SSO_TRAINING: [OrganisationKind.STARTUP_SUPPORT],
}


class CohortQuerySet(models.QuerySet):
    def public(self):
        return self.filter(published=True)

    def current(self, today=None):
        """Not yet over: open, selecting or running (or about to open)."""
        today = today or timezone.localdate()
        return self.public().filter(ends_on__gte=today)

    def past(self, today=None):
        today = today or timezone.localdate()
        return self.public().filter(ends_on__lt=today)


class Cohort(index.Indexed, models.Model):
    programme = models.ForeignKey(
        "programs.ProgrammePage",
        verbose_name=_("programme"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="cohorts",
        help_text=_("The programme this cohort belongs to (its English page)."),
    )
    title = models.CharField(_("title"), max_length=200)
    title_id = models.CharField(_("title (Bahasa Indonesia)"), max_length=200, blank=True)
    slug = models.SlugField(_("slug"), max_length=220, unique=True, blank=True)
    kind = models.CharField(
        _("kind"), max_length=20, choices=CohortKind.choices, default=CohortKind.ACCELERATOR
    )
    batch = models.PositiveSmallIntegerField(_("batch"), default=1)
    summary = models.CharField(_("summary"), max_length=300, blank=True)
    summary_id = models.CharField(_("summary (Bahasa Indonesia)"), max_length=300, blank=True)
    description = models.TextField(_("description"), blank=True)
    description_id = models.TextField(_("description (Bahasa Indonesia)"), blank=True)
    theme = models.CharField(
        _("track or theme"), max_length=200, blank=True, help_text=_("Shown on the cohort page.")
    )
    theme_id = models.CharField(
        _("track or theme (Bahasa Indonesia)"),
        max_length=200,
        blank=True,
        help_text=_("Shown on the Indonesian cohort page; the English one when empty."),
    )
    pillars = models.ManyToManyField("portal.Pillar", verbose_name=_("pillars"), blank=True)
    challenges = models.ManyToManyField(
        "partners.ChallengePage",
        verbose_name=_("sandbox challenges"),
        blank=True,
        related_name="cohorts",
        help_text=_("Agency sandbox challenges the cohort's start-ups work on."),
    )
    eligible_kinds = OrganisationKindsField(
        _("eligible organisation kinds"),
        default=list,
        blank=True,
        help_text=_(
            "Leave empty: start-ups for an accelerator, support organisations for training."
        ),
    )
    opens_at = models.DateTimeField(_("applications open"))
    closes_at = models.DateTimeField(
        _("applications close"),
        help_text=_("Applications must be submitted before this moment (Asia/Jakarta)."),
    )
    selection_on = models.DateField(_("selection announced"), null=True, blank=True)
    starts_on = models.DateField(_("programme starts"))
    ends_on = models.DateField(_("programme ends"))
    demo_day_on = models.DateField(_("demo day"), null=True, blank=True)
    demo_day_event = models.ForeignKey(
        "events.EventPage",
        verbose_name=_("demo day event"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    capacity = models.PositiveSmallIntegerField(
        _("places"), default=12, validators=[MinValueValidator(1), MaxValueValidator(500)]
    )
    questions = StreamField(
        QUESTION_BLOCKS,
        blank=True,
        verbose_name=_("application questions"),
        help_text=_("Asked on the application form, besides pitch, problem, solution and team."),
    )
    rubric = models.ForeignKey(
        "portal.Rubric",
        verbose_name=_("selection rubric"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    blind_review = models.BooleanField(
        _("blind first round"),
        default=False,
        help_text=_(
            "Reviewers do not see the applicant's name or organisation in the first round."
        ),
    )
    published = models.BooleanField(_("published"), default=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = CohortQuerySet.as_manager()

    # The site search (programs/search_sources.py) finds a cohort in either language.
    search_fields = [
        index.SearchField("title", boost=3),
        index.SearchField("title_id", boost=3),
        index.AutocompleteField("title"),
        index.SearchField("summary", boost=2),
        index.SearchField("summary_id", boost=2),
        index.SearchField("theme", boost=2),
        index.SearchField("theme_id", boost=2),
        index.SearchField("description"),
        index.SearchField("description_id"),
        index.FilterField("published"),
    ]

    class Meta:
        verbose_name = _("cohort")
        verbose_name_plural = _("cohorts")
        ordering = ["-starts_on", "-pk"]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if not self.slug:
            base = slugify(self.title)[:200] or "cohort"
            slug, number = base, 2
            while Cohort.objects.filter(slug=slug).exclude(pk=self.pk).exists():
                slug, number = f"{base}-{number}", number + 1
            self.slug = slug
        super().save(*args, **kwargs)

    def clean(self):
        errors = {}
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            errors["closes_at"] = _("Applications must close after they open.")
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            errors["ends_on"] = _("The programme must end after it starts.")
        if (
            self.closes_at
            and self.starts_on
            and self.starts_on < timezone.localdate(self.closes_at)
        ):
            errors["starts_on"] = _("The programme starts after applications close.")
        if errors:
            raise ValidationError(errors)

    # --- reading, in the visitor's language ---
    def _local(self, name):
        if translation.get_language() == "id" and getattr(self, f"{name}_id"):
            return getattr(self, f"{name}_id")
        return getattr(self, name)

    @property
    def local_title(self):
        return self._local("title")

    @property
    def local_summary(self):
        return self._local("summary")

    @property
    def local_description(self):
        return self._local("description")

    @property
    def local_theme(self):
        return self._local("theme")

    def is_open(self, now=None):
        now = now or timezone.now()
        return self.published and self.opens_at <= now < self.closes_at

    @property
    def status(self):
        now = timezone.now()
        today = timezone.localdate()
        if now < self.opens_at:
            return CohortStatus.UPCOMING
        if now < self.closes_at:
            return CohortStatus.OPEN
        if today < self.starts_on:
            return CohortStatus.SELECTING
        if today <= self.ends_on:
            return CohortStatus.RUNNING
        return CohortStatus.COMPLETED

    def get_status_display(self):
        return CohortStatus(self.status).label

    @property
    def kinds(self):
        return self.eligible_kinds or [str(k) for k in DEFAULT_KINDS[self.kind]]

    def accepts_kind(self, kind):
        return kind in self.kinds

    def eligible_kind_labels(self):
        labels = dict(OrganisationKind.choices)
        return [labels.get(kind, kind) for kind in self.kinds]

    def seats_taken(self):
        return self.applications.filter(state="accepted").count()


class CohortMember(models.Model):
    """An organisation taking part in a cohort: a start-up supported or an SSO trained."""

    cohort = models.ForeignKey(
        Cohort, verbose_name=_("cohort"), on_delete=models.CASCADE, related_name="members"
    )
    organisation = models.ForeignKey(
        "partners.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="cohort_memberships",
    )
    application = models.OneToOneField(
        "programs.CohortApplication",
        verbose_name=_("application"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="member",
    )
    joined_on = models.DateField(_("joined"), default=timezone.localdate)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("cohort member")
        verbose_name_plural = _("cohort members")
        ordering = ["organisation__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["cohort", "organisation"], name="one_membership_per_cohort"
            )
        ]

    def __str__(self):
        return f"{self.organisation} · {self.cohort}"


class ReviewerConflict(models.Model):
    """A conflict of interest a reviewer (or a program manager for them) declared."""

    cohort = models.ForeignKey(
        Cohort, verbose_name=_("cohort"), on_delete=models.CASCADE, related_name="conflicts"
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewer"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    organisation = models.ForeignKey(
        "partners.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    reason = models.CharField(_("reason"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("declared conflict of interest")
        verbose_name_plural = _("declared conflicts of interest")
        constraints = [
            models.UniqueConstraint(
                fields=["cohort", "reviewer", "organisation"], name="one_conflict_declaration"
            )
        ]

    def __str__(self):
        return f"{self.reviewer} · {self.organisation}"
