"""The "Policy publication" workflow and the program managers' permissions on responses.

Editorial review (the "Editors" group) comes first, then approval by a program manager (the task
the challenge workflow already uses). The workflow is assigned to the policy index where that
page is created (programs.demo, programs.services.ensure_moderation), since no page exists here.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

WORKFLOW = "Policy publication"
TASKS = (("Editorial review", "Editors"), ("Program manager approval", "Program managers"))
# Responses move only through the workflow engine; managers read, export and correct references.
GRANTS = {"governmentresponse": ("view", "change")}


def create_workflow(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    # Historical models do not set the polymorphic content type; Wagtail needs it for .specific.
    content_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW, defaults={"active": True})
    for order, (name, group_name) in enumerate(TASKS):
        group, _ = Group.objects.get_or_create(name=group_name)
        task, _ = GroupApprovalTask.objects.get_or_create(
            name=name, defaults={"content_type": content_type, "active": True}
        )
        task.groups.add(group)
        WorkflowTask.objects.get_or_create(
            workflow=workflow, task=task, defaults={"sort_order": order}
        )


def grant_permissions(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    group = apps.get_model("auth", "Group").objects.filter(name="Program managers").first()
    if group is None:
        return
    Permission = apps.get_model("auth", "Permission")
    for model, actions in GRANTS.items():
        group.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="programs",
                content_type__model=model,
                codename__in=[f"{action}_{model}" for action in actions],
            )
        )


def remove_workflow(apps, schema_editor):
    apps.get_model("wagtailcore", "Workflow").objects.filter(name=WORKFLOW).delete()
    apps.get_model("wagtailcore", "Task").objects.filter(name="Editorial review").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("programs", "0001_programmes_policy"),
        ("partners", "0007_program_managers_proposals"),
    ]

    operations = [
        migrations.RunPython(create_workflow, remove_workflow),
        migrations.RunPython(grant_permissions, migrations.RunPython.noop),
    ]
