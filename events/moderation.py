"""Publishing events through Wagtail's own workflow: "Event moderation" (one GroupApprovalTask
for the "Program managers" group), created by migration events/0002 and attached to the events
index by ``portal.moderation.ensure_moderation`` (the demo seed calls it; the index does not exist
at migration)."""

from portal import moderation

WORKFLOW = "Event moderation"


def event_workflow():
    return moderation.moderation_workflow(WORKFLOW)


def ensure_event_moderation(index):
    """The events index under "Event moderation"; program managers add, edit and publish."""
    return moderation.ensure_moderation(index, event_workflow())
