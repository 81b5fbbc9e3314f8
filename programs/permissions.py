"""The one place that answers "may this user do X to a government response", with the reason.

Each rule returns ``(allowed, reason)``; the workflow engine and views show the reason.
"""

from django.utils.translation import gettext as _

from partners.permissions import is_liaison
from portal.permissions import is_program_manager


def can_view_response(user, response):
    """The target agency's liaisons and program managers; anyone else gets 404."""
    if is_program_manager(user) or is_liaison(user, response.agency):
        return True, ""
    return False, _("Only the agency's liaisons and program managers see this response.")


def can_respond(user, response):
    """Liaisons record responses for their own agency only; program managers for any."""
    if is_program_manager(user) or is_liaison(user, response.agency):
        return True, ""
    return False, _("Only the agency's liaisons and program managers record its response.")


def can_remind(user, response=None):
    if is_program_manager(user):
        return True, ""
    return False, _("Only program managers send reminders.")


def can_list_responses(user):
    """The member screen /me/responses/ is for agency liaisons and program managers."""
    if is_program_manager(user):
        return True, ""
    if (
        user
        and user.is_authenticated
        and user.memberships.filter(role="liaison", organisation__kind="agency").exists()
    ):
        return True, ""
    return False, _("Only agency liaisons and program managers answer recommendations.")
