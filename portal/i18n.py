"""Content languages: keeping every locale's page tree complete, and records in both languages.

wagtail-localize creates an alias in each synchronised locale when an editor adds a page in the
admin. Pages created in code (demo data, imports) call ``synchronise_page_trees`` afterwards, so
every page exists in every language and shows its source text until someone translates it.
"""

from django.utils import translation
from wagtail_localize.models import LocaleSynchronization
from wagtail_localize.synctree import PageIndex, synchronize_tree


def synchronise_page_trees():
    index = PageIndex.from_database().sort_by_tree_position()
    for sync in LocaleSynchronization.objects.select_related("locale", "sync_from"):
        synchronize_tree(sync.sync_from, sync.locale, page_index=index)


INDONESIAN = "id"


def localised(obj, field):
    """``obj.<field>`` in the reader's language: the Indonesian twin ``<field>_id`` when the
    active language is Bahasa Indonesia and the twin is filled, the English field otherwise.

    One rule for every record that is not a page (organisations, pilots, tracks, speakers,
    cohorts): editors fill the twin in the admin, and an empty twin falls back to English.
    """
    if obj is None:
        return ""
    if (translation.get_language() or "").split("-")[0] == INDONESIAN:
        twin = getattr(obj, f"{field}_id", "")
        if twin:
            return twin
    value = getattr(obj, field, "")
    return "" if value is None else value


def in_english(obj, field):
    """True when ``localised(obj, field)`` shows English text on the Indonesian site (the
    twin is empty): templates mark such text with ``lang="en"``."""
    if (translation.get_language() or "").split("-")[0] != INDONESIAN:
        return False
    return bool(getattr(obj, field, "")) and not getattr(obj, f"{field}_id", "")
