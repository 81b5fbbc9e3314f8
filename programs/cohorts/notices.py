"""Who hears about each step of a cohort application, and what they are told.

Decisions (accept, waitlist, decline, request changes) carry the program manager's message: the
reason the applicant may see. It is on the timeline (participants) and in the notification.
"""

from django.utils.translation import gettext_lazy as _

from portal.links import link
from portal.permissions import program_managers
from portal.workflow import Notice


def people(application):
    """The application's writers: owners and editors, co-authors and its creator."""
    writers = [
        membership.user
        for membership in application.organisation.memberships.filter(
            role__in=("owner", "editor")
        ).select_related("user")
    ]
    return [*writers, *application.co_authors.all(), application.created_by]


def url(application):
    return link("programs:cohort_application", application.pk)


def admin_url(application):
    return link("cohort_applications:decide", application.pk)


TITLES = {
    "submitted": _("Application submitted"),
    "in_review": _("Your application is in review"),
    "changes_requested": _("Changes requested on your application"),
    "shortlisted": _("Your application was shortlisted"),
    "interview": _("You are invited to an interview"),
    "accepted": _("Your application was accepted"),
    "waitlisted": _("Your application is on the waiting list"),
    "declined": _("Your application was declined"),
    "withdrawn": _("An application was withdrawn"),
}


def _body(application, entry):
    body = f"{application.cohort.title} · {application.organisation.name}"
    if entry.date:
        body = f"{body}\n\n{entry.date:%Y-%m-%d}"
    if entry.comment:
        body = f"{body}\n\n{entry.comment}"
    return body


def submitted(application, entry):
    yield Notice(
        people(application), TITLES["submitted"], _body(application, entry), url(application)
    )
    yield Notice(
        program_managers(),
        _("An accelerator application is waiting for review"),
        _body(application, entry),
        admin_url(application),
    )


def moved(application, entry):
    yield Notice(
        people(application), TITLES[entry.to_state], _body(application, entry), url(application)
    )


def seat_offered(application, entry):
    yield Notice(
        people(application),
        _("A place in the cohort is yours"),
        _body(application, entry),
        url(application),
    )
    yield Notice(
        program_managers(),
        _("A freed place was offered to the first on the waiting list"),
        _body(application, entry),
        admin_url(application),
    )


def withdrawn(application, entry):
    yield Notice(
        people(application), TITLES["withdrawn"], _body(application, entry), url(application)
    )
    if entry.from_state != "draft":
        yield Notice(
            program_managers(),
            TITLES["withdrawn"],
            _body(application, entry),
            admin_url(application),
        )
