"""Lookups Wagtail repeats within one request, made once per request.

Wagtail looks the active ``Locale`` up by its language code whenever something asks
(``Locale.get_active()``, routing, ``Page.localized``, each taxonomy filter), and every
``PageQuerySet.public()`` and the check before a page is served read the view restrictions
again: a public page asked each three to six times, one query each. Inside a request
(``request_scope``, opened by portal.middleware.LocaleMiddleware) each answer is remembered;
outside one (commands, migrations, tests without a request) Wagtail's own lookups run unchanged.

Locales are created by migrations and editors, never in the middle of a public request; a view
restriction saved or deleted during a request (the admin's privacy dialog) forgets the
remembered list at once.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.models.i18n import LocaleManager
from wagtail.query import PageQuerySet

_memo: ContextVar[dict | None] = ContextVar("portal_request_memo", default=None)
_get_for_language = LocaleManager.get_for_language
_get_view_restrictions = Page.get_view_restrictions
RESTRICTIONS = "view-restrictions"


def _remembered(key, lookup):
    """``lookup()`` once per request (a lookup that raises is not remembered)."""
    memo = _memo.get()
    if memo is None:
        return lookup()
    if key not in memo:
        memo[key] = lookup()
    return memo[key]


def get_for_language(self, language_code):
    return _remembered(("locale", language_code), lambda: _get_for_language(self, language_code))


def _restricted_pages():
    def lookup():
        return [r.page for r in PageViewRestriction.objects.select_related("page")]

    return _remembered(RESTRICTIONS, lookup)


def private_q(self):
    """Wagtail's ``PageQuerySet.private_q``, reading the restricted pages once per request."""
    from django.db.models import Q

    q = Q()
    for page in _restricted_pages():
        q |= self.descendant_of_q(page, inclusive=True)
    return q if q else Q(pk__in=[])  # no private section: match no page


def get_view_restrictions(self):
    """Wagtail's ``Page.get_view_restrictions`` (checked before every page is served), with no
    query of its own while no page of the site is private."""
    if _memo.get() is not None and not _restricted_pages():
        return PageViewRestriction.objects.none()
    return _get_view_restrictions(self)


def _forget_restrictions(**kwargs):
    memo = _memo.get()
    if memo is not None:
        memo.pop(RESTRICTIONS, None)


def install():
    """Called once, from PortalConfig.ready."""
    LocaleManager.get_for_language = get_for_language
    PageQuerySet.private_q = private_q
    Page.get_view_restrictions = get_view_restrictions
    post_save.connect(_forget_restrictions, sender=PageViewRestriction, dispatch_uid="memo-pvr")
    post_delete.connect(_forget_restrictions, sender=PageViewRestriction, dispatch_uid="memo-pvr-d")


@contextmanager
def request_scope():
    token = _memo.set({})
    try:
        yield
    finally:
        _memo.reset(token)
