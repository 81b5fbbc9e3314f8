"""Organisations: every kind of partner in the network, government agencies included."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.html import strip_tags
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager
from wagtail.search import index

from partners.admission import OrganisationAdmission
from partners.workflows import OrganisationVerification, VerificationState


class OrganisationKind(models.TextChoices):
    AGENCY = "agency", _("Government agency")
    COMPANY = "company", _("Company")
    STARTUP = "startup", _("Start-up")
    NGO = "ngo", _("NGO or community")
    UNIVERSITY = "university", _("University or research")
    INTERNATIONAL = "international", _("International organisation")
    SISTER_CITY = "sister_city", _("Sister-city government")
    STARTUP_SUPPORT = "startup_support", _("Start-up support organisation")
    MEDIA = "media", _("Media")


class OrganisationSize(models.TextChoices):
    MICRO = "1-9", _("1–9 people")
    SMALL = "10-49", _("10–49 people")
    MEDIUM = "50-249", _("50–249 people")
    LARGE = "250+", _("250 people or more")


class OrganisationQuerySet(models.QuerySet):
    def verified(self):
        """What the public may see: verified organisations only."""
        return self.filter(verification_state=VerificationState.VERIFIED)

    def agencies(self):
        return self.filter(kind=OrganisationKind.AGENCY)


class Organisation(OrganisationAdmission, index.Indexed, models.Model):
    name = models.CharField(_("name"), max_length=200)
    name_id = models.CharField(
        _("name (Bahasa Indonesia)"),
        max_length=200,
        blank=True,
        help_text=_("The name the city uses in Indonesian; leave empty when it is the same."),
    )
    short_name = models.CharField(_("short name"), max_length=40, blank=True)
    slug = models.SlugField(_("slug"), max_length=220, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=OrganisationKind.choices)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    description = models.TextField(
        _("description"), blank=True, help_text=_("Basic formatting and links are kept.")
    )
    description_id = models.TextField(
        _("description (Bahasa Indonesia)"),
        blank=True,
        help_text=_("Shown on the Indonesian site; the English description when empty."),
    )
    website = models.URLField(_("website"), blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    country = models.CharField(_("country"), max_length=100, blank=True)
    pillars = models.ManyToManyField("portal.Pillar", verbose_name=_("pillars"), blank=True)
    sdgs = models.ManyToManyField(
        "portal.SustainableDevelopmentGoal", verbose_name=_("SDGs"), blank=True
    )
    sectors = TaggableManager(verbose_name=_("sectors"), blank=True)
    size = models.CharField(_("size"), max_length=10, choices=OrganisationSize.choices, blank=True)
    founding_year = models.PositiveSmallIntegerField(
        _("founding year"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1800), MaxValueValidator(2100)],
    )
    verification_state = models.CharField(
        _("verification"),
        max_length=20,
        choices=VerificationState.choices,
        default=VerificationState.PENDING,
        db_index=True,
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = OrganisationQuerySet.as_manager()
    workflow = OrganisationVerification

    search_fields = [
        index.SearchField("name", boost=3),
        index.SearchField("name_id", boost=3),
        index.SearchField("short_name", boost=2),
        index.SearchField("description"),
        index.SearchField("description_id"),
        index.SearchField("city"),
        index.AutocompleteField("name"),
        index.FilterField("kind"),
        index.FilterField("verification_state"),
        index.FilterField("city"),
    ]

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        indexes = [models.Index(fields=["kind", "verification_state", "name"])]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(self.name)
        super().save(*args, **kwargs)

    @property
    def is_public(self):
        return self.verification_state == VerificationState.VERIFIED

    @property
    def is_agency(self):
        return self.kind == OrganisationKind.AGENCY

    def structured_data(self, url, logo_url=""):
        """schema.org data for the public profile at ``url``: an agency is a
        GovernmentOrganization, every other partner an Organization."""
        data = {
            "@context": "https://schema.org",
            "@type": "GovernmentOrganization" if self.is_agency else "Organization",
            "name": self.name,
            "url": url,
            "description": " ".join(strip_tags(self.description).split()),
        }
        if self.short_name:
            data["alternateName"] = self.short_name
        if self.website:
            data["sameAs"] = [self.website]
        if logo_url:
            data["logo"] = logo_url
        if self.city or self.country:
            data["address"] = {
                "@type": "PostalAddress",
                "addressLocality": self.city,
                "addressCountry": self.country,
            }
        if self.founding_year:
            data["foundingDate"] = str(self.founding_year)
        return data


def unique_slug(name):
    base = slugify(name)[:200] or "organisation"
    slug, number = base, 2
    while Organisation.objects.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug
