"""Admin permission policies shared by every app."""

from wagtail.permission_policies import ModelPermissionPolicy


class RecordsOnlyPolicy(ModelPermissionPolicy):
    """For records written only through services and the workflow engine (reviews, proposals):
    the admin lists, inspects and exports them, and never adds, edits or deletes them behind
    the services' back (conflict checks, locks, timeline, notifications)."""

    def user_has_permission(self, user, action):
        if action in ("add", "change", "delete"):
            return False
        return super().user_has_permission(user, action)
