"""The one place that answers "may this user do X to a pilot", with the reason.

Each rule returns ``(allowed, reason)``. Transition rules combine who may take a step with what
the step requires; ``role`` and ``requirement`` stay separate so screens show a step to the people
who may take it and explain what is still missing.
"""

from django.utils.translation import gettext as _

from partners.permissions import is_liaison, role_in
from portal.permissions import is_program_manager

EDITOR_ROLES = ("owner", "editor")


def is_lead(user, pilot):
    """Owners and editors of the lead organisation act for it."""
    return role_in(user, pilot.lead_organisation) in EDITOR_ROLES


def _involved_liaison(user, pilot):
    if not (user and user.is_authenticated):
        return False
    return pilot.involvements.filter(
        agency__memberships__user=user, agency__memberships__role="liaison"
    ).exists()


def can_view_private(user, pilot):
    """The management page: program managers, the lead organisation, involved agencies."""
    if is_program_manager(user) or role_in(user, pilot.lead_organisation):
        return True, ""
    if _involved_liaison(user, pilot):
        return True, ""
    return False, _(
        "Only the pilot's lead organisation, its agencies and program managers see this."
    )


def can_edit(user, pilot):
    if pilot.is_closed and not is_program_manager(user):
        return False, _("A closed pilot can no longer be edited.")
    if is_program_manager(user) or is_lead(user, pilot):
        return True, ""
    return False, _("Only the lead organisation's owners and editors and program managers edit it.")


def can_manage(user, pilot=None):
    """Publishing, inviting agencies and internal notes for staff: program managers."""
    if is_program_manager(user):
        return True, ""
    return False, _("Only program managers do this.")


def can_start_pilot(user, proposal=None, submission=None):
    """Program managers start pilots, from an accepted proposal or an awarded hackathon project."""
    if not is_program_manager(user):
        return False, _("Only program managers start pilots.")
    if proposal is not None and proposal.state != "accepted":
        return False, _("Only an accepted proposal becomes a pilot.")
    if submission is not None:
        if not submission.can_become_pilot():
            return False, _(
                "Only an awarded hackathon project whose team has an organisation becomes a pilot."
            )
        if submission_pilot(submission) is not None:
            return False, _("This project is already a pilot.")
    return True, ""


def submission_pilot(submission):
    """The pilot a hackathon project already became, if any (one pilot per project)."""
    from django.contrib.contenttypes.models import ContentType

    from programs.models import Pilot

    return Pilot.objects.filter(
        origin_content_type=ContentType.objects.get_for_model(submission),
        origin_object_id=str(submission.pk),
    ).first()


def can_view_involvement(user, involvement):
    """The decision screen: that agency's liaisons and program managers; anyone else 404."""
    if is_program_manager(user) or is_liaison(user, involvement.agency):
        return True, ""
    return False, _("Only the agency's liaisons see this decision.")


def can_decide_for_agency(user, involvement):
    """Accept, decline or record adoption: a liaison of that very agency, nobody else."""
    if is_liaison(user, involvement.agency):
        return True, ""
    return False, _("Only a liaison of %(agency)s decides for it.") % {
        "agency": involvement.agency.name
    }


# --- who may take each pilot step ---
def manager(user, pilot):
    return can_manage(user, pilot)


def manager_or_lead(user, pilot):
    if is_program_manager(user) or is_lead(user, pilot):
        return True, ""
    return False, _("Only program managers and the lead organisation take this step.")


def manager_or_agency(user, pilot):
    if is_program_manager(user) or _involved_liaison(user, pilot):
        return True, ""
    return False, _("Only program managers and the liaisons of an involved agency take this step.")


# --- what each pilot step requires ---
def needs_host_invited(pilot):
    if not pilot.involvements.filter(role="host").exists():
        return False, _("Invite at least one host agency before asking for agency review.")
    return True, ""


def needs_hosts_accepted(pilot):
    hosts = list(pilot.involvements.filter(role="host").select_related("agency"))
    if not hosts:
        return False, _("The pilot has no host agency yet.")
    waiting = [h.agency.name for h in hosts if h.state not in ("accepted", "adopted")]
    if waiting:
        return False, _("Every host agency must accept first. Still waiting for: %(names)s.") % {
            "names": ", ".join(waiting)
        }
    return True, ""


def needs_evaluation(pilot):
    if not pilot.documents.filter(kind="evaluation_report").exists():
        return False, _("Upload the evaluation report first.")
    indicators = list(pilot.indicators.all())
    if not indicators:
        return False, _("Add the key indicators and their measured values first.")
    missing = [i.name for i in indicators if i.measured is None]
    if missing:
        return False, _("Enter the measured value of every indicator first: %(names)s.") % {
            "names": ", ".join(missing)
        }
    return True, ""


def needs_adoption_record(pilot):
    if not pilot.adoptions.exists():
        return False, _(
            "An agency must record the adoption first (date, legal basis, scale and service)."
        )
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
