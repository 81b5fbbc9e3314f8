"""Housekeeping schedules for background jobs, and who sees failed ones.

- ``portal.notifications.jobs.sweep_outbox`` every 10 minutes and ``clean_up`` daily (django-q2
  Schedules run by qcluster).
- Program managers see outgoing e-mails and failed jobs in the admin and retry them ("change").
"""

from django.db import migrations

from portal.migration_support import (
    add_permissions,
    create_permissions_now,
    schedule,
    unschedule,
)

GROUP = "Program managers"
SCHEDULES = {
    "portal: sweep the e-mail outbox": ("portal.notifications.jobs.sweep_outbox", "I", 10),
    "portal: clean up finished jobs": ("portal.notifications.jobs.clean_up", "D", None),
}
GRANTS = [("portal", "outgoingemail"), ("django_q", "failure")]


def forwards(apps, schema_editor):
    create_permissions_now(apps)
    for app_label, model in GRANTS:
        add_permissions(apps, app_label, {model: ("view", "change")}, GROUP)
    for name, (func, schedule_type, minutes) in SCHEDULES.items():
        schedule(apps, name, func, schedule_type, minutes)


def backwards(apps, schema_editor):
    unschedule(apps, *SCHEDULES)


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0007_outbox"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("django_q", "0019_alter_task_options_alter_ormq_key_alter_ormq_lock_and_more"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
