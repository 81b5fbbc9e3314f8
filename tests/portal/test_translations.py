"""Both gettext catalogues are complete for every string the project's code and templates use."""

import ast
import re
from pathlib import Path

import polib
import pytest
from django.utils.translation.template import templatize

ROOT = Path(__file__).resolve().parent.parent.parent
PROJECT_DIRS = ["portal", "partners", "events", "programs", "api"]
GETTEXT_NAMES = {
    "_",
    "gettext",
    "gettext_lazy",
    "pgettext",
    "pgettext_lazy",
    "ngettext",
    "ngettext_lazy",
}


def _catalogue(language):
    return polib.pofile(str(ROOT / "locale" / language / "LC_MESSAGES" / "django.po"))


def _python_msgids():
    for folder in PROJECT_DIRS:
        for path in (ROOT / folder).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            for node in ast.walk(ast.parse(path.read_text(), str(path))):
                if (
                    isinstance(node, ast.Call)
                    and isinstance(node.func, ast.Name)
                    and node.func.id in GETTEXT_NAMES
                    and node.args
                    and isinstance(node.args[0], ast.Constant)
                ):
                    yield path, node.args[0].value


# templatize() turns a template into Python source with gettext() calls, as makemessages does.
TEMPLATIZED_CALL = re.compile(
    r"\b(?:gettext|ngettext|pgettext|npgettext)\((?:u?'[^']*',\s*)?u?'((?:[^'\\]|\\.)*)'"
)


def _template_msgids():
    for path in (ROOT / "templates").rglob("*.html"):
        source = templatize(path.read_text(), origin=str(path))
        for match in TEMPLATIZED_CALL.finditer(source):
            yield path, match.group(1).replace("\\'", "'").replace("\\n", "\n")


@pytest.mark.parametrize("language", ["en", "id"])
def test_catalogue_has_no_untranslated_or_fuzzy_entries(language):
    catalogue = _catalogue(language)
    assert len(catalogue) > 50
    assert [e.msgid for e in catalogue.untranslated_entries()] == []
    assert [e.msgid for e in catalogue.fuzzy_entries()] == []


def test_both_catalogues_hold_the_same_strings():
    assert {e.msgid for e in _catalogue("en")} == {e.msgid for e in _catalogue("id")}


def test_every_string_in_code_and_templates_is_in_the_catalogue():
    catalogue = _catalogue("id")
    known = {e.msgid for e in catalogue} | {e.msgid_plural for e in catalogue if e.msgid_plural}
    missing = sorted(
        f"{path.relative_to(ROOT)}: {msgid!r}"
        for path, msgid in [*_python_msgids(), *_template_msgids()]
        if msgid and msgid not in known
    )
    assert missing == [], "Run `make messages` and translate:\n" + "\n".join(missing)


def test_placeholders_survive_translation():
    for entry in _catalogue("id"):
        # Indonesian has one plural form: it carries the plural's placeholders (the English
        # singular may leave the count out: "There is a problem").
        source = entry.msgid_plural or entry.msgid
        placeholders = sorted(re.findall(r"%\(\w+\)s", source))
        translated = entry.msgstr or entry.msgstr_plural.get(0, "")
        assert sorted(re.findall(r"%\(\w+\)s", translated)) == placeholders, entry.msgid


def test_english_reads_as_written_in_the_code():
    """English is the source language: its catalogue repeats each msgid. A fuzzy guess left by
    makemessages (another message's text) would show English readers the wrong sentence."""
    for entry in _catalogue("en"):
        if entry.msgid_plural:
            assert entry.msgstr_plural == {0: entry.msgid, 1: entry.msgid_plural}, entry.msgid
        elif entry.msgid:
            assert entry.msgstr == entry.msgid, entry.msgid
