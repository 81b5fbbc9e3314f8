"""What events holds about a member, for the personal-data export (portal.personal_data)."""

from wagtail import hooks

from events.models import Registration, TeamMembership, Vote
from portal.personal_data import HOOK, iso


@hooks.register(HOOK)
def personal_data(user):
    registrations = Registration.objects.filter(user=user).select_related("event").order_by("pk")
    teams = TeamMembership.objects.filter(user=user).select_related("team").order_by("pk")
    votes = Vote.objects.filter(user=user).select_related("hackathon", "submission").order_by("pk")
    return {
        "event_registrations": [
            {
                "event": r.event.title,
                "state": r.state,
                "answers": r.answers,
                "registered": iso(r.created_at),
            }
            for r in registrations
        ],
        "hackathon_teams": [{"team": str(t.team), "role": t.role} for t in teams],
        "peoples_choice_votes": [
            {
                "hackathon": v.hackathon.title,
                "submission": str(v.submission),
                "cast": iso(v.created_at),
            }
            for v in votes
        ],
    }
