"""/accelerator/: the public list of cohorts, a Wagtail page so editors write its introduction in
both languages and it sits in the menu. Cohorts are records; the index serves each one as a
sub-route (/accelerator/<slug>/), published cohorts only (programs/cohorts/public.py)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.models import Locale, Page
from wagtail.search import index


class AcceleratorIndexPage(RoutablePageMixin, Page):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["portal.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("accelerator index")

    @path("")
    def cohort_list(self, request):
        from programs.cohorts import public

        return public.index(self, request)

    @re_path(r"^(?P<slug>[-\w]+)/$", name="cohort")
    def cohort(self, request, slug):
        from programs.cohorts import public

        return public.detail(self, request, slug)

    def cohort_url(self, cohort):
        return self.url + self.reverse_subpage("cohort", kwargs={"slug": cohort.slug})

    def get_sitemap_urls(self, request=None):
        from programs.models import Cohort

        urls = super().get_sitemap_urls(request)
        base = self.get_full_url(request)
        for slug, updated in Cohort.objects.public().values_list("slug", "updated_at"):
            urls.append({"location": f"{base}{slug}/", "lastmod": updated})
        return urls

    @classmethod
    def for_locale(cls, locale=None):
        locale = locale or Locale.get_active()
        return cls.objects.live().filter(locale=locale).first() or cls.objects.live().first()
