"""Public datasets: each app declares what it publishes once, in its own ``datasets.py``.

That one declaration feeds the open-data downloads (CSV, JSON, XLSX, the Frictionless Data
Package, the DCAT catalogue), the read API (``/api/v1/``) and the search index (DESIGN.md,
"Public datasets"). A dataset lists only published, public records; personal data of members
never appears in one.

An app's ``datasets.py`` calls :func:`register` at import time::

    register(Dataset(
        slug="pilots", title=_("Pilot projects"), description=_("…"),
        rows=lambda: Pilot.objects.published().order_by("pk"),
        fields=(Field("id", "integer", _("Identifier"), _("Stable number of the pilot.")), …),
    ))

``rows`` returns the records (a queryset, so the API can page and filter it); each field reads
its value from a record with ``get`` (by default the attribute of the field's name).
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.utils.module_loading import autodiscover_modules

# Frictionless Table Schema types a field may have (https://specs.frictionlessdata.io/table-schema/).
FIELD_TYPES = {"string", "integer", "number", "boolean", "date", "datetime", "year", "array"}


@dataclass(frozen=True)
class Field:
    """One column: its name, Table Schema type and meaning, in both languages (lazy strings)."""

    name: str
    type: str
    title: str
    description: str
    get: Callable | None = None

    def __post_init__(self):
        if self.type not in FIELD_TYPES:
            raise ValueError(f"{self.name}: unknown field type {self.type!r}")

    def value(self, record):
        getter = self.get or operator.attrgetter(self.name)
        return getter(record)


@dataclass(frozen=True)
class Dataset:
    """What one kind of public record looks like as open data."""

    slug: str
    title: str
    description: str
    fields: tuple[Field, ...]
    rows: Callable[[], Iterable]
    # Returns the record's public page path, or None when it has none.
    record_url: Callable | None = None
    # name -> callable(queryset, value) -> queryset: the filters the API offers (pillar, year, …).
    filters: dict = field(default_factory=dict)
    # The newest change to the records, for "last updated" (a datetime or None).
    updated: Callable | None = None
    keywords: tuple[str, ...] = ()

    def field_names(self):
        return [f.name for f in self.fields]

    def row(self, record):
        """One record as a dict of its public field values, in field order."""
        return {f.name: f.value(record) for f in self.fields}

    def last_updated(self):
        return self.updated() if self.updated else None


_registry: dict[str, Dataset] = {}
_discovered = False


def register(dataset: Dataset) -> Dataset:
    if dataset.slug in _registry and _registry[dataset.slug] is not dataset:
        raise ValueError(f"dataset {dataset.slug!r} is declared twice")
    _registry[dataset.slug] = dataset
    return dataset


def _discover():
    global _discovered
    if not _discovered:
        autodiscover_modules("datasets")  # each installed app's datasets.py registers its own
        _discovered = True


def datasets() -> list[Dataset]:
    """Every public dataset, in the order the apps declared them."""
    _discover()
    return list(_registry.values())


def get(slug: str) -> Dataset | None:
    _discover()
    return _registry.get(slug)
