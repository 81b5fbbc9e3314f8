"""Content languages: keeping every locale's page tree complete.

wagtail-localize creates an alias in each synchronised locale when an editor adds a page in the
admin. Pages created in code (demo data, imports) call ``synchronise_page_trees`` afterwards, so
every page exists in every language and shows its source text until someone translates it.
"""

from wagtail_localize.models import LocaleSynchronization
from wagtail_localize.synctree import PageIndex, synchronize_tree


def synchronise_page_trees():
    index = PageIndex.from_database().sort_by_tree_position()
    for sync in LocaleSynchronization.objects.select_related("locale", "sync_from"):
        synchronize_tree(sync.sync_from, sync.locale, page_index=index)
