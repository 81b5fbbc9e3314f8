"""The one invalidation mechanism for everything the public sees (docs/caching.md).

Every cached public thing (full anonymous pages, the shared page frame) is stored under the
current cache *generation*, a counter kept in the Django cache (Redis in production, so every app
server shares it). A change the public could see moves the generation on, so the next request
misses and renders fresh; old entries simply expire. The same call purges the affected URLs from
a CDN through ``wagtail.contrib.frontend_cache`` (no backend configured by default).

What moves the generation:
- any saved or deleted row of the portal's own apps, except models no public page shows
  (``PRIVATE_MODELS``): pages, organisations, pilots, responses, awards, registrations…;
- Wagtail's page signals (published, unpublished, moved, deleted): these also purge the page,
  its ancestors and its translations from the CDN;
- a page's privacy set or lifted (a saved or deleted ``PageViewRestriction``): its section
  leaves or rejoins the public pages, lists and counts;
- a workflow transition (``portal.workflow.transition_applied``), which also purges the URLs
  the object names in ``public_pages()``;
- services that write with ``QuerySet.update()`` (no signal) call ``purge_pages`` themselves.

The generation moves at once (this process's next request) and again when the transaction
commits, so a request that rendered the old data before the commit cannot keep it cached.
"""

import logging

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save

logger = logging.getLogger(__name__)

GENERATION_KEY = "portal:cache:generation"
PORTAL_APPS = ("portal", "partners", "events", "programs")
# Rows no public page shows: writing them leaves the public cache alone.
PRIVATE_MODELS = {
    "portal.notification",
    "portal.reviewassignment",
    "portal.review",
    "portal.criterionscore",
    "partners.invitation",
    "partners.joinrequest",
    "partners.proposalattachment",
    "events.voteaudit",
    "events.comparison",
    "events.declaredconflict",
    "events.teaminvitation",
    "events.teamjoinrequest",
}
# Saves that touch only these fields change nothing public (a sign-in updates last_login).
PRIVATE_FIELDS = {"last_login", "password"}


def generation():
    """The current generation (a number); the first reader starts it."""
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, 1, timeout=None)
        value = cache.get(GENERATION_KEY, 1)
    return value


def request_generation(request):
    """The generation for this request, read once (the frame and the page use the same)."""
    if request is None:
        return generation()
    value = getattr(request, "_portal_generation", None)
    if value is None:
        value = request._portal_generation = generation()
    return value


FRAME_TIMEOUT = 3600


def frame_cached(request, name, build):
    """``build()`` cached for this site and generation when the frame cache is on: the shared
    frame (menu, language links, home sections) costs no query on most requests and follows
    every public change. ``build`` must return plain data (no model instances)."""
    if not settings.PORTAL_FRAME_CACHE or request is None:
        return build()
    key = f"portal:frame:{request_generation(request)}:{request.get_host()}:{name}"
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, FRAME_TIMEOUT)
    return value


def _bump():
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # not set yet (or evicted): any new value differs from what was read
        cache.add(GENERATION_KEY, 2, timeout=None)


def invalidate():
    """Everything public may have changed: move the generation now and after the commit."""
    _bump()
    transaction.on_commit(_bump)


def purge_urls(urls):
    """Move the generation and purge ``urls`` (absolute) from the CDN after the commit."""
    invalidate()
    urls = sorted({url for url in urls if url})
    if urls and getattr(settings, "WAGTAILFRONTENDCACHE", None):
        from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

        transaction.on_commit(lambda: purge_urls_from_cache(urls))


def page_urls(pages):
    """Absolute URLs of ``pages``, their ancestors (indexes list them) and translations."""
    from wagtail.models import Page

    ids = set()
    for page in pages:
        if page is None:
            continue
        ids.add(page.pk)
        ids.update(page.get_ancestors().values_list("pk", flat=True))
        ids.update(page.get_translations().values_list("pk", flat=True))
    urls = []
    for page in Page.objects.filter(pk__in=ids, depth__gt=1).live().specific(defer=True):
        url = page.get_full_url()
        if url:
            urls.append(url)
    return urls


