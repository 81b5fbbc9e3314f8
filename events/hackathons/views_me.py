"""Member screens: forming and running a team, the project form, People's Choice votes, and the
judges' finals and conflict screens. Private: never cached; 404 for those without access."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from wagtail.models import Locale

from events.models import (
    HackathonPage,
    Submission,
    Team,
    TeamInvitation,
    TeamJoinRequest,
    TeamMembership,
)
from portal.clientip import client_ip
from portal.models import User
from portal.ratelimit import rate_limit
from portal.uploads import PDF, private_file_response

from . import judging, permissions
from .forms import (
    ConflictForm,
    InviteForm,
    SubmissionForm,
    TeamForm,
)
from .services import ActionRefused, finals, submissions, teams, voting


def _hackathon(page_id):
    page = get_object_or_404(HackathonPage.objects.live().public(), pk=page_id)
    return page, page.canonical()


def _my_team(request, pk):
    team = get_object_or_404(Team.objects.select_related("hackathon", "track"), pk=pk)
    if not permissions.is_team_member(request.user, team):
        raise Http404
    return team


@never_cache
@login_required
def my_hackathons(request):
    memberships = (
        TeamMembership.objects.filter(user=request.user)
        .select_related("team__hackathon", "team__submission")
        .order_by("-pk")
    )
    judging_in = HackathonPage.objects.filter(
        locale=Locale.get_default(), people__user=request.user, people__role="judge"
    ).distinct()
    waiting = TeamJoinRequest.objects.filter(
        user=request.user, state=TeamJoinRequest.State.PENDING
    ).select_related("team__hackathon")
    return render(
        request,
        "events/hackathons/me/my_hackathons.html",
        {"memberships": memberships, "judging_in": judging_in, "join_requests": waiting},
    )


@never_cache
@login_required
@rate_limit("hackathons.team", limit=30)
def create_team(request, page_id):
    page, hackathon = _hackathon(page_id)
    form = TeamForm(request.POST or None, hackathon=hackathon, user=request.user)
    allowed = permissions.can_create_team(request.user, hackathon)
    if request.method == "POST" and form.is_valid():
        try:
            team = teams.create_team(request.user, hackathon, **form.cleaned_data)
        except ActionRefused as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Your team is formed. Invite your teammates."))
            return redirect("events:team", team.pk)
    return render(
        request,
        "events/hackathons/me/team_form.html",
        {"page": page, "hackathon": hackathon, "form": form, "allowed": allowed},
    )


def _run(request, action, success):
    try:
        action()
    except ActionRefused as error:
        messages.error(request, str(error))
        return False
    messages.success(request, success)
    return True


@never_cache
@login_required
@rate_limit("hackathons.team_actions", limit=60)
def team(request, pk):
    team = _my_team(request, pk)
    user = request.user
    hackathon = team.hackathon
    is_leader = permissions.is_leader(user, team)
    form = TeamForm(
        initial={
            "name": team.name,
            "track": team.track,
            "looking_for_members": team.looking_for_members,
            "skills_wanted": team.skills_wanted,
            "organisation": team.organisation,
        },
        hackathon=hackathon,
        user=user,
    )
    invite_form = InviteForm()
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "update":
            form = TeamForm(request.POST, hackathon=hackathon, user=user)
            if form.is_valid() and _run(
                request,
                lambda: teams.update_team(user, team, **form.cleaned_data),
                _("Team saved."),
            ):
                return redirect("events:team", team.pk)
        elif action == "invite":
            invite_form = InviteForm(request.POST)
            if invite_form.is_valid() and _run(
                request,
                lambda: teams.invite(user, team, invite_form.cleaned_data["email"]),
                _("Invitation sent."),
            ):
                return redirect("events:team", team.pk)
        elif action in ("approve", "decline"):
            join_request = get_object_or_404(team.join_requests, pk=request.POST.get("request"))
            _run(
                request,
                lambda: teams.decide_join_request(user, join_request, action == "approve"),
                _("Request answered."),
            )
            return redirect("events:team", team.pk)
        elif action == "transfer":
            member = get_object_or_404(User, pk=request.POST.get("member"))
            _run(
                request,
                lambda: teams.transfer_leadership(user, team, member),
                _("Leadership passed on."),
            )
            return redirect("events:team", team.pk)
        elif action == "remove":
            member = get_object_or_404(User, pk=request.POST.get("member"))
            _run(request, lambda: teams.remove_member(user, team, member), _("Member removed."))
            return redirect("events:team", team.pk)
    join_link = request.build_absolute_uri(reverse("events:join_link", args=[team.join_token]))
    return render(
        request,
        "events/hackathons/me/team.html",
        {
            "team": team,
            "hackathon": hackathon,
            "is_leader": is_leader,
            "members": list(team.memberships.select_related("user")),
            "invitations": list(team.invitations.filter(state=TeamInvitation.State.PENDING)),
            "join_requests": list(
                team.join_requests.filter(state="pending").select_related("user")
            ),
            "submission": getattr(team, "submission", None),
            "form": form,
            "invite_form": invite_form,
            "join_link": join_link if is_leader else "",
            "teams_open": permissions.teams_open(hackathon),
            "feedback": judging.feedback_for_team(team.submission)
            if hasattr(team, "submission")
            else None,
        },
    )


@never_cache
@login_required
@rate_limit("hackathons.submission", limit=60)
def submission(request, pk):
    team = _my_team(request, pk)
    project = team.submission
    initial = {
        f: getattr(project, f)
        for f in (
            "title",
            "tagline",
            "problem",
            "description",
            "repository_url",
            "demo_url",
            "video_url",
            "technologies",
            "licence",
        )
    }
    form = SubmissionForm(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = {
            k: v for k, v in form.cleaned_data.items() if k not in ("pitch_deck", "screenshots")
        }
        try:
            submissions.save(
                request.user,
                project,
                data,
                pitch_deck=form.cleaned_data.get("pitch_deck"),
                screenshots=request.FILES.getlist("screenshots"),
            )
            if request.POST.get("action") == "submit":
                submissions.submit(request.user, project)
                messages.success(
                    request,
                    _("Your project is submitted. You can still improve it until the deadline."),
                )
            else:
                messages.success(request, _("Saved."))
        except ActionRefused as error:
            form.add_error(None, str(error))
        else:
            return redirect("events:submission", team.pk)
    return render(
        request,
        "events/hackathons/me/submission.html",
        {
            "team": team,
            "hackathon": team.hackathon,
            "submission": project,
            "form": form,
            "can_edit": permissions.can_edit_submission(request.user, project),
            "can_submit": permissions.can_submit(request.user, project),
            "screenshots": list(project.screenshots.all()),
            "timeline": project_timeline(project),
        },
    )


def project_timeline(project):
    from portal.models import TimelineEntry, Visibility

    entries = list(TimelineEntry.objects.for_object(project).exclude(visibility=Visibility.STAFF))
    for entry in entries:
        entry.to_label = Submission.workflow.state_label(entry.to_state)
    return entries


@never_cache
@login_required
def deck(request, pk):
    project = get_object_or_404(Submission.objects.select_related("team", "hackathon"), pk=pk)
    from portal.models import ReviewAssignment

    judge = ReviewAssignment.objects.for_item(project).filter(reviewer=request.user).exists()
    if not project.pitch_deck or not (
        permissions.is_team_member(request.user, project.team)
        or permissions.can_manage_hackathons(request.user)[0]
        or judge
    ):
        raise Http404
    return private_file_response(
        project.pitch_deck, filename=f"pitch-deck-{project.pk}.pdf", mime=PDF.mime
    )


@never_cache
@login_required
def join_link(request, token):
    team = get_object_or_404(Team.objects.select_related("hackathon"), join_token=token)
    if request.method == "POST" and _run(
        request, lambda: teams.join_by_link(request.user, team), _("Welcome to the team.")
    ):
        return redirect("events:team", team.pk)
    return render(request, "events/hackathons/me/join.html", {"team": team})


@never_cache
@login_required
@require_POST
@rate_limit("hackathons.vote", limit=20, period=3600)
def vote(request, pk):
    project = get_object_or_404(Submission.objects.select_related("hackathon", "team"), pk=pk)
    _run(
        request,
        lambda: voting.cast(request.user, project, client_ip(request)),
        _("Your vote is counted. You can change it until voting closes."),
    )
    back = request.POST.get("next", "")
    return redirect(back if back.startswith("/") and not back.startswith("//") else "/")


@never_cache
@login_required
@rate_limit("hackathons.finals", limit=600)
def finals_screen(request, page_id):
    _page, hackathon = _hackathon(page_id)
    if not (
        request.user in hackathon.judge_users()
        or permissions.can_manage_hackathons(request.user)[0]
    ):
        raise Http404
    if request.method == "POST":
        action = request.POST.get("action")
        if action in ("current", "previous"):
            _run(
                request,
                lambda: finals.vote(request.user, hackathon, current_wins=action == "current"),
                _("Vote saved."),
            )
        elif action == "undo":
            _run(request, lambda: finals.undo(request.user, hackathon), _("Last vote undone."))
        return redirect("events:finals", page_id)
    try:
        state = finals.judge_state(request.user, hackathon)
    except ActionRefused:
        raise Http404 from None
    return render(
        request, "events/hackathons/me/finals.html", {"hackathon": hackathon, "state": state}
    )


@never_cache
@login_required
@rate_limit("hackathons.conflict", limit=60)
def conflicts(request, page_id):
    """A judge's list of teams, where they declare conflicts of interest."""
    _page, hackathon = _hackathon(page_id)
    if request.user not in hackathon.judge_users():
        raise Http404
    if request.method == "POST":
        form = ConflictForm(request.POST)
        if form.is_valid():
            target = get_object_or_404(hackathon.teams, pk=form.cleaned_data["team"])
            _run(
                request,
                lambda: judging.declare_conflict(request.user, target, form.cleaned_data["reason"]),
                _("Conflict recorded: you will not judge this team."),
            )
        return redirect("events:conflicts", page_id)
    declared = set(request.user.declared_conflicts.values_list("team_id", flat=True))
    return render(
        request,
        "events/hackathons/me/conflicts.html",
        {"hackathon": hackathon, "teams": hackathon.teams.order_by("name"), "declared": declared},
    )
