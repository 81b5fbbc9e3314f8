"""Pilot projects: from an idea (proposal, challenge response, hackathon, cohort) to a service an
agency adopts. States move only through the workflow engine (programs/pilots/workflows.py)."""

from datetime import timedelta

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.search import index

from portal.uploads import private_storage
from programs.pilots.workflows import (
    AgencyState,
    PilotAgencyPipeline,
    PilotPipeline,
    PilotState,
)

REVIEW_OVERDUE_DAYS = 14
# The order of the stages a pilot reaches; the funnel counts pilots at or beyond each.
STAGES = [
    PilotState.PROPOSED,
    PilotState.AGENCY_REVIEW,
    PilotState.APPROVED,
    PilotState.PILOTING,
    PilotState.EVALUATION,
    PilotState.ADOPTED,
]
STAGE_RANK = {state: rank for rank, state in enumerate(STAGES)}


class Origin(models.TextChoices):
    PROPOSAL = "proposal", _("Accepted proposal")
    CHALLENGE = "challenge_response", _("Challenge response")
    HACKATHON = "hackathon_submission", _("Hackathon submission")
    COHORT = "cohort_startup", _("Cohort start-up")
    DIRECT = "direct", _("Started by a program manager")


class District(models.TextChoices):
    CENTRAL = "central", _("Central Jakarta")
    NORTH = "north", _("North Jakarta")
    WEST = "west", _("West Jakarta")
    SOUTH = "south", _("South Jakarta")
    EAST = "east", _("East Jakarta")
    THOUSAND_ISLANDS = "thousand_islands", _("Thousand Islands")
    CITY_WIDE = "city_wide", _("City-wide")


class PilotQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def for_member(self, user):
        """Pilots the user's organisations lead, or whose agencies are involved."""
        if not (user and user.is_authenticated):
            return self.none()
        return self.filter(
            models.Q(lead_organisation__memberships__user=user)
            | models.Q(
                involvements__agency__memberships__user=user,
                involvements__agency__memberships__role="liaison",
            )
        ).distinct()


