"""The kinds members may follow: each app declares its own once, in its ``follows.py``::

    register(Followable(
        kind="pilots", model="programs.Pilot", label=_("Pilots"), order=30,
        public=lambda: Pilot.objects.published(),
        url=pilot_url,
        via={"programs.PilotAgency": lambda involvement: involvement.pilot},
    ))

``public`` returns the queryset of what the public may see (only those can be followed, and
only their news is told); ``url(item)`` its public page path; ``via`` names other models whose
public workflow steps are news about the item (an agency's answer about a pilot). The news is
described by :func:`describe` unless the kind gives its own ``describe(item, news, title)``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.apps import apps
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext as _


@dataclass(frozen=True)
class Followable:
    kind: str  # stable name stored in the database: "pilots"
    model: str  # "app_label.Model"
    label: str  # plural, lazy: _("Pilots")
    public: Callable  # () -> queryset of what the public may see
    url: Callable  # (item) -> its public page path
    order: int = 100
    via: dict = field(default_factory=dict)  # "app.Model" -> (obj) -> followed item or None
    describe: Callable | None = None  # (item, news, title) -> text in the active language
    title: Callable = str  # (item) -> its name in the active language
    # (items) -> {pk: (title, url)} for many at once, in a query or two (lists, digests).
    present_many: Callable | None = None

    @property
    def model_class(self):
        return apps.get_model(self.model)

    def is_public(self, item):
        return self.public().filter(pk=item.pk).exists()

    def describe_news(self, item, news, title=None):
        """The news in the active language; ``title`` is the item's, when already known."""
        if title is None:
            title = self.present([item])[item.pk][0]
        if self.describe is not None:
            return self.describe(item, news, title)
        return describe(news, title)

    def present(self, items):
        """``{pk: (title, url)}`` of ``items`` in the active language."""
        if self.present_many is not None:
            return self.present_many(items)
        return {item.pk: (self.title(item), self.url(item) or "") for item in items}


_registry: dict[str, Followable] = {}
_discovered = False


def register(followable: Followable):
    _registry[followable.kind] = followable
    return followable


def _discover():
    global _discovered
    if not _discovered:
        autodiscover_modules("follows")
        _discovered = True


def kinds() -> list[Followable]:
    """Every followable kind, in their declared order."""
    _discover()
    return sorted(_registry.values(), key=lambda f: (f.order, f.kind))


def get(kind: str) -> Followable | None:
    _discover()
    return _registry.get(kind)


def for_model(model) -> Followable | None:
    """The kind whose items are ``model`` (or a subclass of it), if any."""
    _discover()
    for followable in _registry.values():
        if issubclass(model, followable.model_class):
            return followable
    return None


def for_related(model):
    """``(followable, getter)`` pairs for which ``model``'s steps are news about an item."""
    _discover()
    label = model._meta.label
    return [(f, f.via[label]) for f in _registry.values() if label in f.via]


def describe(news, title):
    """The default wording of a piece of news, in the active language."""
    from portal.workflow.engine import REGISTRY

    if news.verb == news.Verb.PUBLISHED:
        return _("“%(title)s” was updated") % {"title": title}
    pipeline = REGISTRY.get(news.pipeline)
    state = pipeline.state_label(news.state) if pipeline else news.state
    return _("“%(title)s”: now “%(state)s”") % {"title": title, "state": state}


def _page_in_language(page):
    """The version of ``page`` in the reader's language (synchronised trees have one)."""
    from wagtail.models import Locale

    if page.locale_id == Locale.get_active().pk:
        return page
    return page.get_translation_or_none(Locale.get_active()) or page


def _pages_in_language(pages):
    """``{pk: (title, url)}``: each page's version in the reader's language, in one query."""
    from wagtail.models import Locale, Page

    locale = Locale.get_active()
    keys = {page.translation_key for page in pages if page.locale_id != locale.pk}
    found = {
        version.translation_key: version
        for version in Page.objects.live().filter(translation_key__in=keys, locale=locale)
    }
    shown = {}
    for page in pages:
        version = page if page.locale_id == locale.pk else found.get(page.translation_key, page)
        shown[page.pk] = (version.title, version.url or "")
    return shown


def page_kind(kind, model, label, order, **more) -> Followable:
    """A kind whose items are live, public Wagtail pages of ``model``."""
    return Followable(
        present_many=_pages_in_language,
        kind=kind,
        model=model,
        label=label,
        order=order,
        public=lambda: apps.get_model(model).objects.live().public(),
        url=lambda page: _page_in_language(page).url or "",
        title=lambda page: _page_in_language(page).title,
        **more,
    )
