"""A dataset's records written as CSV, JSON and XLSX.

Every format reads the same declaration (``portal.datasets``): the columns are the dataset's
fields, in order. The records are read in chunks (``QuerySet.iterator`` with the dataset's own
prefetches per chunk), so memory stays bounded and the queries do not grow with each record.
CSV cells go through ``portal.exports.csv_writer`` (formula-safe); XLSX text cells are typed as
text, never as formulas.
"""

import datetime
import io
import json

from django.db.models import QuerySet
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from portal.exports import csv_writer

CHUNK = 2000


def records(dataset):
    """The dataset's records, read ``CHUNK`` at a time."""
    rows = dataset.rows()
    if isinstance(rows, QuerySet):
        return rows.iterator(chunk_size=CHUNK)
    return iter(rows)


def count(dataset):
    rows = dataset.rows()
    # A computed dataset gives a list (whose ``count`` is list.count, not a row count).
    return rows.count() if isinstance(rows, QuerySet) else len(list(rows))


def plain(value):
    """A value as JSON holds it: dates as ISO 8601 text, arrays as lists, None as null."""
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [plain(item) for item in value]
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    return str(value)


def text(value):
    """A value as one CSV cell, the way a Frictionless Table Schema reads it."""
    value = plain(value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def csv_lines(dataset):
    """The CSV, header first, as an iterator of text chunks (one per record)."""
    buffer = io.StringIO()
    writer = csv_writer(buffer, lineterminator="\r\n")

    def flush():
        chunk = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        return chunk

    writer.writerow(dataset.field_names())
    yield flush()
    for record in records(dataset):
        writer.writerow([text(value) for value in dataset.row(record).values()])
        yield flush()


def csv_bytes(dataset):
    return "".join(csv_lines(dataset)).encode("utf-8")


def json_records(dataset):
    return [{k: plain(v) for k, v in dataset.row(record).items()} for record in records(dataset)]


def _xlsx_value(value):
    value = plain(value)
    if isinstance(value, list):
        value = "; ".join(str(item) for item in value)
    if isinstance(value, str):
        return ILLEGAL_CHARACTERS_RE.sub("", value)
    return value


def xlsx_bytes(dataset, sheet_title):
    """A workbook of one sheet: the header, then one row per record. Text is stored as text,
    so a cell beginning with ``=`` is shown, never calculated."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet(title=sheet_title[:31])

    def row(values):
        cells = []
        for value in values:
            cell = WriteOnlyCell(sheet, value=_xlsx_value(value))
            if isinstance(cell.value, str):
                cell.data_type = "s"
            cells.append(cell)
        return cells

    sheet.append(row(dataset.field_names()))
    for record in records(dataset):
        sheet.append(row(dataset.row(record).values()))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
