"""The one place that answers "may this user do X to this partner record", with the reason.

Each rule returns ``(allowed, reason)``; the workflow engine and views show the reason.
"""

from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _

from portal.permissions import is_program_manager


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


PROFILE_EDITORS = ("owner", "editor")


def can_edit_profile(user, organisation):
    """Owners and editors edit the public profile; the name stays with the program managers,
    who verified it (they change it in the admin)."""
    if role_in(user, organisation) in PROFILE_EDITORS:
        return True, ""
    return False, _("Only the organisation's owners and editors edit its profile.")


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


def speaks_for_an_agency(user):
    """Whether ``user`` is a liaison of at least one agency (one query, kept on the user)."""
    if not (user and user.is_authenticated):
        return False
    if not hasattr(user, "_partners_speaks_for_an_agency"):
        from partners.models import Membership, MembershipRole

        user._partners_speaks_for_an_agency = Membership.objects.filter(
            user=user, role=MembershipRole.LIAISON, organisation__kind="agency"
        ).exists()
    return user._partners_speaks_for_an_agency


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


# --- Calls and proposals ------------------------------------------------------------------
PROPOSAL_WRITERS = ("owner", "editor")


def can_start_proposal(user, organisation, call):
    """May ``user`` draft a proposal for ``organisation`` in answer to ``call``?"""
    if role_in(user, organisation) not in PROPOSAL_WRITERS:
        return False, _("Only the organisation's owners and editors write proposals.")
    if not organisation.is_public:
        return False, _("The organisation must be verified before it submits proposals.")
    if not call.accepts_kind(organisation.kind):
        return False, _("This call is not open to organisations of this kind.")
    if not call.is_open():
        return False, _("This call is not open for proposals.")
    return True, ""


def _is_author(user, proposal):
    if not (user and user.is_authenticated):
        return False
    if role_in(user, proposal.organisation) in PROPOSAL_WRITERS:
        return True
    return proposal.co_authors.filter(pk=user.pk).exists()


def is_participant(user, proposal):
    """Members of the submitting organisation and co-authors: they follow the proposal."""
    if not (user and user.is_authenticated):
        return False
    return bool(role_in(user, proposal.organisation)) or (
        proposal.co_authors.filter(pk=user.pk).exists()
    )


def is_assigned_reviewer(user, proposal):
    if not (user and user.is_authenticated):
        return False
    from portal.models import ReviewAssignment

    return ReviewAssignment.objects.for_item(proposal).filter(reviewer=user).exists()


def can_view_proposal(user, proposal):
    """Program managers, the organisation's members, co-authors and assigned reviewers."""
    if is_program_manager(user) or is_participant(user, proposal):
        return True, ""
    if is_assigned_reviewer(user, proposal) and not proposal.review_conflict(user):
        return True, ""
    return False, _("This proposal is not yours to see.")


def can_edit_proposal(user, proposal):
    if not _is_author(user, proposal):
        return False, _("Only the organisation's owners and editors and the co-authors edit it.")
    if not proposal.is_editable:
        return False, _("A proposal can be edited only as a draft or when changes are requested.")
    return True, ""


def can_submit_proposal(user, proposal):
    allowed, reason = can_edit_proposal(user, proposal)
    if not allowed:
        return allowed, reason
    # A first submission must beat the deadline; a requested resubmission may come later.
    if proposal.state == "draft" and not proposal.call.is_open():
        return False, _("The call closed on %(date)s; proposals can no longer be submitted.") % {
            "date": date_format(localtime(proposal.call.closes_at), "DATETIME_FORMAT")
        }
    missing = proposal.missing_for_submission()
    if missing:
        return False, _("Fill in these fields before you submit: %(fields)s.") % {
            "fields": ", ".join(missing)
        }
    return True, ""


def can_withdraw_proposal(user, proposal):
    if _is_author(user, proposal):
        return True, ""
    return False, _("Only the organisation's owners and editors and the co-authors withdraw it.")


def can_decide_proposal(user, proposal=None):
    if is_program_manager(user):
        return True, ""
    return False, _("Only program managers review and decide on proposals.")
