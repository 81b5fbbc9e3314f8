"""/sitemap.xml: every public page of every language tree, the public records routable pages
serve (profiles, speakers, projects, pilots, archives) and the views apps register, each with its
hreflang alternates (``xhtml:link``) and an ``x-default``.

Pages add their sub-routes by overriding ``get_sitemap_urls`` (absolute locations under the
page's own URL); views outside the page tree register with the ``portal_sitemap_views`` hook a
function returning ``(url name, kwargs, lastmod)`` triples, reversed in every language. Nothing
unpublished, private or unverified may be listed.
"""

from collections import defaultdict

from django.conf import settings
from django.db.models import Q
from django.urls import reverse
from django.utils import translation
from wagtail import hooks
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Locale, Page

from portal.sites import absolute


def _with_default(alternates):
    """``alternates`` in the order of LANGUAGES, then the default language as x-default."""
    order = [code for code, _name in settings.LANGUAGES]
    links = sorted(alternates, key=lambda a: order.index(a["lang_code"]))
    default = next((a for a in links if a["lang_code"] == settings.LANGUAGE_CODE), None)
    if default is not None:
        links.append({"lang_code": "x-default", "location": default["location"]})
    return links


class MultilingualSitemap(Sitemap):
    """Wagtail's sitemap lists one language tree; ours lists every locale's tree of the site."""

    def items(self):
        roots = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        in_any_tree = Q()
        for root in roots:
            in_any_tree |= Q(path__startswith=root.path)
        return (
            Page.objects.filter(in_any_tree)
            .live()
            .public()
            .order_by("path")
            .defer_streamfields()
            .specific()
        )

    def _urls(self, page, protocol, domain):
        pages = list(self.paginator.page(page).object_list)
        languages = dict(Locale.objects.values_list("pk", "language_code"))
        bases = {item.pk: item.get_full_url(self.request) for item in pages}
        translations = defaultdict(dict)  # translation key -> {language: the page's URL}
        for item in pages:
            if bases[item.pk]:
                translations[item.translation_key][languages[item.locale_id]] = bases[item.pk]
        urls = []
        for item in pages:
            base = bases[item.pk]
            for entry in item.get_sitemap_urls(self.request):
                location = entry["location"]
                tail = location[len(base) :] if base and location.startswith(base) else None
                if tail is not None:
                    entry["alternates"] = _with_default(
                        {"lang_code": code, "location": url + tail}
                        for code, url in translations[item.translation_key].items()
                    )
                urls.append(entry)
        urls.extend(self._view_urls())
        lastmods = [url.get("lastmod") for url in urls]
        if lastmods and None not in lastmods:
            self.latest_lastmod = max(lastmods)
        return urls

    def _view_urls(self):
        """The views apps register with the ``portal_sitemap_views`` hook, in every language."""
        urls = []
        for hook in hooks.get_hooks("portal_sitemap_views"):
            for name, kwargs, lastmod in hook():
                alternates = []
                for code, _name in settings.LANGUAGES:
                    with translation.override(code):
                        location = absolute(reverse(name, kwargs=kwargs))
                    alternates.append({"lang_code": code, "location": location})
                alternates = _with_default(alternates)
                for alternate in alternates:
                    if alternate["lang_code"] != "x-default":
                        urls.append(
                            {
                                "location": alternate["location"],
                                "lastmod": lastmod,
                                "alternates": alternates,
                            }
                        )
        return urls
