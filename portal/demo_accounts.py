"""Passwords of the demo accounts.

On a laptop the demo accounts get the passwords the README publishes. On production settings
(``seed_demo --force``) they never do: each published password is replaced by one generated for
this run, printed once, and an account that still has a published password gets the generated one.
"""

import secrets

from django.conf import settings

_generated = {}  # published password -> generated one (same for the whole run)
_applied = set()  # e-mail addresses whose password this run set


def start_run():
    """Forget the passwords of an earlier run in this process (each seed_demo starts afresh)."""
    _generated.clear()
    _applied.clear()


def demo_password(published):
    if not settings.PORTAL_PRODUCTION:
        return published
    return _generated.setdefault(published, secrets.token_urlsafe(18))


def set_demo_password(user, published, *, created):
    """Give a new demo account its password; on production, replace a published one."""
    if created or (settings.PORTAL_PRODUCTION and user.check_password(published)):
        user.set_password(demo_password(published))
        user.save()
        _applied.add(user.email)


def shown_password(email, published):
    """What seed_demo prints for an account."""
    if not settings.PORTAL_PRODUCTION:
        return published
    if email in _applied:
        return demo_password(published)
    return "(unchanged: set on an earlier run)"
