"""One search over every source: Wagtail search per source, public records only (never content
hidden after a report), merged by relevance, with facets by type, pillar, year and language.

Each source costs a fixed number of queries (the search, its prefetches, one call for the links
of the results shown), so the page's cost does not grow with the data.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from django.db import connection
from wagtail.models import Locale
from wagtail.search.backends import get_search_backend

from portal.reports.hidden import hidden_ids

from . import highlight
from .sources import SearchSource, sources

# The best hits kept per source; beyond that, nobody pages and the facets would only cost time.
MAX_HITS_PER_SOURCE = 300
FACETS = ("type", "pillar", "year", "lang")
ALL_LANGUAGES = "all"


@dataclass
class Hit:
    source: SearchSource
    obj: object
    relevance: float
    language: str | None  # a page's language; None: a record, shown in every language
    pillars: tuple = ()
    year: int | None = None
    url: str = ""
    title: str = ""
    snippet: str = ""

    def value(self, facet):
        return {"type": self.source.slug, "year": self.year, "lang": self.language}[facet]

    def matches(self, facet, wanted):
        if facet == "type":
            return self.source.slug == wanted
        if facet == "pillar":
            return wanted in self.pillars
        if facet == "year":
            return self.year == wanted
        return wanted == ALL_LANGUAGES or self.language in (None, wanted)


@dataclass
class Outcome:
    hits: list[Hit]  # every hit the filters keep, best first
    counts: dict[str, Counter] = field(default_factory=dict)  # facet -> value -> hits
    sources: dict[str, SearchSource] = field(default_factory=dict)


def _relevance(score):
    # SQLite's bm25 is better when lower (negative); PostgreSQL's ts_rank when higher.
    score = score or 0.0
    return -score if connection.vendor == "sqlite" else score


def _search_source(backend, source, terms, languages):
    public = source.public()
    # Content hidden after a report (portal.reports) is never found: one query per source.
    hidden = hidden_ids(public.model)
    results = backend.search(terms, public).annotate_score("_score")
    hits = []
    for obj in results[:MAX_HITS_PER_SOURCE]:
        if obj.pk in hidden:
            continue
        language = languages.get(obj.locale_id) if source.is_page else None
        hits.append(
            Hit(
                source=source,
                obj=obj,
                relevance=_relevance(getattr(obj, "_score", 0.0)),
                language=language,
                pillars=tuple(source.pillars(obj)),
                year=source.year(obj),
            )
        )
    return hits


def search(query, selected):
    """Search every source for ``query``; ``selected`` maps facet -> chosen value (or None)."""
    terms = " ".join(highlight.terms(query))
    registered = {source.slug: source for source in sources()}
    outcome = Outcome(hits=[], sources=registered)
    if not terms:
        return outcome
    backend = get_search_backend()
    languages = dict(Locale.objects.values_list("pk", "language_code"))
    everything = []
    for source in registered.values():
        everything += _search_source(backend, source, terms, languages)
    # A record whose name holds every word comes first ("Qlue" the organisation before the
    # speakers whose bio mentions it); then by the backend's relevance.
    words = [word.lower() for word in highlight.terms(query)]
    everything.sort(key=lambda hit: (_names_all(hit, words), hit.relevance), reverse=True)
    chosen = {facet: value for facet, value in selected.items() if value not in (None, "")}
    for facet in FACETS:
        others = {f: v for f, v in chosen.items() if f != facet}
        counted = [h for h in everything if all(h.matches(f, v) for f, v in others.items())]
        outcome.counts[facet] = _count(facet, counted, languages.values())
    outcome.hits = [h for h in everything if all(h.matches(f, v) for f, v in chosen.items())]
    return outcome


def _names_all(hit, words):
    title = str(hit.source.title(hit.obj)).lower()
    return all(word in title for word in words)


def _count(facet, hits, language_codes):
    counts = Counter()
    if facet == "pillar":
        for hit in hits:
            counts.update(set(hit.pillars))
    elif facet == "lang":
        counts[ALL_LANGUAGES] = len(hits)
        for code in language_codes:
            counts[code] = sum(1 for hit in hits if hit.language in (None, code))
    else:
        counts.update(hit.value(facet) for hit in hits if hit.value(facet) is not None)
    return counts


def decorate(hits, outcome, query, locale):
    """Links, titles and snippets for the hits shown.

    Every source with results gets one ``urls`` call (with the hits of this page, perhaps none),
    so the page costs the same queries whichever results land on it.
    """
    by_source = {hit.source.slug: [] for hit in outcome.hits}
    for hit in hits:
        by_source[hit.source.slug].append(hit)
    for slug, group in by_source.items():
        source = outcome.sources[slug]
        urls = source.urls([hit.obj for hit in group], locale)
        for hit in group:
            hit.url = urls.get(hit.obj.pk, "")
            hit.title = highlight.marked_title(source.title(hit.obj), query)
            hit.snippet = highlight.snippet(source.text(hit.obj), query)
    return hits
