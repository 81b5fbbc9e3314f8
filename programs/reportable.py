"""What members may report in programs (portal/reports/registry.py): pilot texts."""

from django.utils.translation import gettext_lazy as _

from portal.i18n import localised
from portal.reports.registry import ReportableKind, register
from programs.models import Pilot, PilotIndexPage


def _authors(pilot: Pilot):
    """The lead organisation's owners and editors, and whoever created the pilot."""
    people = []
    if pilot.lead_organisation_id:
        memberships = pilot.lead_organisation.memberships.filter(role__in=("owner", "editor"))
        people = [membership.user for membership in memberships.select_related("user")]
    if pilot.created_by_id:
        people.append(pilot.created_by)
    return people


def _url(pilot: Pilot):
    if not pilot.is_published:
        return ""
    tracker = PilotIndexPage.for_locale()
    return tracker.pilot_url(pilot) if tracker is not None else ""


register(
    ReportableKind(
        slug="pilot",
        model="programs.Pilot",
        label=_("Pilot project"),
        authors=_authors,
        url=_url,
        title=lambda pilot: localised(pilot, "title"),
    )
)
