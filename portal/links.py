"""Addresses the portal sends people (notifications, e-mails), from the URL names, never typed.

``link()`` is lazy: ``notify`` renders it for each recipient under their preferred language, so an
Indonesian-speaking member gets ``/id/…`` and an English-speaking one ``/en/…`` from the same
notice. ``link_for(user, …)`` renders it at once in one user's language.
"""

from django.conf import settings
from django.urls import reverse, reverse_lazy
from django.utils import translation


def language_of(user):
    """The language a user reads the portal in (their preference, else the site's default)."""
    return getattr(user, "preferred_language", "") or settings.LANGUAGE_CODE


def link(viewname, *args, **kwargs):
    """The address of ``viewname``, in the language active when it is rendered."""
    return reverse_lazy(viewname, args=args or None, kwargs=kwargs or None)


def link_for(user, viewname, *args, **kwargs):
    """The address of ``viewname`` in ``user``'s language."""
    with translation.override(language_of(user)):
        return reverse(viewname, args=args or None, kwargs=kwargs or None)
