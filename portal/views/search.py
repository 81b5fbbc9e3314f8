"""/search/: one search over every public page and record (portal/search, docs/search.md)."""

import re

from django.conf import settings
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.translation import get_language
from wagtail.models import Locale

from portal.search import engine
from portal.search.sources import sources
from portal.taxonomy import localised_names

PAGE_SIZE = 10
MAX_QUERY_LENGTH = 200
SLUG = re.compile(r"^[-\w]{1,80}$")


def _selected(request, source_slugs, language):
    get = request.GET
    selected = {"type": None, "pillar": None, "year": None, "lang": language}
    if get.get("type") in source_slugs:
        selected["type"] = get["type"]
    if SLUG.match(get.get("pillar", "")):
        selected["pillar"] = get["pillar"]
    if re.fullmatch(r"\d{4}", get.get("year", "")):
        selected["year"] = int(get["year"])
    codes = [code for code, _name in settings.LANGUAGES]
    if get.get("lang") in [*codes, engine.ALL_LANGUAGES]:
        selected["lang"] = get["lang"]
    return selected


def _href(request, name, value):
    """This search with ``name`` set to ``value`` (None: removed), from the first page."""
    params = request.GET.copy()
    params.pop("page", None)
    params.pop(name, None)
    if value is not None:
        params[name] = value
    return "?" + params.urlencode()


def _facets(request, outcome, selected, locale):
    """Each facet's options with their counts, best first; only values that have results."""
    counts = outcome.counts
    pillar_names = dict(localised_names(request)["pillars"])  # slug: name
    types = [
        {"value": slug, "label": source.label_plural, "count": counts["type"][slug]}
        for slug, source in outcome.sources.items()
        if counts["type"][slug]
    ]
    pillars = [
        {"value": slug, "label": pillar_names.get(slug, slug), "count": count}
        for slug, count in counts["pillar"].most_common()
    ]
    years = [
        {"value": year, "label": str(year), "count": count}
        for year, count in sorted(counts["year"].items(), reverse=True)
    ]
    names = dict(settings.LANGUAGES)
    languages = [
        {"value": code, "label": names[code], "count": counts["lang"][code]}
        for code, _name in settings.LANGUAGES
    ]
    languages.append(
        {
            "value": engine.ALL_LANGUAGES,
            "label": None,
            "count": counts["lang"][engine.ALL_LANGUAGES],
        }
    )
    facets = {"type": types, "pillar": pillars, "year": years, "lang": languages}
    for name, options in facets.items():
        for option in options:
            option["selected"] = selected[name] == option["value"]
            # A chosen type, pillar or year links to its removal; a language stays chosen.
            keep = name == "lang" or not option["selected"]
            option["href"] = _href(request, name, option["value"] if keep else None)
    return facets


def search(request):
    """Full-text search over every public page and record, in the visitor's language."""
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    language = get_language()
    locale = Locale.get_active()
    selected = _selected(request, {source.slug for source in sources()}, language)
    outcome = engine.search(query, selected)
    page_obj = Paginator(outcome.hits, PAGE_SIZE).get_page(request.GET.get("page"))
    results = engine.decorate(list(page_obj.object_list), outcome, query, locale)
    context = {"query": query, "page_obj": page_obj, "results": results, "selected": selected}
    if outcome.counts:
        context["facets"] = _facets(request, outcome, selected, locale)
    return render(request, "portal/search.html", context)
