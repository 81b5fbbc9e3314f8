"""What the home page shows of the network at work: each app declares its showcases once.

An app's ``showcases.py`` calls :func:`register` at import time::

    register(Showcase(
        name="upcoming_events", label=_("Upcoming events"),
        items=lambda request, count: [Item(title=…, url=…, meta=…), …],
        more=lambda request: ("/en/events/", _("All events")),
    ))

Editors place a "Live showcase" block (:class:`portal.blocks.ShowcaseBlock`) on the home page and
choose which showcase it shows and how many items; the items are read from the records at render
time, in the reader's language, so the page is never out of date (the public page cache is
emptied by every publication and workflow step, portal/cache.py).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.module_loading import autodiscover_modules


@dataclass(frozen=True)
class Item:
    """One entry of a showcase: a record's title and link, and one line about it."""

    title: str
    url: str
    meta: str = ""  # a date, a stage, an agency: one short line
    text: str = ""  # a short summary
    figure: int | None = None  # a headline number: the showcase shows tiles
    lang: str = ""  # the language the title is written in, when not the page's own
    image: object = None  # the page's picture (a Wagtail image), shown on its card


@dataclass(frozen=True)
class Showcase:
    name: str
    label: str
    # (request, count) -> [Item]: at most ``count`` items, newest or soonest first.
    items: Callable
    # request -> (url, link text) to the full list, or None.
    more: Callable | None = None
    # Shown when there is nothing to list (e.g. "No open calls right now").
    empty: str = ""


_SHOWCASES: dict[str, Showcase] = {}
_discovered = False


def register(showcase: Showcase) -> Showcase:
    _SHOWCASES[showcase.name] = showcase
    return showcase


def showcases() -> dict[str, Showcase]:
    global _discovered
    if not _discovered:
        autodiscover_modules("showcases")
        _discovered = True
    return _SHOWCASES


def get(name) -> Showcase | None:
    return showcases().get(name)


def choices():
    """(name, label) of every showcase, for the block's chooser."""
    return [(name, showcase.label) for name, showcase in showcases().items()]


# -- helpers the apps' showcases share ---------------------------------------------------------


def page_item(page, request, *, meta="", text=""):
    """An item for a page in the reader's locale (an untranslated alias is marked English)."""
    from django.utils import translation

    from portal.templatetags.a11y_tags import content_language

    language = content_language(page)
    current = (translation.get_language() or "").split("-")[0]
    lang = language if language and language.split("-")[0] != current else ""
    # Showcases load ``image`` with portal.images.with_images (no query per card).
    image = getattr(page, "image", None)
    return Item(
        title=page.title, url=page.get_url(request), meta=meta, text=text, lang=lang, image=image
    )


def record_item(record, url, *, title="title", text="", meta=""):
    """An item for a record with Indonesian twins (``title_id``…), in the reader's language."""
    from portal.i18n import in_english, localised

    return Item(
        title=localised(record, title),
        url=url,
        meta=meta,
        text=localised(record, text) if text else "",
        lang="en" if in_english(record, title) else "",
    )


def in_locale(queryset):
    """Live public pages of the reader's locale.

    The home page asks for a dozen such lists; the locale and the view restrictions they filter
    on are read once per request (portal/request_memo.py).
    """
    from wagtail.models import Locale

    return queryset.live().public().filter(locale=Locale.get_active())


def index_url(request, index_class):
    """The URL of the reader's-language ``index_class`` page ("" if there is none), kept in the
    frame cache: every showcase links to an index, and each lookup would cost a query."""
    from django.utils import translation

    from portal.cache import frame_cached

    def build():
        index = in_locale(index_class.objects).first()
        return index.get_url(request) if index else ""

    name = f"index-url:{index_class._meta.label_lower}:{translation.get_language()}"
    return frame_cached(request, name, build)


def more_link(index_class, label):
    """``more`` for a showcase: the reader's-language index page of ``index_class``."""

    def more(request):
        url = index_url(request, index_class)
        return (url, label) if url else None

    return more
