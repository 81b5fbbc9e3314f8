"""/pilots/: the public pilot tracker, a Wagtail page so editors write its introduction in both
languages and it sits in the menu. Pilots are records, not pages: the tracker serves them as
sub-routes (/pilots/<slug>/), from the published-only queryset (programs/pilots/public.py)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.models import Locale, Page
from wagtail.search import index


class PilotIndexPage(RoutablePageMixin, Page):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["portal.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("pilot tracker")

    @path("")
    def tracker(self, request):
        from programs.pilots import public

        return public.tracker(self, request)

    @path("feed/")
    def feed(self, request):
        from programs.pilots import public

        return public.feed(self, request)

    @path("export/")
    def export(self, request):
        from programs.pilots import public

        return public.export_csv(self, request)

    @re_path(r"^(?P<slug>[-\w]+)/$", name="pilot")
    def pilot(self, request, slug):
        from programs.pilots import public

        return public.detail(self, request, slug)

    def pilot_url(self, pilot):
        return self.url + self.reverse_subpage("pilot", kwargs={"slug": pilot.slug})

    def get_sitemap_urls(self, request=None):
        """The tracker and every published pilot; unpublished ones never."""
        from portal.reports.hidden import visible
        from programs.models import Pilot

        urls = super().get_sitemap_urls(request)
        base = self.get_full_url(request)
        for slug, updated in visible(Pilot.objects.published()).values_list("slug", "updated_at"):
            urls.append({"location": f"{base}{slug}/", "lastmod": updated})
        return urls

    @classmethod
    def for_locale(cls, locale=None):
        locale = locale or Locale.get_active()
        return cls.objects.live().filter(locale=locale).first() or cls.objects.live().first()
