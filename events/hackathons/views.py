"""Public hackathon screens: the page, teams looking for members, the gallery and project pages.

Called from HackathonPage's routes with the arguments every routable page's view takes, in one
order: ``(page, request, <url args>)``. Data always comes from the canonical (English) page, so
the Indonesian page shows the same teams and projects.
"""

from django.core.paginator import Paginator
from django.db.models import Case, Count, Q, When
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone

from events.models import Award, Submission, Team, TeamMembership, Vote
from portal.reports.hidden import check_visible, visible

from . import judging, permissions

PAGE_SIZE = 24
MAX_QUERY_LENGTH = 200


def _common(page, request):
    hackathon = page.canonical()
    context = page.get_context(request)
    context.update(
        {
            "hackathon": hackathon,
            "now": timezone.now(),
            "phase": hackathon.phase(),
            "tracks": list(hackathon.tracks.select_related("challenge__owner_agency", "sponsor")),
        }
    )
    return hackathon, context


def my_membership(user, hackathon):
    if not user.is_authenticated:
        return None
    return (
        TeamMembership.objects.filter(hackathon=hackathon, user=user)
        .select_related("team__submission")
        .first()
    )


def hackathon_page(page, request):
    hackathon, context = _common(page, request)
    people = list(hackathon.people.select_related("organisation"))
    context.update(
        {
            "judges": [p for p in people if p.role == "judge"],
            "mentors": [p for p in people if p.role == "mentor"],
            "awards": judging.published_awards(hackathon),
            "membership": my_membership(request.user, hackathon),
            "can_create_team": permissions.can_create_team(request.user, hackathon),
            "voting_open": permissions.voting_open(hackathon)[0],
            "counts": {
                "teams": hackathon.teams.count(),
                "projects": visible(
                    Submission.objects.public().filter(hackathon=hackathon)
                ).count(),
            },
        }
    )
    return render(request, page.template, context)


def teams_looking(page, request):
    hackathon, context = _common(page, request)
    teams = (
        visible(Team.objects.filter(hackathon=hackathon, looking_for_members=True))
        .select_related("track")
        .annotate(size=Count("memberships"))
        .order_by("name", "pk")
    )
    page_obj = Paginator(teams, PAGE_SIZE).get_page(request.GET.get("page"))
    context.update(
        {
            "page_obj": page_obj,
            "teams": page_obj.object_list,
            "membership": my_membership(request.user, hackathon),
            "can_join": permissions.can_create_team(request.user, hackathon),
        }
    )
    return render(request, "events/hackathons/teams.html", context)


def gallery(page, request):
    hackathon, context = _common(page, request)
    q = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    track = request.GET.get("track", "")[:12]
    projects = visible(Submission.objects.public().filter(hackathon=hackathon))
    for word in q.split():
        projects = projects.filter(
            Q(title__icontains=word)
            | Q(tagline__icontains=word)
            | Q(technologies__icontains=word)
            | Q(team__name__icontains=word)
        )
    if track.isdigit():
        projects = projects.filter(team__track_id=int(track))
    projects = (
        projects.select_related("team__track")
        .prefetch_related("screenshots", "awards")
        .order_by(Case(When(state="awarded", then=0), default=1), "title", "pk")  # winners first
    )
    page_obj = Paginator(projects, PAGE_SIZE).get_page(request.GET.get("page"))
    my_vote = None
    if request.user.is_authenticated:
        my_vote = (
            Vote.objects.filter(hackathon=hackathon, user=request.user)
            .values_list("submission_id", flat=True)
            .first()
        )
    context.update(
        {
            "page_obj": page_obj,
            "projects": page_obj.object_list,
            "q": q,
            "track": track,
            "my_vote": my_vote,
            "voting_open": permissions.voting_open(hackathon)[0],
        }
    )
    return render(request, "events/hackathons/gallery.html", context)


def project(page, request, pk):
    hackathon, context = _common(page, request)
    submission = (
        Submission.objects.filter(hackathon=hackathon, pk=pk)
        .select_related("team__track__challenge__owner_agency", "team__organisation")
        .first()
    )
    if submission is None or not permissions.can_see_submission(request.user, submission)[0]:
        raise Http404
    check_visible(request.user, submission)  # hidden after a report: 404 to the public
    votes = None
    if permissions.tallies_visible(hackathon):
        votes = submission.votes.count()
    my_vote = None
    if request.user.is_authenticated:
        my_vote = (
            Vote.objects.filter(hackathon=hackathon, user=request.user)
            .values_list("submission_id", flat=True)
            .first()
        )
    context.update(
        {
            "submission": submission,
            "members": list(submission.team.memberships.select_related("user")),
            "screenshots": list(submission.screenshots.all()),
            "awards": list(Award.objects.filter(submission=submission, published_at__isnull=False)),
            "votes": votes,
            "my_vote": my_vote,
            "can_vote": permissions.can_vote(request.user, submission),
        }
    )
    return render(request, "events/hackathons/project.html", context)
