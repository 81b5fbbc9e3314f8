from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from portal.blocks import BodyBlock, HomeBlock
from portal.cache import frame_cached


class HomePage(Page):
    """The root of each language tree: the network's front door."""

    hero_heading = models.CharField(_("hero heading"), max_length=160)
    hero_text = models.TextField(_("hero text"), blank=True)
    hero_link_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("hero button page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_link_text = models.CharField(_("hero button text"), max_length=60, blank=True)
    body = StreamField(HomeBlock(), blank=True, verbose_name=_("body"))

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("hero_heading"),
                FieldPanel("hero_text"),
                FieldPanel("hero_link_page"),
                FieldPanel("hero_link_text"),
            ],
            heading=_("Hero"),
        ),
        FieldPanel("body"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("hero_text"), index.SearchField("body")]

    template = "pages/home_page.html"
    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = frame_cached(
            request, f"sections:{self.pk}", lambda: self._sections(request)
        )
        return context

    def _sections(self, request):
        """The sections in the menu as plain data (title, URL, intro), cached with the frame."""
        pages = self.get_children().live().public().in_menu().select_related("locale").specific()
        return [
            {"title": page.title, "url": page.get_url(request), "intro": getattr(page, "intro", "")}
            for page in pages
        ]


class StandardPage(Page):
    """A page of text and media: about, how-to, section introductions."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    template = "pages/standard_page.html"
    parent_page_types = ["portal.HomePage", "portal.StandardPage"]

    class Meta:
        verbose_name = _("standard page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["subpages"] = self.get_children().live().public().specific()
        return context
