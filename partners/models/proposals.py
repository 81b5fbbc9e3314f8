"""Proposals: what an organisation submits to a call, reviewed and decided on in the open."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from partners.workflows import ProposalPipeline, ProposalState
from portal.uploads import private_storage

MAX_ATTACHMENTS = 10
# Fields that must be filled before a proposal can be submitted (drafts may be incomplete).
REQUIRED_TO_SUBMIT = ("title", "summary", "problem", "solution")
EDITABLE_STATES = (ProposalState.DRAFT, ProposalState.CHANGES_REQUESTED)
OPEN_STATES = (
    ProposalState.DRAFT,
    ProposalState.SUBMITTED,
    ProposalState.IN_REVIEW,
    ProposalState.CHANGES_REQUESTED,
)


class ProposalQuerySet(models.QuerySet):
    def for_member(self, user):
        """Proposals of the organisations the user belongs to, and those they co-author."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(
            models.Q(organisation__memberships__user=user) | models.Q(co_authors=user)
        ).distinct()


class Proposal(models.Model):
    call = models.ForeignKey(
        "partners.Call", verbose_name=_("call"), on_delete=models.PROTECT, related_name="proposals"
    )
    organisation = models.ForeignKey(
        "partners.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="proposals",
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
        related_name="co_authored_proposals",
    )
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), max_length=1000, blank=True)
    problem = models.TextField(_("problem"), max_length=10000, blank=True)
    solution = models.TextField(_("proposed solution"), max_length=10000, blank=True)
    pillars = models.ManyToManyField("portal.Pillar", verbose_name=_("pillars"), blank=True)
    sdgs = models.ManyToManyField(
        "portal.SustainableDevelopmentGoal", verbose_name=_("SDGs"), blank=True
    )
    target_agencies = models.ManyToManyField(
        "partners.Organisation",
        verbose_name=_("target agencies"),
        blank=True,
        related_name="proposals_targeting",
        limit_choices_to={"kind": "agency"},
    )
    requested_support = models.TextField(_("requested support"), max_length=5000, blank=True)
    budget_idr = models.PositiveBigIntegerField(
        _("budget (IDR)"), null=True, blank=True, validators=[MaxValueValidator(10**15)]
    )
    duration_months = models.PositiveSmallIntegerField(
        _("duration (months)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
    )
    team = models.TextField(_("team"), max_length=5000, blank=True)
    state = models.CharField(
        _("state"),
        max_length=30,
        choices=ProposalState.choices,
        default=ProposalState.DRAFT,
        db_index=True,
    )
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ProposalQuerySet.as_manager()
    workflow = ProposalPipeline
    # Shown to reviewers above the rubric (portal's review machinery).
    review_template = "partners/proposals/review_summary.html"

    class Meta:
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")
        ordering = ["-updated_at"]
        indexes = [models.Index(fields=["call", "state"])]

    def __str__(self):
        return self.title

    @property
    def is_editable(self):
        return self.state in EDITABLE_STATES

    @property
    def is_open(self):
        return self.state in OPEN_STATES

    def missing_for_submission(self):
        """Labels of the fields still empty that a submission needs."""
        return [
            str(self._meta.get_field(name).verbose_name)
            for name in REQUIRED_TO_SUBMIT
            if not (getattr(self, name) or "").strip()
        ]

    # --- the review machinery's protocol (portal/reviews) ---
    def review_conflict(self, user):
        """Why ``user`` may not review this proposal, or "" when they may."""
        if self.organisation.memberships.filter(user=user).exists():
            return str(_("This reviewer belongs to the submitting organisation."))
        if user.pk == self.created_by_id or self.co_authors.filter(pk=user.pk).exists():
            return str(_("This reviewer is an author of the proposal."))
        return ""

    def is_open_for_review(self):
        return self.state == ProposalState.IN_REVIEW


class ProposalAttachment(models.Model):
    """A file attached to a proposal: type sniffed, size capped, served only after a check."""

    proposal = models.ForeignKey(
        Proposal, on_delete=models.CASCADE, related_name="attachments", verbose_name=_("proposal")
    )
    file = models.FileField(_("file"), upload_to="proposals/%Y/%m/", storage=private_storage)
    name = models.CharField(_("file name"), max_length=200)
    mime_type = models.CharField(_("type"), max_length=100)
    size = models.PositiveIntegerField(_("size (bytes)"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.name
