"""What members may report in events (portal/reports/registry.py): hackathon projects (the
gallery's submissions) and hackathon teams (listed while looking for members)."""

from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from events.models import HackathonPage, Submission, Team
from portal.reports.registry import ReportableKind, register


def _members(team: Team):
    return [membership.user for membership in team.memberships.select_related("user")]


def _hackathon_here(hackathon):
    """The hackathon's page in the active language (the canonical one when not translated)."""
    translated = (
        HackathonPage.objects.live()
        .filter(translation_key=hackathon.translation_key, locale=Locale.get_active())
        .first()
    )
    return translated or hackathon


def _project_url(submission: Submission):
    if not submission.is_public or not submission.hackathon.live:
        return ""
    return _hackathon_here(submission.hackathon).sub_url("project", pk=submission.pk)


def _team_url(team: Team):
    if not team.looking_for_members or not team.hackathon.live:
        return ""
    return _hackathon_here(team.hackathon).sub_url("teams") + f"#team-{team.pk}"


register(
    ReportableKind(
        slug="project",
        model="events.Submission",
        label=_("Hackathon project"),
        authors=lambda submission: _members(submission.team),
        url=_project_url,
    )
)

register(
    ReportableKind(
        slug="team",
        model="events.Team",
        label=_("Hackathon team"),
        authors=_members,
        url=_team_url,
        title=lambda team: team.name,
    )
)
