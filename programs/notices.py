"""Who hears about each step of a government response, and what they are told.

The workflow engine calls these with the response and its new timeline entry; each returns the
notices to send (in-app plus e-mail after the commit, in each recipient's language).
"""

from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from portal.links import link
from portal.permissions import program_managers
from portal.workflow import Notice


def liaisons(agency):
    return get_user_model().objects.filter(
        is_active=True, memberships__organisation=agency, memberships__role="liaison"
    )


def response_url(response):
    return link("programs:response", response.pk)


STEP_TITLES = {
    "pending": _("A policy recommendation awaits your agency's response"),
    "under_consideration": _("A recommendation is under consideration"),
    "accepted": _("A recommendation was accepted"),
    "partially_accepted": _("A recommendation was accepted in part"),
    "rejected": _("A recommendation was rejected"),
    "implemented": _("A recommendation was implemented"),
}


def _body(response, entry=None):
    body = f"{response.recommendation.title} · {response.agency.name}"
    if entry is not None and entry.comment:
        body = f"{body}\n\n{entry.comment}"
    return body


def response_requested(response):
    """Sent when a published recommendation asks the agency for a response."""
    return Notice(
        liaisons(response.agency),
        title=STEP_TITLES["pending"],
        body=_body(response),
        url=response_url(response),
    )


def response_moved(response, entry):
    yield Notice(
        liaisons(response.agency),
        title=STEP_TITLES[entry.to_state],
        body=_body(response, entry),
        url=response_url(response),
    )
    yield Notice(
        program_managers(),
        title=STEP_TITLES[entry.to_state],
        body=_body(response, entry),
        url=response_url(response),
    )


def response_reminder(response, entry):
    yield Notice(
        liaisons(response.agency),
        title=_("Reminder: a recommendation awaits your agency's response"),
        body=_body(response, entry),
        url=response_url(response),
    )
