"""What members may report: each app declares its reportable kinds once, in ``<app>/reportable.py``
(found the way ``datasets.py`` modules are), so the core never imports an app::

    register(ReportableKind(
        slug="pilot", model="programs.Pilot", label=_("Pilot project"),
        authors=lambda pilot: [...users who wrote it...],
        url=lambda pilot: "/en/pilots/<slug>/",   # in the active language, "" when none
    ))

``authors`` are told when the content is hidden or restored, see it while hidden, and may not
report it themselves. ``url`` is where the content is shown (and where the report form returns).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.utils import translation
from django.utils.module_loading import autodiscover_modules


@dataclass(frozen=True)
class ReportableKind:
    slug: str
    model: str  # "app_label.ModelName"
    label: str  # lazy
    authors: Callable
    url: Callable
    title: Callable = str

    def model_class(self):
        return apps.get_model(self.model)

    def get(self, pk):
        """The content with this number, or None (whether or not the public sees it)."""
        return self.model_class()._default_manager.filter(pk=pk).first()

    def urls(self, obj):
        """The content's address in every language (for the page cache and a CDN)."""
        found = []
        for code, _name in settings.LANGUAGES:
            with translation.override(code):
                found.append(self.url(obj))
        return [url for url in found if url]


_registry: dict[str, ReportableKind] = {}
_discovered = False


def register(kind: ReportableKind) -> ReportableKind:
    if kind.slug in _registry and _registry[kind.slug] != kind:
        raise ValueError(f"reportable kind {kind.slug!r} is declared twice")
    _registry[kind.slug] = kind
    return kind


def _discover():
    global _discovered
    if not _discovered:
        _discovered = True
        autodiscover_modules("reportable")


def kinds() -> list[ReportableKind]:
    _discover()
    return list(_registry.values())


def get(slug) -> ReportableKind | None:
    _discover()
    return _registry.get(slug)


def kind_of(obj) -> ReportableKind | None:
    """The kind ``obj`` is reported as (by its model), or None when it is not reportable."""
    label = obj._meta.label_lower if hasattr(obj, "_meta") else ""
    return next((kind for kind in kinds() if kind.model.lower() == label), None)


def is_reportable_model(model) -> bool:
    label = model._meta.label_lower
    return any(kind.model.lower() == label for kind in kinds())
