"""Member screens for joining and leaving a team: accepting an invitation, asking to join,
withdrawing a request, revoking an invitation (through portal.admission), leaving after a
confirmation. Private: never cached; 404 for those the item is not theirs."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from events.models import Team, TeamInvitation, TeamJoinRequest
from portal.admission import permissions as admission_permissions
from portal.admission.services import invitation_refusal, request_refusal
from portal.ratelimit import rate_limit
from portal.views.confirm import confirm_step

from . import permissions
from .forms import JoinRequestForm
from .services import teams
from .views_me import _my_team, _run


@never_cache
@login_required
def accept_invitation(request, token):
    invitation = get_object_or_404(
        TeamInvitation.objects.select_related("team__hackathon"), token=token
    )
    if request.method == "POST" and _run(
        request,
        lambda: teams.accept_invitation(request.user, invitation),
        _("Welcome to the team."),
    ):
        return redirect("events:team", invitation.team_id)
    return render(
        request,
        "events/hackathons/me/join.html",
        {
            "team": invitation.team,
            "invitation": invitation,
            "refusal": invitation_refusal(invitation),
        },
    )


@never_cache
@login_required
@require_POST
@rate_limit("hackathons.join_request", limit=20)
def request_join(request, pk):
    team = get_object_or_404(Team.objects.select_related("hackathon"), pk=pk)
    form = JoinRequestForm(request.POST)
    message = form.cleaned_data["message"] if form.is_valid() else ""
    _run(
        request,
        lambda: teams.request_to_join(request.user, team, message),
        _("Your request is sent to the team leader."),
    )
    return (
        redirect(request.POST.get("next") or "events:my_hackathons")
        if str(request.POST.get("next", "")).startswith("/")
        else redirect("events:my_hackathons")
    )


@never_cache
@login_required
def withdraw_request(request, pk):
    """The person who asked takes a waiting request back, after confirming; others get 404."""
    join_request = get_object_or_404(
        TeamJoinRequest.objects.select_related("team__hackathon"), pk=pk, user=request.user
    )
    name = join_request.team.name
    return confirm_step(
        request,
        run=lambda: teams.withdraw_join_request(request.user, join_request),
        heading=_("Withdraw your request"),
        question=_("Withdraw your request to join %(name)s? The team leader will no longer see it.")
        % {"name": name},
        button=_("Withdraw my request"),
        back=reverse("events:my_hackathons"),
        done=_("Your request to join %(name)s was withdrawn.") % {"name": name},
        refusal=request_refusal(join_request),
    )


@never_cache
@login_required
def revoke_invitation(request, pk, invitation_pk):
    """The inviter or the leader takes a waiting invitation back, after confirming."""
    team = _my_team(request, pk)
    invitation = get_object_or_404(team.invitations, pk=invitation_pk)
    if not admission_permissions.may_revoke(request.user, invitation):
        raise Http404
    return confirm_step(
        request,
        run=lambda: teams.revoke_invitation(request.user, invitation),
        heading=_("Revoke the invitation"),
        question=_("Revoke the invitation to %(email)s? Its link will no longer work.")
        % {"email": invitation.email},
        button=_("Revoke the invitation"),
        back=reverse("events:team", args=[team.pk]),
        done=_("The invitation to %(email)s was revoked.") % {"email": invitation.email},
        refusal=invitation_refusal(invitation),
    )


@never_cache
@login_required
def leave_team(request, pk):
    """Leaving cannot be undone by the member (getting back in needs the leader), so it is
    confirmed first; a leader is told that the lead passes on."""
    team = _my_team(request, pk)
    allowed, reason = permissions.can_leave(request.user, team)
    roles = dict(team.memberships.values_list("user_id", "role"))
    if len(roles) == 1:
        consequence = _("You are its last member: the team and its draft project are deleted.")
    elif roles.get(request.user.pk) == "leader":
        consequence = _("The longest-standing member becomes the team leader.")
    else:
        consequence = _("To come back you will need the leader's approval.")
    return confirm_step(
        request,
        run=lambda: teams.leave(request.user, team),
        heading=_("Leave the team"),
        question=_("Leave %(name)s? %(consequence)s")
        % {"name": team.name, "consequence": consequence},
        button=_("Yes, leave the team"),
        back=reverse("events:team", args=[team.pk]),
        after=reverse("events:my_hackathons"),
        done=_("You left the team."),
        refusal="" if allowed else reason,
    )
