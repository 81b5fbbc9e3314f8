"""The "Policy publication" workflow and the program managers' permissions on responses.

Editorial review (the "Editors" group) comes first, then approval by a program manager (the task
the challenge workflow already uses). The workflow is assigned to the policy index where that
page is created (programs.demo, programs.services.ensure_moderation), since no page exists here.
"""

from django.db import migrations

from portal.migration_support import approval_workflow, grant

WORKFLOW = "Policy publication"
TASKS = (("Editorial review", "Editors"), ("Program manager approval", "Program managers"))
# Responses move only through the workflow engine; managers read, export and correct references.
GRANTS = {"governmentresponse": ("view", "change")}


def create_workflow(apps, schema_editor):
    approval_workflow(apps, WORKFLOW, TASKS)


def grant_permissions(apps, schema_editor):
    grant(apps, "programs", GRANTS)


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
