"""Keeping the search index current where Wagtail's signal handlers do not see a change.

Wagtail indexes an ``index.Indexed`` model on every ORM ``save()`` and ``delete()``;
``bulk_create`` and ``QuerySet.update`` send no signals. Code that writes searchable rows that way
(the demo seed) calls :func:`reindex` on what it wrote.

Nor does Wagtail refresh the rows that index another model's text through ``RelatedFields`` (a
pilot is found by its lead organisation's name): :func:`connect` reindexes them when that other
row is saved, for every such declaration, so a renamed organisation's pilots are found under the
new name.
"""

from django.db.models import ForeignKey, ManyToManyField
from django.db.models.signals import post_save
from wagtail.search import index
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


def _dependants():
    """{related model: [(indexed model, field name), ...]} from every ``RelatedFields``
    that indexes searchable text of a row another table holds."""
    found = {}
    for model in index.get_indexed_models():
        for declared in model.get_search_fields():
            if not isinstance(declared, index.RelatedFields):
                continue
            if not any(isinstance(f, index.SearchField) for f in declared.fields):
                continue  # filters only: nothing a reader searches for
            field = model._meta.get_field(declared.field_name)
            if isinstance(field, ForeignKey | ManyToManyField):
                found.setdefault(field.related_model, []).append((model, declared.field_name))
    return found


def connect():
    """Reindex the rows whose search text includes a related row, when that row is saved."""
    for related, dependants in _dependants().items():

        def refresh(sender, instance, raw=False, dependants=dependants, **kwargs):
            if raw:  # loading fixtures
                return
            for model, name in dependants:
                reindex(model._default_manager.filter(**{name: instance}))

        post_save.connect(
            refresh, sender=related, weak=False, dispatch_uid=f"reindex:{related._meta.label}"
        )
