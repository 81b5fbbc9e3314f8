"""What data migrations do again and again: grant a group permissions, set up a page-moderation
workflow, schedule a django-q2 job. Every function takes the migration's ``apps`` (historical
models), so it never imports a model.

Migrations that already ran call these, so a change here changes how a new database is built:
add a function rather than change what one does (tests/baseline.py checks the granted set).
"""

from django.contrib.auth.management import create_permissions

PROGRAM_MANAGERS = "Program managers"


def create_permissions_now(apps):
    """Django creates permissions after all migrations; create every app's now to grant them."""
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def grant(apps, app_label, grants, group_name=PROGRAM_MANAGERS):
    """Give the group (created when absent) ``{model: actions}`` of ``app_label``; ``None`` as
    the actions gives all of the model's permissions, custom ones included."""
    create_permissions_now(apps)
    return add_permissions(apps, app_label, grants, group_name)


def add_permissions(apps, app_label, grants, group_name=PROGRAM_MANAGERS):
    """``grant`` without creating permissions first: a migration's second grant."""
    Permission = apps.get_model("auth", "Permission")
    group, _ = apps.get_model("auth", "Group").objects.get_or_create(name=group_name)
    for model, actions in grants.items():
        permissions = Permission.objects.filter(
            content_type__app_label=app_label, content_type__model=model
        )
        if actions is not None:
            permissions = permissions.filter(codename__in=[f"{a}_{model}" for a in actions])
        group.permissions.add(*permissions)
    return group


def approval_workflow(apps, name, tasks):
    """A Wagtail workflow of group approval tasks ``(task name, group name)``, in order. Tasks
    are shared by name, so two workflows may use the program managers' one."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    # Historical models do not set the polymorphic content type; Wagtail needs it for .specific.
    content_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    workflow, _ = apps.get_model("wagtailcore", "Workflow").objects.get_or_create(
        name=name, defaults={"active": True}
    )
    for order, (task_name, group_name) in enumerate(tasks):
        group, _ = Group.objects.get_or_create(name=group_name)
        task, _ = GroupApprovalTask.objects.get_or_create(
            name=task_name, defaults={"content_type": content_type, "active": True}
        )
        task.groups.add(group)
        WorkflowTask.objects.get_or_create(
            workflow=workflow, task=task, defaults={"sort_order": order}
        )
    return workflow


def schedule(apps, name, func, schedule_type, minutes=None):
    """A repeating django-q2 Schedule (run by qcluster), kept as it is when it exists."""
    apps.get_model("django_q", "Schedule").objects.get_or_create(
        name=name,
        defaults={
            "func": func,
            "schedule_type": schedule_type,
            "minutes": minutes,
            "repeats": -1,
        },
    )


def unschedule(apps, *names):
    apps.get_model("django_q", "Schedule").objects.filter(name__in=names).delete()
