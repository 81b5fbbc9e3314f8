"""The "Event moderation" workflow, program managers' permissions, and the hourly job.

The workflow is assigned to the events index where that page is created (events.demo and
events.moderation.ensure_moderation), since no page exists yet here. The reminder and follow-up
job runs hourly in production's qcluster through a django-q2 Schedule.
"""

from django.db import migrations

from portal.migration_support import approval_workflow, grant, schedule, unschedule

WORKFLOW = "Event moderation"
TASK = "Program manager approval"
GROUP = "Program managers"
SCHEDULE = "events: reminders and follow-ups"
# Registrations are written by events.services only: managers view and export them in the
# admin and move them through the overview screen; speakers are theirs to curate.
GRANTS = {
    "speaker": ("add", "change", "delete", "view"),
    "registration": ("view",),
}


def forwards(apps, schema_editor):
    approval_workflow(apps, WORKFLOW, ((TASK, GROUP),))
    grant(apps, "events", GRANTS, GROUP)
    schedule(apps, SCHEDULE, "events.jobs.hourly", "H")


def backwards(apps, schema_editor):
    apps.get_model("wagtailcore", "Workflow").objects.filter(name=WORKFLOW).delete()
    unschedule(apps, SCHEDULE)


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0001_events"),
        ("partners", "0007_program_managers_proposals"),
        ("django_q", "0019_alter_task_options_alter_ormq_key_alter_ormq_lock_and_more"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
