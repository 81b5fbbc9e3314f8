"""Speakers: snippets with their name, title, organisation, photo and bio in both languages.

A speaker's name is the same in every language; title and bio have an Indonesian twin field,
shown on the Indonesian site when filled (English otherwise), so one row serves both trees and
an event's speaker list never depends on the locale.
"""

from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.search import index

from portal.i18n import localised


class Speaker(index.Indexed, models.Model):
    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=140, unique=True)
    title = models.CharField(_("title (English)"), max_length=160, blank=True)
    title_id = models.CharField(_("title (Indonesian)"), max_length=160, blank=True)
    organisation = models.ForeignKey(
        "partners.Organisation",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="speakers",
    )
    organisation_name = models.CharField(
        _("other organisation"),
        max_length=200,
        blank=True,
        help_text=_("When the speaker's organisation is not a partner of the portal."),
    )
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    bio = models.TextField(_("bio (English)"), blank=True)
    bio_id = models.TextField(_("bio (Indonesian)"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    panels = [
        MultiFieldPanel(
            [FieldPanel("name"), FieldPanel("slug"), FieldPanel("photo")], heading=_("Who")
        ),
        MultiFieldPanel(
            [FieldPanel("title"), FieldPanel("title_id")], heading=_("Title in both languages")
        ),
        MultiFieldPanel(
            [FieldPanel("organisation"), FieldPanel("organisation_name")],
            heading=_("Organisation"),
        ),
        MultiFieldPanel([FieldPanel("bio"), FieldPanel("bio_id")], heading=_("Bio")),
    ]
    search_fields = [
        index.SearchField("name", boost=2),
        index.AutocompleteField("name"),
        index.SearchField("title"),
        index.SearchField("title_id"),
        index.SearchField("bio"),
        index.SearchField("bio_id"),
    ]

    class Meta:
        verbose_name = _("speaker")
        verbose_name_plural = _("speakers")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)[:130] or "speaker"
        super().save(*args, **kwargs)

    def _localised(self, field):
        return localised(self, field)

    @property
    def display_title(self):
        return self._localised("title")

    @property
    def display_bio(self):
        return self._localised("bio")

    @property
    def affiliation(self):
        return (
            localised(self.organisation, "name") if self.organisation_id else self.organisation_name
        )
