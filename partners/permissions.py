"""The one place that answers "may this user do X to this partner record", with the reason.

Each rule returns ``(allowed, reason)``; the workflow engine and views show the reason.
"""

from django.utils.translation import gettext as _


def is_program_manager(user):
    return bool(user and user.is_authenticated and user.is_active and user.is_staff)


def can_moderate_organisations(user, organisation=None):
    if is_program_manager(user):
        return True, ""
    return False, _("Only program managers verify organisations.")
