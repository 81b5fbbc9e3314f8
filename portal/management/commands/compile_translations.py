"""Compile the gettext catalogues (.po -> .mo) with polib, so no system `msgfmt` is needed."""

from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand


def compile_catalogues(locale_paths):
    """Compile every catalogue whose .mo is missing or older than its .po; return how many."""
    compiled = 0
    for locale_path in locale_paths:
        for po_path in Path(locale_path).glob("*/LC_MESSAGES/*.po"):
            mo_path = po_path.with_suffix(".mo")
            if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
                continue
            polib.pofile(str(po_path)).save_as_mofile(str(mo_path))
            compiled += 1
    return compiled


class Command(BaseCommand):
    help = "Compile locale/*/LC_MESSAGES/*.po into .mo files without GNU gettext."

    def handle(self, *args, **options):
        compiled = compile_catalogues(settings.LOCALE_PATHS)
        self.stdout.write(f"Compiled {compiled} translation catalogue(s).")
