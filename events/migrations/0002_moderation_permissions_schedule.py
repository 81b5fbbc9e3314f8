"""The "Event moderation" workflow, program managers' permissions, and the hourly job.

The workflow is assigned to the events index where that page is created (events.demo and
events.moderation.ensure_moderation), since no page exists yet here. The reminder and follow-up
job runs hourly in production's qcluster through a django-q2 Schedule.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

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
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    Schedule = apps.get_model("django_q", "Schedule")

    group, _ = Group.objects.get_or_create(name=GROUP)
    content_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task, _ = GroupApprovalTask.objects.get_or_create(
        name=TASK, defaults={"content_type": content_type, "active": True}
    )
    task.groups.add(group)
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    for model, actions in GRANTS.items():
        group.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="events",
                content_type__model=model,
                codename__in=[f"{action}_{model}" for action in actions],
            )
        )
    Schedule.objects.get_or_create(
        name=SCHEDULE,
        defaults={"func": "events.jobs.hourly", "schedule_type": "H", "repeats": -1},
    )


def backwards(apps, schema_editor):
    apps.get_model("wagtailcore", "Workflow").objects.filter(name=WORKFLOW).delete()
    apps.get_model("django_q", "Schedule").objects.filter(name=SCHEDULE).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0001_events"),
        ("partners", "0007_program_managers_proposals"),
        ("django_q", "0019_alter_task_options_alter_ormq_key_alter_ormq_lock_and_more"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
