"""Demo content in Bahasa Indonesia for pages created in bulk (events, challenges, policy, ...).

wagtail-localize gives every English page a synchronised alias in the Indonesian tree, showing
the English text. For the demo, each feature app turns those aliases into ordinary translated
pages with Indonesian fields (``translate_aliases``): the page keeps its translation key and slug,
so the language switcher, the menu and every link work as before, and editors refine the
Indonesian text in the admin like any page (it is no longer overwritten when the English page
changes).

Speed matters: the test suite seeds often. Translating ~150 pages through wagtail-localize's
string translations, or publishing each one, costs the seed most of a minute; here each page gets
one revision (bulk-created) and a few UPDATE statements, and the search index is updated in the
same pass, so ``/id/search/?q=banjir`` finds the Indonesian text at once. Index pages and
standard pages, which editors translate most often, go through wagtail-localize's editor
instead (``portal.demo.translate_page``).
"""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page, Revision
from wagtail.search import index


def _aliases(pairs, target):
    """(alias, fields) for each (English page, fields) whose Indonesian page is still an alias."""
    wanted = {page.translation_key: fields for page, fields in pairs}
    aliases = Page.objects.filter(
        translation_key__in=wanted, locale=target, alias_of__isnull=False
    ).specific()
    return [(alias, wanted[alias.translation_key]) for alias in aliases]


@transaction.atomic
def translate_aliases(pairs, target, prepare=None):
    """Give each Indonesian alias of the (English page, {field: Indonesian value}) pairs its own
    fields, as a published revision. Returns how many pages it translated; pages translated on
    an earlier run (no longer aliases) are left alone, so seeding twice changes nothing.

    StreamField values are lists of (block type, value). ``prepare(page)`` may adjust a page
    further before it is stored (child rows, links to other translated pages).
    """
    found = _aliases(pairs, target)
    now = timezone.now()
    revisions = []
    for alias, fields in found:
        for name, value in fields.items():
            setattr(alias, name, value)
        alias.alias_of = None
        alias.draft_title = alias.title
        alias.has_unpublished_changes = False
        if prepare is not None:
            prepare(alias)
        revisions.append(
            Revision(
                content_type_id=alias.content_type_id,
                base_content_type=ContentType.objects.get_for_model(Page),
                object_id=str(alias.pk),
                content=alias.serializable_data(),
                object_str=alias.title[:255],
                created_at=now,
            )
        )
    Revision.objects.bulk_create(revisions)
    for (alias, fields), revision in zip(found, revisions, strict=True):
        alias.latest_revision = alias.live_revision = revision
        values = {name: getattr(alias, name) for name in fields}
        type(alias).objects.filter(pk=alias.pk).update(
            **values,
            alias_of=None,
            draft_title=alias.title,
            has_unpublished_changes=False,
            latest_revision=revision,
            live_revision=revision,
            last_published_at=now,
        )
        index.insert_or_update_object(alias)
    return len(found)
