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


def role_in(user, organisation):
    """The user's role in the organisation, or None. One query; views cache it per request."""
    if not (user and user.is_authenticated):
        return None
    from partners.models import Membership

    return (
        Membership.objects.filter(organisation=organisation, user=user)
        .values_list("role", flat=True)
        .first()
    )


def can_manage_members(user, organisation):
    if role_in(user, organisation) == "owner":
        return True, ""
    return False, _("Only the organisation's owners manage its members.")


def can_see_members(user, organisation):
    if role_in(user, organisation) or is_program_manager(user):
        return True, ""
    return False, _("Only the organisation's members see this.")


def can_request_to_join(user, organisation):
    if not (user and user.is_authenticated):
        return False, _("Sign in to ask to join.")
    if not organisation.is_public:
        return False, _("This organisation is not verified yet.")
    if role_in(user, organisation):
        return False, _("You are already a member.")
    return True, ""


def is_liaison(user, agency):
    return bool(agency is not None and agency.is_agency and role_in(user, agency) == "liaison")


def can_draft_challenge(user, agency):
    """Liaisons draft for their own agency only; program managers for any agency."""
    if agency is None or not agency.is_agency:
        return False, _("Challenges are posed by government agencies only.")
    if is_program_manager(user) or is_liaison(user, agency):
        return True, ""
    return False, _("Only the agency's liaisons and program managers draft its challenges.")


def can_edit_challenge(user, page):
    """Drafts only: once submitted, the page belongs to the moderation workflow and the admin."""
    allowed, reason = can_draft_challenge(user, page.owner_agency)
    if not allowed:
        return allowed, reason
    if page.live:
        return False, _(
            "This challenge is published. Ask a program manager to change it in the admin."
        )
    if page.workflow_in_progress:
        return False, _(
            "This challenge is waiting for a program manager's approval and cannot be changed "
            "until they decide."
        )
    return True, ""
