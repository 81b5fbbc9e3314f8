"""Program managers' permissions on pilot records, and the daily reminder job for agencies that
sit on a pilot invitation for more than 14 days (a django-q2 Schedule run by qcluster)."""

from django.db import migrations

from portal.migration_support import grant, schedule, unschedule

GROUP = "Program managers"
SCHEDULE = "programs: pilot invitation reminders"
# Stages move only through the workflow engine; the admin edits descriptive fields and exports.
GRANTS = {
    "pilot": ("change", "view"),
    "pilotagency": ("view",),
    "adoptionrecord": ("view",),
    "pilotindicator": ("view",),
    "pilotmilestone": ("view",),
    "pilotdocument": ("view",),
}


def forwards(apps, schema_editor):
    grant(apps, "programs", GRANTS, GROUP)
    schedule(apps, SCHEDULE, "programs.pilots.jobs.remind_agencies", "D")


def backwards(apps, schema_editor):
    unschedule(apps, SCHEDULE)


class Migration(migrations.Migration):
    dependencies = [
        ("programs", "0003_pilots"),
        ("django_q", "0019_alter_task_options_alter_ormq_key_alter_ormq_lock_and_more"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
