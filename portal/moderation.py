"""Page moderation set-up shared by every app: Wagtail's own workflows (GroupApprovalTask), not
the workflow engine.

An app names its workflow and tasks once (its data migration creates them); ``moderation_workflow``
finds it, or recreates it if someone deleted it (or a test did), and ``ensure_moderation``
attaches it to an index page and lets program managers add, edit and publish pages under it.
"""

from django.contrib.auth.models import Group, Permission
from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from portal.permissions import PROGRAM_MANAGERS

APPROVAL_TASK = "Program manager approval"
# What program managers may do to pages under a moderated index (approval comes from the task).
PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page")


def moderation_workflow(name, tasks=((APPROVAL_TASK, PROGRAM_MANAGERS),)):
    """The workflow called ``name``; created with ``tasks`` ((task name, group name), in order)
    when it does not exist."""
    workflow = Workflow.objects.filter(name=name).first()
    if workflow is not None:
        return workflow
    workflow = Workflow.objects.create(name=name, active=True)
    for order, (task_name, group_name) in enumerate(tasks):
        group, _created = Group.objects.get_or_create(name=group_name)
        task, _created = GroupApprovalTask.objects.get_or_create(name=task_name)
        task.groups.add(group)
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=order)
    return workflow


def ensure_moderation(index, workflow=None):
    """Attach ``workflow`` to ``index`` (unless editors chose another; None attaches none) and
    give program managers the page permissions under it. Idempotent; returns the workflow."""
    if workflow is not None:
        WorkflowPage.objects.get_or_create(page=index, defaults={"workflow": workflow})
    group, _created = Group.objects.get_or_create(name=PROGRAM_MANAGERS)
    for codename in PAGE_PERMISSIONS:
        permission = Permission.objects.get(
            content_type__app_label="wagtailcore", codename=codename
        )
        GroupPagePermission.objects.get_or_create(group=group, page=index, permission=permission)
    return workflow
