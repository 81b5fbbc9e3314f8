"""Build the demo portal: ``manage.py seed_demo``. Idempotent; safe to run again.

Refuses to run on production settings unless ``--force``; then the demo accounts get generated
passwords (never the published ones) and no e-mail leaves the machine while seeding.
"""

import importlib

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.test.utils import override_settings

from portal.demo import ADMIN_EMAIL, ADMIN_PASSWORD
from portal.demo_accounts import shown_password, start_run

NO_MAIL = {"default": {"BACKEND": "django.core.mail.backends.dummy.EmailBackend"}}


class Command(BaseCommand):
    help = "Load demo data: page tree in both languages, taxonomy, an admin, and each app's data."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Run on production settings too (generated passwords, no e-mail sent).",
        )

    def handle(self, *args, **options):
        start_run()
        if not settings.PORTAL_PRODUCTION:
            self._seed()
            return
        if not options["force"]:
            raise CommandError(
                "seed_demo creates demo accounts and is refused on production settings. "
                "Run it with --force to seed anyway (the accounts get generated passwords and "
                "no e-mail is sent)."
            )
        from django_q.conf import Conf

        # Jobs run inline and every e-mail goes to the dummy backend: nothing reaches the
        # broker, the workers or a real inbox.
        sync = Conf.SYNC
        Conf.SYNC = True
        try:
            with override_settings(MAILERS=NO_MAIL):
                self._seed()
        finally:
            Conf.SYNC = sync

    def _seed(self):
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
        # Pictures last: they go on the pages and organisations the apps' seeds made.
        from portal import demo_images

        demo_images.seed(self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo data ready."))
        self.stdout.write(
            f"Admin: {ADMIN_EMAIL} / {shown_password(ADMIN_EMAIL, ADMIN_PASSWORD)}"
            f"  ({settings.WAGTAILADMIN_BASE_URL}/admin/)"
        )
