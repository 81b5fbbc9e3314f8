"""Spreadsheet exports that a spreadsheet cannot turn against their reader.

A cell whose text begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is read
by Excel, LibreOffice and Google Sheets as a formula (CSV injection). Every CSV the portal
writes goes through :func:`csv_writer` / :func:`dict_writer`, and every Wagtail spreadsheet
download (the portal's ``list_export`` viewsets and Wagtail's own reports: site history, aging
and locked pages, workflows) through :func:`guard_wagtail_exports`; both prefix such cells with
an apostrophe, the spreadsheets' own "this is text" mark.
"""

import csv
from decimal import Decimal

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """The value, with an apostrophe in front when a spreadsheet would run it as a formula.

    Only text is guarded: numbers, dates and ``None`` are left for the writer to format.
    """
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class _GuardedWriter:
    def __init__(self, writer):
        self._writer = writer

    def writerow(self, row):
        return self._writer.writerow([safe_cell(v) for v in row])

    def writerows(self, rows):
        for row in rows:
            self.writerow(row)


class _GuardedDictWriter:
    def __init__(self, writer):
        self._writer = writer

    def writeheader(self):
        return self._writer.writeheader()

    def writerow(self, row):
        return self._writer.writerow({k: safe_cell(v) for k, v in row.items()})

    def writerows(self, rows):
        for row in rows:
            self.writerow(row)


def csv_writer(stream, **kwargs):
    """``csv.writer`` whose every cell passes :func:`safe_cell`."""
    return _GuardedWriter(csv.writer(stream, **kwargs))


def dict_writer(stream, fieldnames, **kwargs):
    """``csv.DictWriter`` whose every cell passes :func:`safe_cell`."""
    return _GuardedDictWriter(csv.DictWriter(stream, fieldnames, **kwargs))


def _csv_cell(value):
    # The CSV writer turns every value into text, so a page, a user or a lazy translation whose
    # text starts with "=" is as dangerous as the string: guard what will be written.
    if value is None or isinstance(value, int | float | Decimal):
        return value
    return safe_cell(str(value))


def guard_wagtail_exports():
    """Guard every CSV cell of Wagtail's ``SpreadsheetExportMixin``, which all its index views
    and reports share (called once, from ``PortalConfig.ready``).

    Wagtail's reports are routed by Wagtail itself, so guarding their shared base is the one
    place that covers them and every viewset a later app declares. The XLSX export needs
    nothing: Wagtail turns what openpyxl would store as a formula back into text, and a
    spreadsheet shows text cells, never runs them.
    """
    from wagtail.admin.views.mixins import SpreadsheetExportMixin

    unguarded = SpreadsheetExportMixin.preprocess_field_value
    if getattr(unguarded, "guards_formulas", False):
        return

    def preprocess_field_value(self, field, value, export_format):
        value = unguarded(self, field, value, export_format)
        return _csv_cell(value) if export_format == self.FORMAT_CSV else value

    preprocess_field_value.guards_formulas = True
    SpreadsheetExportMixin.preprocess_field_value = preprocess_field_value


class FormulaGuardMixin:
    """For the portal's Wagtail index views: headings and choice labels in words.

    (Formula-like cells are guarded for every Wagtail export by :func:`guard_wagtail_exports`.)
    """

    def get_heading(self, queryset, field):
        """A related field's own label ("recommendation.programme" → "Programme"), in words."""
        if "." not in field or self.export_headings.get(field):
            return super().get_heading(queryset, field)
        from django.contrib.admin.utils import label_for_field
        from django.core.exceptions import FieldDoesNotExist
        from django.utils.encoding import force_str
        from django.utils.text import capfirst

        *path, name = field.split(".")
        model = queryset.model
        try:
            for part in path:
                model = model._meta.get_field(part).related_model
            return capfirst(force_str(label_for_field(name, model)))
        except (AttributeError, FieldDoesNotExist):
            return super().get_heading(queryset, field)

    def to_row_dict(self, item):
        """A field with choices exports its label ("In review"), not the stored "in_review"."""
        row = super().to_row_dict(item)
        for field in row:
            display = getattr(item, f"get_{field}_display", None) if "." not in field else None
            if callable(display):
                label = display()
                if isinstance(label, list | tuple):  # several choices: "North Jakarta, …"
                    label = ", ".join(str(part) for part in label)
                row[field] = None if label is None else str(label)  # not a lazy translation
        return row
