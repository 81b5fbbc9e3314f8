"""The one place that answers "may this user review this, or manage reviews", with the reason.

The reviewed item's model takes part through an optional protocol (docs/reviews.md):
``review_conflict(user) -> str`` (the reason the user must not review it, or "") and
``is_open_for_review() -> bool``. A model without them has no conflicts and is always open.
"""

from django.utils.translation import gettext as _

from portal.permissions import is_program_manager


def can_manage_reviews(user):
    if is_program_manager(user):
        return True, ""
    return False, _("Only program managers manage reviews.")


def conflict_reason(item, user):
    """Why ``user`` must not review ``item`` (asked of the item), or "" when they may."""
    check = getattr(item, "review_conflict", None)
    if check is None:
        return ""
    return str(check(user) or "")


def is_open_for_review(item):
    check = getattr(item, "is_open_for_review", None)
    return True if check is None else bool(check())


def can_see_assignment(user, assignment):
    """Only the assigned reviewer, and never while a conflict exists (else the page is a 404)."""
    if not (user and user.is_authenticated and user.is_active):
        return False, _("Sign in to review.")
    if assignment.reviewer_id != user.pk:
        return False, _("This review is assigned to someone else.")
    reason = conflict_reason(assignment.item, user)
    if reason:
        return False, reason
    return True, ""


def can_review(user, assignment):
    allowed, reason = can_see_assignment(user, assignment)
    if not allowed:
        return allowed, reason
    if not is_open_for_review(assignment.item):
        return False, _("This item is no longer open for review.")
    return True, ""
