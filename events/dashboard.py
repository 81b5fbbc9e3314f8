"""The events' links and to-dos on the member dashboard (``portal_dashboard_links`` and
``portal_dashboard_waiting`` hooks)."""

from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail import hooks

from portal.dashboard import HOOK, WAITING_HOOK, WAITING_LIMIT, DashboardLink, WaitingItem


@hooks.register(HOOK)
def event_links(request):
    yield DashboardLink(20, _("My events"), reverse("events:mine"))
    yield DashboardLink(40, _("My hackathon teams"), reverse("events:my_hackathons"))


@hooks.register(WAITING_HOOK)
def event_waiting(request):
    """Invitations to a hackathon team, sent to the member's address and not yet answered."""
    from events.models import TeamInvitation

    invitations = (
        TeamInvitation.objects.filter(
            email__iexact=request.user.email, state=TeamInvitation.State.PENDING
        )
        .select_related("team__hackathon")
        .order_by("-created_at", "pk")[:WAITING_LIMIT]
    )
    for invitation in invitations:
        yield WaitingItem(
            20,
            _("Invitation to a team"),
            f"{invitation.team.name} · {invitation.team.hackathon.title}",
            reverse("events:accept_invitation", args=[invitation.token]),
        )
