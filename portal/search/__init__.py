"""Site search: one search over every public page and record (docs/search.md).

Apps declare what is searchable with the ``portal_search_sources`` hook (``sources.py``); the
engine (``engine.py``) searches each source with Wagtail search, keeps what the public may see,
merges the hits by relevance and counts the facets; ``highlight.py`` builds the snippets.
"""
