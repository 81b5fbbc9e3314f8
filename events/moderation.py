"""Publishing events through Wagtail's own workflow: "Event moderation" (one GroupApprovalTask
for the "Program managers" group), created by migration events/0002 and attached to the events
index by ``ensure_moderation`` (the demo seed calls it; the index does not exist at migration)."""

from django.contrib.auth.models import Group, Permission
from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

WORKFLOW = "Event moderation"
TASK = "Program manager approval"
GROUP = "Program managers"
PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page")


def event_workflow():
    workflow = Workflow.objects.filter(name=WORKFLOW).first()
    if workflow is not None:
        return workflow
    group, _created = Group.objects.get_or_create(name=GROUP)
    task, _created = GroupApprovalTask.objects.get_or_create(name=TASK)
    task.groups.add(group)
    workflow = Workflow.objects.create(name=WORKFLOW, active=True)
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    return workflow


def ensure_moderation(index):
    """Attach the workflow to ``index`` (unless editors chose another) and let program
    managers add, edit and publish events under it. Idempotent."""
    workflow = event_workflow()
    WorkflowPage.objects.get_or_create(page=index, defaults={"workflow": workflow})
    group, _created = Group.objects.get_or_create(name=GROUP)
    for codename in PAGE_PERMISSIONS:
        permission = Permission.objects.get(
            content_type__app_label="wagtailcore", codename=codename
        )
        GroupPagePermission.objects.get_or_create(group=group, page=index, permission=permission)
    return workflow
