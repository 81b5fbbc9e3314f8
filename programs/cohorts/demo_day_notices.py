"""Who hears about demo-day interest and reported outcomes, and what they are told.

A returned outcome's notice carries the program manager's reason: the start-up must know what
to correct. Interest notices go to both sides: the start-up and the interested organisation.
"""

from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from portal.links import link
from portal.permissions import program_managers
from portal.workflow import Notice


def members_of(organisation_id):
    return (
        get_user_model()
        .objects.filter(is_active=True, memberships__organisation_id=organisation_id)
        .distinct()
    )


def _interest_body(interest, entry=None):
    body = f"{interest.organisation.name} · {interest.member.organisation.name}"
    if entry is not None and entry.comment:
        body = f"{body}\n\n{entry.comment}"
    return body


def interest_registered(interest):
    url = link("programs:demo_day_interest", interest.pk)
    body = _interest_body(interest)
    yield Notice(
        members_of(interest.member.organisation_id),
        _("An organisation is interested in your start-up"),
        body,
        url,
    )
    yield Notice(program_managers(), _("New demo-day interest in a start-up"), body, url)


INTEREST_TITLES = {
    "withdrawn": _("A demo-day interest was withdrawn"),
    "pilot": _("A demo-day interest became a pilot"),
}


def interest_moved(interest, entry):
    recipients = [
        *members_of(interest.member.organisation_id),
        *members_of(interest.organisation_id),
    ]
    yield Notice(
        recipients,
        INTEREST_TITLES[entry.to_state],
        _interest_body(interest, entry),
        link("programs:demo_day_interest", interest.pk),
    )


def _outcome_body(outcome, entry=None):
    body = f"{outcome.member.organisation.name} · {outcome.get_kind_display()}: {outcome.value}"
    if entry is not None and entry.comment:
        body = f"{body}\n\n{entry.comment}"
    return body


OUTCOME_TITLES = {
    "verified": _("Your outcome was verified"),
    "returned": _("Your outcome was returned"),
}


def outcome_moved(outcome, entry):
    yield Notice(
        members_of(outcome.member.organisation_id),
        OUTCOME_TITLES[entry.to_state],
        _outcome_body(outcome, entry),
        link("programs:startup_outcome", outcome.pk),
    )


def outcome_reported(outcome, entry=None):
    yield Notice(
        program_managers(),
        _("A start-up outcome is waiting for verification"),
        _outcome_body(outcome, entry),
        link("programs:startup_outcome", outcome.pk),
    )
