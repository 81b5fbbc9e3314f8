"""/impact/: the impact dashboard, a Wagtail page editors introduce and arrange.

Every number on it comes from ``programs.impact.figures`` (records only); the editor chooses which
figures to show, in which order, with which chart and for which programme (``sections``). See
docs/impact.md.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from programs.impact.blocks import SECTION_BLOCKS


class ImpactPage(Page):
    intro = models.TextField(_("introduction"), blank=True)
    sections = StreamField(SECTION_BLOCKS, blank=True, verbose_name=_("sections"))

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("sections")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["portal.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "programs/impact_page.html"

    class Meta:
        verbose_name = _("impact dashboard")

    def get_context(self, request, *args, **kwargs):
        from programs.impact.dashboard import build

        context = super().get_context(request, *args, **kwargs)
        context.update(build(self, request))
        return context
