"""Who hears about each step of a pilot, and what they are told (in-app plus e-mail)."""

from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from portal.links import link
from portal.permissions import program_managers
from portal.workflow import Notice


def _users(**filters):
    return get_user_model().objects.filter(is_active=True, **filters).distinct()


def lead_members(pilot):
    return _users(memberships__organisation_id=pilot.lead_organisation_id)


def liaisons(agency_ids):
    return _users(memberships__organisation_id__in=list(agency_ids), memberships__role="liaison")


def pilot_url(pilot):
    return link("programs:pilot", pilot.pk)


def involvement_url(involvement):
    return link("programs:pilot_decision", involvement.pk)


STEP_TITLES = {
    "agency_review": _("A pilot awaits the review of its agencies"),
    "approved": _("A pilot was approved"),
    "piloting": _("A pilot started"),
    "evaluation": _("A pilot is being evaluated"),
    "adopted": _("A pilot was adopted"),
    "discontinued": _("A pilot was discontinued"),
}


def _body(pilot, entry=None):
    body = pilot.title
    if entry is not None and entry.comment:
        body = f"{body}\n\n{entry.comment}"
    return body


def pilot_moved(pilot, entry):
    """Every step concerns the lead organisation, the involved agencies and program managers."""
    title = STEP_TITLES.get(entry.to_state, _("A pilot moved"))
    if entry.action == "extend":
        title = _("A pilot was extended")
    body = _body(pilot, entry)
    agencies = pilot.involvements.values_list("agency_id", flat=True)
    yield Notice(lead_members(pilot), title=title, body=body, url=pilot_url(pilot))
    yield Notice(liaisons(agencies), title=title, body=body, url=pilot_url(pilot))
    yield Notice(program_managers(), title=title, body=body, url=pilot_url(pilot))


AGENCY_TITLES = {
    "accepted": _("An agency accepted to take part in a pilot"),
    "declined": _("An agency declined to take part in a pilot"),
    "adopted": _("An agency adopted a pilot"),
}


def involvement_moved(involvement, entry):
    pilot = involvement.pilot
    title = AGENCY_TITLES[entry.to_state]
    body = f"{pilot.title} · {involvement.agency.name}"
    if entry.comment:
        body = f"{body}\n\n{entry.comment}"
    yield Notice(lead_members(pilot), title=title, body=body, url=pilot_url(pilot))
    yield Notice(program_managers(), title=title, body=body, url=pilot_url(pilot))


def invitation(involvement):
    return Notice(
        liaisons([involvement.agency_id]),
        title=_("Your agency is invited to a pilot"),
        body=f"{involvement.pilot.title} · {involvement.get_role_display()}",
        url=involvement_url(involvement),
    )


def reminder(involvement):
    return Notice(
        liaisons([involvement.agency_id]),
        title=_("Reminder: a pilot awaits your agency's decision"),
        body=f"{involvement.pilot.title} · {involvement.get_role_display()}",
        url=involvement_url(involvement),
    )
