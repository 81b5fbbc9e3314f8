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
its value from a record with ``get`` (by default the attribute of the field's name). Content
hidden after a report (``portal.reports``) is taken out of ``rows()`` here, for every dataset.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _

from portal.sites import absolute

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
    # True when the value is written per language: page datasets then hold one row per
    # language version (see the ``language`` and ``translation_key`` columns).
    translatable: bool = False

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

    def __post_init__(self):
        # Content hidden after a report (portal.reports) leaves every dataset here, once, so
        # the downloads, the API and the exports never list it whichever caller asks.
        declared = self.rows

        def rows():
            from portal.reports.hidden import visible

            return visible(declared())

        object.__setattr__(self, "rows", rows)

    def field_names(self):
        return [f.name for f in self.fields]

    def row(self, record):
        """One record as a dict of its public field values, in field order."""
        return {f.name: f.value(record) for f in self.fields}

    def last_updated(self):
        return self.updated() if self.updated else None


def page_fields():
    """The columns every dataset of Wagtail pages starts with: one row per language version,
    the versions of one page sharing ``translation_key``."""
    return (
        Field("id", "integer", _("Identifier"), _("The page's stable number."), get=_pk),
        Field(
            "translation_key",
            "string",
            _("Translation key"),
            _("The same for every language version of one page."),
            get=lambda page: str(page.translation_key),
        ),
        Field(
            "language",
            "string",
            _("Language"),
            _("The language of this version: en (English) or id (Bahasa Indonesia)."),
            get=lambda page: page.locale.language_code,
        ),
        Field("title", "string", _("Title"), _("The title."), translatable=True),
        Field(
            "url",
            "string",
            _("Web address"),
            _("The public page of this version."),
            get=lambda page: absolute(page.url or ""),
        ),
        Field(
            "first_published_at",
            "datetime",
            _("First published"),
            _("When the page was first published."),
        ),
    )


def names(attribute, label="name"):
    """A field getter: the ``label`` of each related item (prefetched) in ``attribute``."""
    return lambda record: [getattr(item, label) for item in getattr(record, attribute).all()]


def live_pages(model):
    """The live, public pages of ``model`` in every language, oldest first."""
    return model.objects.live().public().select_related("locale").order_by("pk")


def index_url(model):
    """The path of the first live index page of ``model`` in the default language, or ""."""
    from django.conf import settings

    index = (
        model.objects.live()
        .filter(locale__language_code=settings.LANGUAGE_CODE)
        .order_by("path")
        .first()
    )
    return index.url if index is not None else ""


def with_base(queryset, base):
    """The records, each carrying ``base`` (an index page's path) for its own address: one
    query finds the index, however many records follow."""
    from django.db.models import CharField, Value

    return queryset.annotate(open_data_base=Value(base, output_field=CharField()))


def record_path(record):
    """The path of a record shown at ``<base><slug>/`` (see :func:`with_base`), or None: what
    ``Dataset.record_url`` of such a dataset returns."""
    base = getattr(record, "open_data_base", "")
    return f"{base}{record.slug}/" if base else None


def page_path(page):
    """``Dataset.record_url`` of a page dataset: the page's own path."""
    return page.url or None


def link(record, slug):
    """The absolute address of a record shown at ``<base><slug>/`` (see :func:`with_base`)."""
    base = getattr(record, "open_data_base", "")
    return absolute(f"{base}{slug}/") if base else ""


def by(lookup):
    """A filter (``Dataset.filters``): the records whose ``lookup`` equals the value."""

    def apply(queryset, value):
        queryset = queryset.filter(**{lookup: value})
        return queryset.distinct() if "__" in lookup else queryset

    return apply


YEARS = (1900, 2100)


def by_year(lookup):
    """A filter by year; a value that is not a year between ``YEARS`` raises ValueError (the
    API's 400). ``kind`` and ``bounds`` let the API schema declare it as such an integer."""

    def apply(queryset, value):
        year = int(value)
        if not YEARS[0] <= year <= YEARS[1]:
            raise ValueError(value)
        return queryset.filter(**{f"{lookup}__year": year})

    apply.kind, apply.bounds = "integer", YEARS
    return apply


def page_filters(**more):
    """The filters of a page dataset: ``language`` (en, id) and the given ones."""
    return {"language": by("locale__language_code"), **more}


def url_field(meaning):
    return Field(
        "url", "string", _("Web address"), meaning, get=lambda record: link(record, record.slug)
    )


def _pk(record):
    return record.pk


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
