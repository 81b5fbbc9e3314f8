"""What the site search finds: one ``SearchSource`` per kind of public record or page.

Each app registers its own in its ``wagtail_hooks.py``, so the core never imports an app::

    @hooks.register("portal_search_sources")
    def search_sources():
        return [SearchSource(slug="pilots", label=_("Pilot project"), ...)]

A source says how to get the records the public may see (``public``: a queryset, filtered again
at query time), how to link them (``urls``: one call for a whole page of results, so the cost
does not grow with the results) and what to show and count (snippet text, pillars, year).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from wagtail import hooks

HOOK = "portal_search_sources"


def _no_pillars(obj):
    return ()


def _no_year(obj):
    return None


@dataclass(frozen=True)
class SearchSource:
    slug: str
    # The type label of one result and the facet's label (lazy strings).
    label: str
    label_plural: str
    # () -> queryset of what the public may see (pages: in every locale; the engine keeps the
    # visitor's language unless asked otherwise). Searched, never just listed.
    public: Callable
    # (records, locale) -> {pk: url}: the public address of each record in the visitor's language.
    urls: Callable
    # record -> the plain text a snippet is cut from (escaped and marked later).
    text: Callable
    # record -> pillar slugs (from prefetched pillars), and its year (or None).
    pillars: Callable = _no_pillars
    year: Callable = _no_year
    title: Callable = str
    # Pages carry a language (their locale); records are shown in both languages.
    is_page: bool = False
    # Page models this source covers, so the generic "page" source leaves them out.
    page_models: tuple = ()
    order: int = 100


def sources() -> list[SearchSource]:
    """Every registered source, in display order (slugs are unique)."""
    found = {}
    for hook in hooks.get_hooks(HOOK):
        for source in hook():
            if source.slug in found:
                raise ValueError(f"search source {source.slug!r} is registered twice")
            found[source.slug] = source
    return sorted(found.values(), key=lambda source: (source.order, source.slug))


def page_urls(pages, locale):
    """Pages link to themselves (``page.url`` needs no query once the site is cached)."""
    return {page.pk: page.url for page in pages}


def page_year(page):
    when = page.first_published_at
    return when.year if when else None


def pillar_slugs(obj):
    return [pillar.slug for pillar in obj.pillars.all()]


def _other_pages():
    """Live public pages no other source covers (home, standard pages, index pages)."""
    from wagtail.models import Page

    covered = [model for source in sources() for model in source.page_models]
    pages = Page.objects.live().public().exclude(depth=1)
    if covered:
        pages = pages.not_type(*covered)
    return pages.specific()


def _page_text(page):
    from portal.search.highlight import plain

    for name in ("search_description", "intro", "hero_text", "summary"):
        value = getattr(page, name, "")
        if value:
            return plain(value)
    return plain(getattr(page, "body", ""))


def core_sources():
    """The core's own source: every other page (registered in portal/wagtail_hooks.py)."""
    from django.utils.translation import gettext_lazy as _

    return [
        SearchSource(
            slug="pages",
            label=_("Page"),
            label_plural=_("Pages"),
            public=_other_pages,
            urls=page_urls,
            text=_page_text,
            year=page_year,
            is_page=True,
            order=90,
        )
    ]
