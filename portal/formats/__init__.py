"""The portal's date, time and number styles per language (settings.FORMAT_MODULE_PATH).

One style per locale everywhere: templates use ``DATE_FORMAT`` / ``DATETIME_FORMAT`` (or the
``|when`` filter in portal/templatetags/format_tags.py, which adds ``<time>`` and "WIB").
Anything not set here falls back to Django's own format module for the language."""
