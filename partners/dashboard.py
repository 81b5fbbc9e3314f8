"""The partners' links and to-dos on the member dashboard (``portal_dashboard_links`` and
``portal_dashboard_waiting`` hooks)."""

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail import hooks

from partners.permissions import speaks_for_an_agency
from portal.dashboard import HOOK, WAITING_HOOK, WAITING_LIMIT, DashboardLink, WaitingItem


@hooks.register(HOOK)
def partner_links(request):
    yield DashboardLink(10, _("My organisations"), reverse("partners:mine"))
    yield DashboardLink(15, _("My proposals"), reverse("partners:proposals"))
    if speaks_for_an_agency(request.user):
        yield DashboardLink(60, _("Challenges"), reverse("partners:challenges"))


@hooks.register(WAITING_HOOK)
def partner_waiting(request):
    """Proposals to finish or change, invitations to answer, requests to join to decide."""
    from partners.models import Invitation, JoinRequest, Proposal
    from partners.permissions import PROPOSAL_WRITERS
    from partners.services import INVITATION_MAX_AGE, invitation_token
    from partners.workflows import ProposalState

    user = request.user
    # Those the member may edit: as an owner or editor of the organisation, or a co-author.
    writers = Q(
        organisation__memberships__user=user,
        organisation__memberships__role__in=PROPOSAL_WRITERS,
    ) | Q(co_authors=user)
    proposals = (
        Proposal.objects.filter(
            writers, state__in=(ProposalState.DRAFT, ProposalState.CHANGES_REQUESTED)
        )
        .distinct()
        .order_by("-updated_at", "pk")[:WAITING_LIMIT]
    )
    for proposal in proposals:
        changes = proposal.state == ProposalState.CHANGES_REQUESTED
        yield WaitingItem(
            10 if changes else 15,
            _("Changes requested") if changes else _("Draft proposal"),
            proposal.title,
            reverse("partners:proposal", args=[proposal.pk]),
        )
    invitations = Invitation.objects.filter(
        email__iexact=user.email,
        state=Invitation.State.PENDING,
        created_at__gte=timezone.now() - INVITATION_MAX_AGE,
    ).select_related("organisation")[:WAITING_LIMIT]
    for invitation in invitations:
        yield WaitingItem(
            20,
            _("Invitation to join"),
            invitation.organisation.name,
            reverse("partners:invitation", args=[invitation_token(invitation)]),
        )
    join_requests = (
        JoinRequest.objects.filter(
            state=JoinRequest.State.PENDING,
            organisation__memberships__user=user,
            organisation__memberships__role="owner",
        )
        .select_related("organisation", "user")
        .order_by("created_at", "pk")[:WAITING_LIMIT]
    )
    for join_request in join_requests:
        yield WaitingItem(
            25,
            _("Request to join"),
            _("%(person)s → %(organisation)s")
            % {"person": join_request.user, "organisation": join_request.organisation.name},
            reverse("partners:members", args=[join_request.organisation.slug]),
        )