def purge_pages(pages):
    """A change to these pages: move the generation, purge them (and parents) from the CDN."""
    pages = [page for page in pages if page is not None]
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        invalidate()  # no CDN: the URLs are not needed
        return
    purge_urls(page_urls(pages))


def purge_object(obj):
    """A change to ``obj`` (e.g. a workflow transition): purge what shows it.

    ``obj`` may name the pages that show it (``public_pages()``) and other addresses, such as
    routes of an index page (``public_urls()``); without either, only the generation moves.
    """
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        invalidate()
        return
    pages = obj.public_pages() if hasattr(obj, "public_pages") else []
    urls = obj.public_urls() if hasattr(obj, "public_urls") else []
    purge_urls([*page_urls(pages), *urls])


# --- Signal receivers (connected in PortalConfig.ready) ----------------------------------------


def _model_changed(sender, instance=None, update_fields=None, **kwargs):
    if sender._meta.label_lower in PRIVATE_MODELS:
        return
    if update_fields and set(update_fields) <= PRIVATE_FIELDS:
        return
    invalidate()


def _page_changed(sender, instance, **kwargs):
    if instance is None:
        return
    try:
        purge_pages([instance])
    except Exception:  # a purge must never break publishing; the generation moved already
        logger.exception("Could not purge page %s from the frontend cache", instance.pk)


def _page_deleted(sender, instance, **kwargs):
    invalidate()  # its URL is gone; the parent lists it no more
    if instance.depth > 2 and getattr(settings, "WAGTAILFRONTENDCACHE", None):
        # The parent may be going too (a subtree is deleted): look it up, do not insist.
        parent = sender.objects.filter(path=instance.path[: -sender.steplen]).first()
        _page_changed(sender, parent)


def _page_moved(
    sender, instance, parent_page_before=None, url_path_before="", url_path_after="", **kwargs
):
    _page_changed(sender, parent_page_before)
    _page_changed(sender, instance)
    new_url = instance.get_full_url() if getattr(settings, "WAGTAILFRONTENDCACHE", None) else ""
    if new_url and url_path_after and new_url.endswith(_tail(url_path_after, url_path_before)):
        # The old address answers 404 now: the CDN must forget it too.
        tail_after = _tail(url_path_after, url_path_before)
        purge_urls(
            [new_url[: len(new_url) - len(tail_after)] + _tail(url_path_before, url_path_after)]
        )


def _restriction_changed(sender, instance, **kwargs):
    invalidate()  # the page may be going too (a subtree is deleted)
    _page_changed(sender, getattr(instance, "page", None))


def _tail(path, other):
    """``path`` after the folders it shares with ``other``."""
    shared = 0
    for index, (a, b) in enumerate(zip(path, other, strict=False)):
        if a != b:
            break
        if a == "/":
            shared = index + 1
    return path[shared:]


def _transition_applied(sender, obj, **kwargs):
    if sender._meta.label_lower in PRIVATE_MODELS:  # a request to join, an invitation
        return
    purge_object(obj)


def connect():
    from django.apps import apps
    from wagtail.models import Page, PageViewRestriction
    from wagtail.signals import page_published, page_unpublished, post_page_move

    from portal.workflow.engine import transition_applied

    for label in PORTAL_APPS:
        for model in apps.get_app_config(label).get_models():
            post_save.connect(_model_changed, sender=model, dispatch_uid=f"cache-{model}")
            post_delete.connect(_model_changed, sender=model, dispatch_uid=f"cache-d-{model}")
    page_published.connect(_page_changed, dispatch_uid="cache-published")
    page_unpublished.connect(_page_changed, dispatch_uid="cache-unpublished")
    post_page_move.connect(_page_moved, dispatch_uid="cache-moved")
    post_delete.connect(_page_deleted, sender=Page, dispatch_uid="cache-page-deleted")
    transition_applied.connect(_transition_applied, dispatch_uid="cache-transition")
    post_save.connect(_restriction_changed, sender=PageViewRestriction, dispatch_uid="cache-pvr")
    post_delete.connect(
        _restriction_changed, sender=PageViewRestriction, dispatch_uid="cache-pvr-d"
    )
