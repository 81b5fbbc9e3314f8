"""Reporting member-written content and moderating it (docs/moderation.md).

Apps declare what may be reported in ``<app>/reportable.py`` (``portal.reports.registry``); public
surfaces keep only ``visible(queryset)`` and detail pages ask ``check_visible(user, obj)``
(``portal.reports.hidden``).
"""
