"""Keeping the search index current where Wagtail's signal handlers do not see a change.

Wagtail indexes an ``index.Indexed`` model on every ORM ``save()`` and ``delete()``;
``bulk_create`` and ``QuerySet.update`` send no signals. Code that writes searchable rows that way
(the demo seed) calls :func:`reindex` on what it wrote.
"""

from wagtail.search.backends import get_search_backends

BATCH = 500


def reindex(queryset):
    """Add or refresh the rows of ``queryset`` in every search backend (in batches)."""
    model = queryset.model
    objects = model.get_indexed_objects().filter(pk__in=queryset.values("pk")).order_by("pk")
    rows = list(objects)
    for backend in get_search_backends(with_auto_update=True):
        for start in range(0, len(rows), BATCH):
            backend.add_bulk(model, rows[start : start + BATCH])
    return len(rows)