class Pilot(index.Indexed, models.Model):
    title = models.CharField(_("title"), max_length=200)
    title_id = models.CharField(_("title (Bahasa Indonesia)"), max_length=200, blank=True)
    slug = models.SlugField(_("slug"), max_length=220, unique=True)
    summary = models.TextField(_("summary"), max_length=1000, blank=True)
    summary_id = models.TextField(_("summary (Bahasa Indonesia)"), max_length=1000, blank=True)
    problem = models.TextField(_("problem"), max_length=10000, blank=True)
    problem_id = models.TextField(_("problem (Bahasa Indonesia)"), max_length=10000, blank=True)
    solution = models.TextField(_("solution"), max_length=10000, blank=True)
    solution_id = models.TextField(_("solution (Bahasa Indonesia)"), max_length=10000, blank=True)
    origin = models.CharField(
        _("origin"), max_length=30, choices=Origin.choices, default=Origin.DIRECT, db_index=True
    )
    proposal = models.ForeignKey(
        "partners.Proposal",
        verbose_name=_("proposal"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="pilots",
    )
    challenge = models.ForeignKey(
        "partners.ChallengePage",
        verbose_name=_("challenge"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="pilots",
    )
    # A hackathon submission or a cohort start-up (apps built later) points here.
    origin_content_type = models.ForeignKey(
        "contenttypes.ContentType", null=True, blank=True, on_delete=models.SET_NULL
    )
    origin_object_id = models.CharField(max_length=64, blank=True)
    source = GenericForeignKey("origin_content_type", "origin_object_id")
    programme = models.ForeignKey(
        "programs.ProgrammePage",
        verbose_name=_("programme"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="pilots",
    )
    lead_organisation = models.ForeignKey(
        "partners.Organisation",
        verbose_name=_("lead organisation"),
        on_delete=models.PROTECT,
        related_name="pilots_led",
    )
    partner_organisations = models.ManyToManyField(
        "partners.Organisation",
        verbose_name=_("partner organisations"),
        blank=True,
        related_name="pilots_partnered",
    )
    pillars = models.ManyToManyField("portal.Pillar", verbose_name=_("pillars"), blank=True)
    sdgs = models.ManyToManyField(
        "portal.SustainableDevelopmentGoal", verbose_name=_("SDGs"), blank=True
    )
    districts = models.JSONField(_("districts"), default=list, blank=True)
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    budget_idr = models.PositiveBigIntegerField(
        _("budget (IDR)"), null=True, blank=True, validators=[MaxValueValidator(10**15)]
    )
    funding_source = models.CharField(_("funding source"), max_length=200, blank=True)
    state = models.CharField(
        _("stage"),
        max_length=30,
        choices=PilotState.choices,
        default=PilotState.PROPOSED,
        db_index=True,
    )
    # The furthest stage reached (index in STAGES): a discontinued or extended pilot keeps it.
    reached = models.PositiveSmallIntegerField(_("furthest stage"), default=0, db_index=True)
    discontinued_reason = models.TextField(_("reason for discontinuing"), blank=True)
    discontinued_reason_id = models.TextField(_("reason (Bahasa Indonesia)"), blank=True)
    is_published = models.BooleanField(_("published"), default=False, db_index=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = PilotQuerySet.as_manager()
    workflow = PilotPipeline
    # Site search (portal/search): the public sees published pilots only, filtered at query time.
    search_fields = [
        index.SearchField("title", boost=3),
        index.AutocompleteField("title"),
        index.SearchField("summary", boost=2),
        index.SearchField("problem"),
        index.SearchField("solution"),
        index.SearchField("funding_source"),
        index.RelatedFields("lead_organisation", [index.SearchField("name")]),
        index.FilterField("is_published"),
        index.FilterField("state"),
    ]

    class Meta:
        verbose_name = _("pilot project")
        verbose_name_plural = _("pilot projects")
        ordering = ["-start_date", "-pk"]
        indexes = [models.Index(fields=["is_published", "state"])]

    def __str__(self):
        return self.title

    @property
    def year(self):
        return self.start_date.year if self.start_date else None

    def public_urls(self):
        """Its page and the tracker in every language (portal/cache.py purges them)."""
        from programs.models import PilotIndexPage

        urls = []
        for tracker in PilotIndexPage.objects.live():
            base = tracker.get_full_url()
            if base:
                urls += [base, base + tracker.reverse_subpage("pilot", kwargs={"slug": self.slug})]
        return urls

    def get_districts_display(self):
        labels = dict(District.choices)
        return [labels.get(value, value) for value in self.districts]

    @property
    def is_closed(self):
        return self.state in (PilotState.ADOPTED, PilotState.DISCONTINUED)

    def hackathon_project(self):
        """The public hackathon project this pilot came from, as (title, url), else None."""
        if self.origin != Origin.HACKATHON or self.origin_content_type_id is None:
            return None
        project = self.source
        if project is None or not project.is_public:
            return None
        hackathon = project.team.hackathon
        url = hackathon.url + hackathon.reverse_subpage("project", kwargs={"pk": project.pk})
        return project.title, url


class Role(models.TextChoices):
    HOST = "host", _("Host")
    ADOPTER = "adopter", _("Adopter")
    OBSERVER = "observer", _("Observer")


class PilotAgencyQuerySet(models.QuerySet):
    def for_liaison(self, user):
        return self.filter(agency__memberships__user=user, agency__memberships__role="liaison")

    def overdue(self, days=REVIEW_OVERDUE_DAYS, now=None):
        limit = (now or timezone.now()) - timedelta(days=days)
        return self.filter(state=AgencyState.INVITED, invited_at__lt=limit)


class PilotAgency(models.Model):
    """One agency's involvement in a pilot, with its role and its own decision."""

    pilot = models.ForeignKey(
        Pilot, verbose_name=_("pilot"), on_delete=models.CASCADE, related_name="involvements"
    )
    agency = models.ForeignKey(
        "partners.Organisation",
        verbose_name=_("agency"),
        on_delete=models.PROTECT,
        related_name="pilot_involvements",
        limit_choices_to={"kind": "agency"},
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.HOST)
    state = models.CharField(
        _("decision"),
        max_length=20,
        choices=AgencyState.choices,
        default=AgencyState.INVITED,
        db_index=True,
    )
    invited_at = models.DateTimeField(_("invited"), default=timezone.now, db_index=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decision_note = models.TextField(_("decision note"), blank=True, max_length=5000)
    reminded_at = models.DateTimeField(_("last reminded"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = PilotAgencyQuerySet.as_manager()
    workflow = PilotAgencyPipeline

    class Meta:
        verbose_name = _("agency involvement")
        verbose_name_plural = _("agency involvements")
        ordering = ["pilot", "role", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["pilot", "agency"], name="one_involvement_per_agency")
        ]

    def __str__(self):
        return f"{self.agency} · {self.pilot}"

    @property
    def is_overdue(self):
        limit = timezone.now() - timedelta(days=REVIEW_OVERDUE_DAYS)
        return self.state == AgencyState.INVITED and self.invited_at < limit


class Scale(models.TextChoices):
    DISTRICT = "district", _("One or more districts")
    CITY_WIDE = "city_wide", _("City-wide")


class AdoptionRecord(models.Model):
    """What an agency adopted: when, on what legal basis, at what scale, as which service."""

    involvement = models.OneToOneField(
        PilotAgency,
        verbose_name=_("agency involvement"),
        on_delete=models.CASCADE,
        related_name="adoption",
    )
    pilot = models.ForeignKey(
        Pilot, verbose_name=_("pilot"), on_delete=models.CASCADE, related_name="adoptions"
    )
    adopted_on = models.DateField(_("adopted on"))
    legal_basis = models.CharField(
        _("legal basis or reference"),
        max_length=300,
        help_text=_("Decree, regulation or agreement number."),
    )
    legal_basis_id = models.CharField(
        _("legal basis (Bahasa Indonesia)"), max_length=300, blank=True
    )
    scale = models.CharField(_("scale"), max_length=20, choices=Scale.choices)
    service = models.CharField(
        _("service or programme"), max_length=300, help_text=_("What the pilot became.")
    )
    service_id = models.CharField(_("service (Bahasa Indonesia)"), max_length=300, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("recorded"), default=timezone.now)

    class Meta:
        verbose_name = _("adoption record")
        verbose_name_plural = _("adoption records")
        ordering = ["-adopted_on", "pk"]

    def __str__(self):
        return f"{self.service} ({self.adopted_on})"


class PilotIndicator(models.Model):
    pilot = models.ForeignKey(Pilot, on_delete=models.CASCADE, related_name="indicators")
    name = models.CharField(_("indicator"), max_length=200)
    name_id = models.CharField(_("indicator (Bahasa Indonesia)"), max_length=200, blank=True)
    unit = models.CharField(_("unit"), max_length=50, blank=True)
    unit_id = models.CharField(_("unit (Bahasa Indonesia)"), max_length=50, blank=True)
    baseline = models.DecimalField(
        _("baseline"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    target = models.DecimalField(_("target"), max_digits=14, decimal_places=2)
    measured = models.DecimalField(
        _("measured value"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    measured_on = models.DateField(_("measured on"), null=True, blank=True)

    class Meta:
        verbose_name = _("key indicator")
        verbose_name_plural = _("key indicators")
        ordering = ["pk"]

    def __str__(self):
        return self.name


class DocumentKind(models.TextChoices):
    MOU = "mou", _("Memorandum of understanding")
    AGREEMENT = "agreement", _("Cooperation agreement")
    EVALUATION = "evaluation_report", _("Evaluation report")
    OTHER = "other", _("Other")


class PilotDocument(models.Model):
    """An agreement or report. The file is private; the kind, title and reference are public."""

    pilot = models.ForeignKey(Pilot, on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(_("kind"), max_length=30, choices=DocumentKind.choices)
    title = models.CharField(_("title"), max_length=200)
    title_id = models.CharField(_("title (Bahasa Indonesia)"), max_length=200, blank=True)
    reference = models.CharField(
        _("reference"), max_length=200, blank=True, help_text=_("Agreement or letter number.")
    )
    file = models.FileField(
        _("file"), upload_to="pilots/%Y/%m/", storage=private_storage, blank=True
    )
    mime_type = models.CharField(_("type"), max_length=100, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("uploaded"), default=timezone.now)

    class Meta:
        verbose_name = _("pilot document")
        verbose_name_plural = _("pilot documents")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.title
