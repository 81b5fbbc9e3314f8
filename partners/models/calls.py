"""Calls for proposals: program managers open them; organisations answer them with proposals."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.fields import RichTextField
from wagtail.search import index

from .organisations import OrganisationKind


class OrganisationKindsField(models.JSONField):
    """A list of organisation kinds, edited as checkboxes (a JSON list in the database)."""

    def formfield(self, **kwargs):
        return forms.MultipleChoiceField(
            choices=OrganisationKind.choices,
            required=not self.blank,
            label=self.verbose_name,
            help_text=self.help_text,
            widget=forms.CheckboxSelectMultiple,
        )


class CallQuerySet(models.QuerySet):
    def public(self):
        return self.filter(published=True)

    def open_now(self, now=None):
        now = now or timezone.now()
        return self.public().filter(opens_at__lte=now, closes_at__gt=now)


class Call(index.Indexed, models.Model):
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=220, unique=True, blank=True)
    summary = models.CharField(_("summary"), max_length=300, blank=True)
    description = RichTextField(_("description"), blank=True)
    opens_at = models.DateTimeField(_("opens"))
    closes_at = models.DateTimeField(
        _("closes"), help_text=_("Proposals must be submitted before this moment (Asia/Jakarta).")
    )
    eligible_kinds = OrganisationKindsField(
        _("eligible organisation kinds"),
        default=list,
        blank=True,
        help_text=_("Leave empty to let every kind of organisation apply."),
    )
    pillars = models.ManyToManyField("portal.Pillar", verbose_name=_("pillars"), blank=True)
    challenge = models.ForeignKey(
        "partners.ChallengePage",
        verbose_name=_("challenge"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="calls",
        help_text=_("The sandbox challenge this call answers, if any."),
    )
    programme_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("programme"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The programme this call belongs to, if any."),
    )
    rubric = models.ForeignKey(
        "portal.Rubric",
        verbose_name=_("review rubric"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("The criteria reviewers score proposals on."),
    )
    published = models.BooleanField(
        _("published"), default=False, help_text=_("Visitors see published calls only.")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = CallQuerySet.as_manager()

    search_fields = [
        index.SearchField("title", boost=3),
        index.SearchField("summary"),
        index.FilterField("published"),
    ]

    class Meta:
        verbose_name = _("call for proposals")
        verbose_name_plural = _("calls for proposals")
        ordering = ["-closes_at"]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if not self.slug:
            base = slugify(self.title)[:200] or "call"
            slug, number = base, 2
            while Call.objects.filter(slug=slug).exclude(pk=self.pk).exists():
                slug, number = f"{base}-{number}", number + 1
            self.slug = slug
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("partners:call", args=[self.slug])

    def clean(self):
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError({"closes_at": _("A call must close after it opens.")})

    def is_open(self, now=None):
        now = now or timezone.now()
        return self.published and self.opens_at <= now < self.closes_at

    @property
    def status_label(self):
        now = timezone.now()
        if now < self.opens_at:
            return _("Opens soon")
        if now < self.closes_at:
            return _("Open")
        return _("Closed")

    def accepts_kind(self, kind):
        return not self.eligible_kinds or kind in self.eligible_kinds

    def eligible_kind_labels(self):
        labels = dict(OrganisationKind.choices)
        return [labels.get(kind, kind) for kind in self.eligible_kinds]
