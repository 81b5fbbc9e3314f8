"""Build the demo portal: ``manage.py seed_demo``. Idempotent; safe to run again."""

import importlib

from django.apps import apps
from django.core.management.base import BaseCommand

from portal.demo import ADMIN_EMAIL, ADMIN_PASSWORD


class Command(BaseCommand):
    help = "Load demo data: page tree in both languages, taxonomy, an admin, and each app's data."

    def handle(self, *args, **options):
        # Each project app may ship a ``demo`` module with ``seed(stdout)``; they run in
        # INSTALLED_APPS order, so partners' data exists before events and programmes use it.
        for app in apps.get_app_configs():
            if app.name not in {"portal", "partners", "events", "programs"}:
                continue
            try:
                module = importlib.import_module(f"{app.name}.demo")
            except ModuleNotFoundError as exc:
                if exc.name != f"{app.name}.demo":
                    raise
                continue
            module.seed(self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo data ready."))
        self.stdout.write(
            f"Admin: {ADMIN_EMAIL} / {ADMIN_PASSWORD}  (http://127.0.0.1:8000/admin/)"
        )
