"""The one place that answers "may this user do X to a cohort application", with the reason.

Each rule returns ``(allowed, reason)``; the workflow engine and views show the reason.
"""

from django.utils.translation import gettext as _

from partners.permissions import role_in
from portal.permissions import is_program_manager
from portal.templatetags.format_tags import when_text

WRITERS = ("owner", "editor")


def can_start_application(user, organisation, cohort):
    """Owners and editors of a verified organisation of an eligible kind, while it is open."""
    if role_in(user, organisation) not in WRITERS:
        return False, _("Only the organisation's owners and editors apply for it.")
    if not organisation.is_public:
        return False, _("The organisation must be verified before it applies.")
    if not cohort.accepts_kind(organisation.kind):
        return False, _("This cohort is not open to organisations of this kind.")
    if not cohort.is_open():
        return False, _("This cohort is not open for applications.")
    return True, ""


def is_author(user, application):
    if not (user and user.is_authenticated):
        return False
    if role_in(user, application.organisation) in WRITERS:
        return True
    return application.co_authors.filter(pk=user.pk).exists()


def is_participant(user, application):
    """Members of the applying organisation and co-authors follow the application."""
    if not (user and user.is_authenticated):
        return False
    return bool(role_in(user, application.organisation)) or (
        application.co_authors.filter(pk=user.pk).exists()
    )


def is_assigned_reviewer(user, application):
    if not (user and user.is_authenticated):
        return False
    from portal.models import ReviewAssignment

    return ReviewAssignment.objects.for_item(application).filter(reviewer=user).exists()


def can_view_application(user, application):
    """Program managers and the applicant's people; reviewers read it through /me/reviews/."""
    if is_program_manager(user) or is_participant(user, application):
        return True, ""
    return False, _("This application is not yours to see.")


def can_edit_application(user, application):
    if not is_author(user, application):
        return False, _("Only the organisation's owners and editors and the co-authors edit it.")
    if application.state not in ("draft", "changes_requested"):
        return False, _(
            "An application can be edited only as a draft or when changes are requested."
        )
    return True, ""


def can_submit_application(user, application):
    allowed, reason = can_edit_application(user, application)
    if not allowed:
        return allowed, reason
    cohort = application.cohort
    # A first submission must beat the deadline; a requested resubmission may come later.
    if application.state == "draft" and not cohort.is_open():
        return False, _("Applications closed on %(date)s; this one can no longer be submitted.") % {
            "date": when_text(cohort.closes_at)  # "16 January 2027, 23:59 WIB"
        }
    missing = application.missing_for_submission()
    if missing:
        return False, _("Fill in these fields before you submit: %(fields)s.") % {
            "fields": ", ".join(missing)
        }
    return True, ""


def can_withdraw_application(user, application):
    if is_author(user, application):
        return True, ""
    return False, _("Only the organisation's owners and editors and the co-authors withdraw it.")


def can_decide_application(user, application=None):
    if is_program_manager(user):
        return True, ""
    return False, _("Only program managers review and decide on applications.")


def can_accept_application(user, application):
    allowed, reason = can_decide_application(user, application)
    if not allowed:
        return allowed, reason
    if application.cohort.seats_taken() >= application.cohort.capacity:
        return False, _(
            "All %(count)s places are taken: put the application on the waiting list instead."
        ) % {"count": application.cohort.capacity}
    return True, ""


def can_offer_seat(user, application):
    """Program managers, or the portal itself (``user`` None) when an accepted one withdraws."""
    if user is not None and not is_program_manager(user):
        return False, _("Only program managers offer seats.")
    if application.cohort.seats_taken() >= application.cohort.capacity:
        return False, _("No place is free in this cohort.")
    return True, ""


def can_plan_milestones(user, member=None):
    """Adding start-ups' milestones (title, due date): program managers."""
    if is_program_manager(user):
        return True, ""
    return False, _("Only program managers plan the start-ups' milestones.")


# --- demo day: organisations' interest in a cohort's start-ups ---
def speaks_for_interested(user, organisation):
    """An agency speaks through its liaisons; any other organisation through its owners and
    editors (the people who may commit it to a pilot)."""
    role = role_in(user, organisation)
    if organisation.is_agency:
        return role == "liaison"
    return role in WRITERS


def can_register_interest(user, organisation, member):
    if not (user and user.is_authenticated):
        return False, _("Sign in to register your organisation's interest.")
    if not speaks_for_interested(user, organisation):
        return False, _(
            "Only an agency's liaisons, or a partner organisation's owners and editors, register "
            "its interest."
        )
    if not organisation.is_public:
        return False, _("The organisation must be verified before it registers interest.")
    if organisation.pk == member.organisation_id:
        return False, _("A start-up cannot register interest in itself.")
    if not member.cohort.published or member.cohort.kind != "accelerator":
        return False, _(
            "Interest is registered in the start-ups of a published accelerator cohort."
        )
    return True, ""


def can_view_interest(user, interest):
    """The start-up's members, the interested organisation's members and program managers."""
    if is_program_manager(user) or role_in(user, interest.member.organisation):
        return True, ""
    if role_in(user, interest.organisation):
        return True, ""
    return False, _("This interest is not yours to see.")


def can_withdraw_interest(user, interest):
    if is_program_manager(user) or speaks_for_interested(user, interest.organisation):
        return True, ""
    return False, _("Only the interested organisation or a program manager withdraws it.")


def can_start_pilot_from_interest(user, interest):
    """Program managers, or the liaison of the interested agency itself."""
    if is_program_manager(user):
        return True, ""
    if interest.organisation.is_agency and speaks_for_interested(user, interest.organisation):
        return True, ""
    return False, _("Only program managers or the interested agency's liaisons start a pilot.")


# --- outcomes a start-up reports, program managers verify ---
def can_report_outcome(user, member):
    if role_in(user, member.organisation):
        return True, ""
    return False, _("Only the start-up's own members report its outcomes.")


def can_view_outcome(user, outcome):
    if is_program_manager(user) or role_in(user, outcome.member.organisation):
        return True, ""
    return False, _("This outcome is not yours to see.")


def can_verify_outcome(user, outcome):
    if not is_program_manager(user):
        return False, _("Only program managers verify outcomes.")
    if role_in(user, outcome.member.organisation):
        return False, _("You belong to this start-up: another program manager verifies it.")
    return True, ""


def can_correct_outcome(user, outcome):
    if role_in(user, outcome.member.organisation):
        return True, ""
    return False, _("Only the start-up's own members correct its outcomes.")
