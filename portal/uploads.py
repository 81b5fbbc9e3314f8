"""Checking what members upload, and handing private files back to those allowed to see them.

The type of a file is read from its first bytes (and, for Office files, from the parts inside
the zip), never from its name or the browser's Content-Type: a renamed program is refused.
Private files live in the "private" storage (no public URL) and leave only through
``private_file_response`` after the caller's permission check.
"""

import zipfile
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files.storage import storages
from django.http import FileResponse
from django.utils.translation import gettext as _


@dataclass(frozen=True)
class FileType:
    key: str
    label: str
    mime: str
    extension: str


PDF = FileType("pdf", "PDF", "application/pdf", "pdf")
DOCX = FileType(
    "docx",
    "DOCX",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "docx",
)
XLSX = FileType(
    "xlsx", "XLSX", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"
)
PNG = FileType("png", "PNG", "image/png", "png")
JPEG = FileType("jpeg", "JPEG", "image/jpeg", "jpg")

DOCUMENT_TYPES = (PDF, DOCX, XLSX, PNG, JPEG)
MB = 1024 * 1024


def private_storage():
    """The storage for files that must never have a public URL (a callable, for FileField)."""
    return storages["private"]


def sniff(uploaded) -> FileType | None:
    """The file's real type from its content, or None when it is none of the known types."""
    position = uploaded.tell() if hasattr(uploaded, "tell") else 0
    uploaded.seek(0)
    head = uploaded.read(8)
    try:
        if head.startswith(b"%PDF-"):
            return PDF
        if head.startswith(b"\x89PNG\r\n\x1a\n"):
            return PNG
        if head.startswith(b"\xff\xd8\xff"):
            return JPEG
        if head.startswith(b"PK\x03\x04"):
            return _office_type(uploaded)
        return None
    finally:
        uploaded.seek(position)


def _office_type(uploaded):
    uploaded.seek(0)
    try:
        with zipfile.ZipFile(uploaded) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    if "[Content_Types].xml" not in names:
        return None
    if "word/document.xml" in names:
        return DOCX
    if "xl/workbook.xml" in names:
        return XLSX
    return None


def check_upload(uploaded, *, allowed=DOCUMENT_TYPES, max_bytes=10 * MB) -> FileType:
    """Return the sniffed type of ``uploaded`` or raise ValidationError saying what is wrong."""
    name = uploaded.name or _("the file")
    if uploaded.size > max_bytes:
        raise ValidationError(
            _("“%(name)s” is %(size)s MB; the limit is %(limit)s MB per file.")
            % {
                "name": name,
                "size": f"{uploaded.size / MB:.1f}",
                "limit": max_bytes // MB,
            },
            code="too_large",
        )
    if uploaded.size == 0:
        raise ValidationError(_("“%(name)s” is empty.") % {"name": name}, code="empty")
    kind = sniff(uploaded)
    if kind is None or kind not in allowed:
        raise ValidationError(
            _("“%(name)s” is not a %(types)s file (we check the content, not the name).")
            % {"name": name, "types": ", ".join(t.label for t in allowed)},
            code="type",
        )
    return kind


def private_file_response(field_file, *, filename, mime):
    """Stream a private file as a download; the caller has checked the permission."""
    response = FileResponse(
        field_file.open("rb"), as_attachment=True, filename=filename, content_type=mime
    )
    # Private: browsers and proxies keep no copy.
    response["Cache-Control"] = "private, no-store"
    return response
