"""Who may report what, and who moderates reports: each rule returns (allowed, reason)."""

from django.utils.translation import gettext as _

from portal.permissions import is_program_manager


def can_moderate(user, report=None):
    if not is_program_manager(user):
        return False, _("Only program managers moderate reports.")
    return True, ""


def can_hide(user, report):
    allowed, reason = can_moderate(user, report)
    if not allowed:
        return allowed, reason
    from .hidden import hiding_report

    hiding = hiding_report(report.content_type_id, report.object_id)
    if hiding is not None and hiding.pk != report.pk:
        return False, _(
            "This content is already hidden after another report; dismiss this one instead."
        )
    return True, ""


def can_report(user, kind, obj):
    """A signed-in, active member, about content the public sees and that is not their own."""
    if not (user and user.is_authenticated and user.is_active):
        return False, _("Please sign in to report content.")
    if user.pk in {author.pk for author in kind.authors(obj)}:
        return False, _("You cannot report your own content.")
    from .hidden import is_hidden

    if is_hidden(obj):
        return False, _("This content is already hidden after a report.")
    return True, ""
