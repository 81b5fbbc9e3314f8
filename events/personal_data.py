"""What events holds about a member: its part of the personal-data export (portal.personal_data),
of an account deletion (portal.privacy.erasure) and of the retention job (portal.privacy.retention)."""

from django.utils import timezone
from wagtail import hooks

from events import services
from events.models import (
    Registration,
    RegistrationState,
    TeamInvitation,
    TeamJoinRequest,
    TeamMembership,
    TeamRole,
    Vote,
    VoteAudit,
)
from portal.admission.services import forget
from portal.personal_data import HOOK, iso
from portal.privacy import retention
from portal.privacy.erasure import ERASURE_HOOK


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


@hooks.register(ERASURE_HOOK)
def erase(user):
    """Seats for events to come are freed (the waiting list moves up); past registrations stay
    for the attendance figures, without the answers. Team places go; a leaving leader hands the
    team to its longest-standing member. Votes still count; where they came from is dropped."""
    upcoming = Registration.objects.filter(
        user=user,
        event__end__gt=timezone.now(),
        state__in=[RegistrationState.CONFIRMED, RegistrationState.WAITLISTED],
    ).select_related("event")
    for registration in upcoming:
        services.cancel(user, registration)
    Registration.objects.filter(user=user).update(answers={})
    for membership in TeamMembership.objects.filter(user=user).select_related("team"):
        membership.delete()
        if membership.role == TeamRole.LEADER:
            heir = membership.team.memberships.order_by("joined_at", "pk").first()
            if heir:
                TeamMembership.objects.filter(pk=heir.pk).update(role=TeamRole.LEADER)
    forget(TeamJoinRequest.objects.filter(user=user))
    forget(TeamInvitation.objects.filter(email__iexact=user.email, accepted_at__isnull=True))
    VoteAudit.objects.filter(user=user).update(ip_address=None)


@hooks.register(retention.HOOK)
def drop_expired(now):
    before = retention.cutoff("PORTAL_IP_RETENTION_DAYS", now)
    dropped = VoteAudit.objects.filter(at__lt=before, ip_address__isnull=False).update(
        ip_address=None
    )
    return {"vote IP addresses": dropped}
