"""Program managers' permissions on pilot records, and the daily reminder job for agencies that
sit on a pilot invitation for more than 14 days (a django-q2 Schedule run by qcluster)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

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
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Schedule = apps.get_model("django_q", "Schedule")
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    group, _ = Group.objects.get_or_create(name=GROUP)
    for model, actions in GRANTS.items():
        group.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="programs",
                content_type__model=model,
                codename__in=[f"{action}_{model}" for action in actions],
            )
        )
    Schedule.objects.get_or_create(
        name=SCHEDULE,
        defaults={"func": "programs.pilots.jobs.remind_agencies", "schedule_type": "D",
                  "repeats": -1},
    )


def backwards(apps, schema_editor):
    apps.get_model("django_q", "Schedule").objects.filter(name=SCHEDULE).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("programs", "0003_pilots"),
        ("django_q", "0019_alter_task_options_alter_ormq_key_alter_ormq_lock_and_more"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
