"""Grow the demo data by a factor for the benchmark (``make bench``): never on a real portal.

Copies what the public lists show (events, policy recommendations, challenges as pages;
organisations and pilots as records) so that every list and detail page has ``factor`` times
the demo's rows. Pages are copied with Wagtail's own ``copy`` (revisions, relations, live state)
in the English tree, which is the one the benchmark reads; the Indonesian tree keeps the demo's
pages (synchronising a thousand aliases would triple the build time).
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail.models import Locale

from events.models import EventPage
from partners.models import ChallengePage, Organisation
from programs.models import Pilot, PolicyRecommendationPage


class Command(BaseCommand):
    help = "Multiply the demo data (pages and records) by --factor, for make bench only."

    def add_arguments(self, parser):
        parser.add_argument("--factor", type=int, default=10)
        parser.add_argument("--force", action="store_true", help="run outside DEBUG")

    def handle(self, *args, factor, force, **options):
        if not (settings.DEBUG or force):
            raise CommandError("bench_scale adds thousands of copies: use --force on purpose.")
        copies = factor - 1
        default = Locale.get_default()
        for model in (EventPage, PolicyRecommendationPage, ChallengePage):
            originals = list(model.objects.live().filter(locale=default))
            for number in range(1, copies + 1):
                with transaction.atomic():
                    for page in originals:
                        page.copy(
                            to=page.get_parent(),
                            update_attrs={
                                "slug": f"{page.slug}-x{number}",
                                "title": f"{page.title} ({number + 1})",
                            },
                            keep_live=True,
                            log_action=None,
                        )
            self.stdout.write(f"{model.__name__}: {len(originals)} × {factor}")
        self._records(Organisation, copies, name_field="name")
        self._records(Pilot, copies, name_field="title")

    def _records(self, model, copies, *, name_field):
        originals = list(model.objects.all())
        clones = []
        for number in range(1, copies + 1):
            for row in originals:
                clone = _copy(row)
                clone.slug = f"{row.slug}-x{number}"[:220]
                setattr(clone, name_field, f"{getattr(row, name_field)} ({number + 1})")
                clones.append(clone)
        model.objects.bulk_create(clones, batch_size=500)
        self.stdout.write(f"{model.__name__}: {len(originals)} × {copies + 1}")


def _copy(row):
    clone = type(row)()
    for field in row._meta.concrete_fields:
        if not field.primary_key:
            setattr(clone, field.attname, getattr(row, field.attname))
    return clone
