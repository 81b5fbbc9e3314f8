"""Housekeeping schedules for background jobs, and who sees failed ones.

- ``portal.notifications.jobs.sweep_outbox`` every 10 minutes and ``clean_up`` daily (django-q2
  Schedules run by qcluster).
- Program managers see outgoing e-mails and failed jobs in the admin and retry them ("change").
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Program managers"
SCHEDULES = {
    "portal: sweep the e-mail outbox": ("portal.notifications.jobs.sweep_outbox", "I", 10),
    "portal: clean up finished jobs": ("portal.notifications.jobs.clean_up", "D", None),
}
GRANTS = [("portal", "outgoingemail"), ("django_q", "failure")]


def forwards(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP)
    for app_label, model in GRANTS:
        group.permissions.add(
            *Permission.objects.filter(
                content_type__app_label=app_label,
                codename__in=[f"view_{model}", f"change_{model}"],
            )
        )
    Schedule = apps.get_model("django_q", "Schedule")
    for name, (func, schedule_type, minutes) in SCHEDULES.items():
        Schedule.objects.get_or_create(
            name=name,
            defaults={
                "func": func,
                "schedule_type": schedule_type,
                "minutes": minutes,
                "repeats": -1,
            },
        )


def backwards(apps, schema_editor):
    apps.get_model("django_q", "Schedule").objects.filter(name__in=list(SCHEDULES)).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0007_outbox"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("django_q", "0019_alter_task_options_alter_ormq_key_alter_ormq_lock_and_more"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
