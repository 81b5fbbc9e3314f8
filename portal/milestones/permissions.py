"""The one place that answers "may this user do X to a milestone", with the reason.

Each rule returns ``(allowed, reason)``. The concrete milestone model says who owns it
(``owned_by``: the pilot's lead team, the start-up's members), who else may read it
(``viewable_by``) and whether its parent is closed (``closed_reason``); program managers are
``portal.permissions.is_program_manager``. Transition rules combine who may take a step
(``role``) with what it requires (``requirement``), so screens show a step to the people who
may take it and explain what is still missing.
"""

from django.utils.translation import gettext as _

from portal.permissions import is_program_manager


def is_owner(user, milestone):
    return bool(user and user.is_authenticated) and milestone.owned_by(user)


def can_view(user, milestone):
    """The milestone's page and evidence: its team, those its parent lets see it, managers."""
    if is_program_manager(user) or is_owner(user, milestone):
        return True, ""
    if user and user.is_authenticated and milestone.viewable_by(user):
        return True, ""
    return False, _("Only the team working on this milestone and program managers see it.")


def _closed(user, milestone):
    reason = milestone.closed_reason()
    if reason and not is_program_manager(user):
        return reason
    return ""


def owner_or_manager(user, milestone):
    """Start, delay and resume: the team, or a program manager managing it."""
    closed = _closed(user, milestone)
    if closed:
        return False, closed
    if is_program_manager(user) or is_owner(user, milestone):
        return True, ""
    return False, _("Only the team working on this milestone and program managers take this step.")


def owner(user, milestone):
    """Submitting the evidence: the team only (the people who did the work)."""
    closed = _closed(user, milestone)
    if closed:
        return False, closed
    if is_owner(user, milestone):
        return True, ""
    return False, _("Only the team working on this milestone submits its evidence.")


def reviewer(user, milestone):
    """Accept or request changes: a program manager, never on a milestone of their own team."""
    if not is_program_manager(user):
        return False, _("Only program managers review milestones.")
    if is_owner(user, milestone):
        return False, _(
            "You cannot review your own team's milestone: another program manager does."
        )
    return True, ""


def can_review(user, milestone=None):
    """The admin's review screens: program managers."""
    if is_program_manager(user):
        return True, ""
    return False, _("Only program managers review milestones.")


def needs_evidence(milestone):
    if not (milestone.evidence or "").strip():
        return False, _("Describe the evidence first: what was done, and where to see it.")
    return True, ""


class Rule:
    """A transition rule: who may (``role``) and what must be true (``requirement``)."""

    def __init__(self, role, requirement=None):
        self.role = role
        self.requirement = requirement

    def __call__(self, user, obj):
        allowed, reason = self.role(user, obj)
        if not allowed or self.requirement is None:
            return allowed, reason
        return self.requirement(obj)
