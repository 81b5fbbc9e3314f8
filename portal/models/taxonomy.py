"""Shared taxonomy: the six smart-city pillars and the 17 UN Sustainable Development Goals.

Both are translatable snippets (one row per locale, linked by translation_key), so every app can tag
its records with them and show the visitor's language.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import TranslatableMixin
from wagtail.search import index


class Pillar(TranslatableMixin, index.Indexed, models.Model):
    name = models.CharField(_("name"), max_length=80)
    slug = models.SlugField(_("slug"), max_length=80)
    description = models.TextField(_("description"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("smart-city pillar")
        verbose_name_plural = _("smart-city pillars")
        ordering = ["sort_order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_pillar_slug_locale"),
        ]

    def __str__(self):
        return self.name


class SustainableDevelopmentGoal(TranslatableMixin, index.Indexed, models.Model):
    number = models.PositiveSmallIntegerField(_("number"))
    name = models.CharField(_("name"), max_length=120)
    colour = models.CharField(
        _("colour"), max_length=7, help_text=_("The goal's official colour, as #RRGGBB.")
    )

    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("sustainable development goal")
        verbose_name_plural = _("sustainable development goals")
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["number", "locale"], name="unique_sdg_number_locale"),
        ]

    def __str__(self):
        return f"{self.number}. {self.name}"
