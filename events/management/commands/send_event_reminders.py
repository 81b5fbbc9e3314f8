"""Run the events job now: ``manage.py send_event_reminders`` (production: qcluster, hourly)."""

from django.core.management.base import BaseCommand

from events.jobs import hourly


class Command(BaseCommand):
    help = "E-mail reminders (events in 24–48 h) and follow-ups (events just ended), once each."

    def handle(self, *args, **options):
        result = hourly()
        self.stdout.write(f"Reminders: {result['reminders']}, follow-ups: {result['follow_ups']}")
