"""Cohort start-ups' milestones in the member area: /me/accelerator/milestones/ lists those of
the user's start-ups (every cohort they are or were in), each milestone has its own page where
the start-up moves its work forward and submits the evidence, and the evidence file is
streamed after the same check. A milestone someone may not see answers 404."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from portal.milestones import permissions as milestone_permissions
from portal.milestones.views import evidence_download, milestone_page
from portal.ratelimit import rate_limit
from programs.models import CohortMilestone

PAGE_SIZE = 20


def mine(user):
    """The milestones of every cohort place of the user's organisations."""
    return (
        CohortMilestone.objects.filter(member__organisation__memberships__user=user)
        .select_related("member__organisation", "member__cohort")
        .distinct()
    )


def _milestone(user, pk):
    milestone = get_object_or_404(
        CohortMilestone.objects.select_related(
            "member__organisation", "member__cohort", "reviewed_by"
        ),
        pk=pk,
    )
    if not milestone_permissions.can_view(user, milestone)[0]:
        raise Http404
    return milestone


@never_cache
@login_required
def my_milestones(request):
    milestones = mine(request.user).order_by("-member__cohort__starts_on", "due_on", "pk")
    page_obj = Paginator(milestones, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "programs/cohorts/me/milestones.html",
        {"page_obj": page_obj, "milestones": page_obj.object_list},
    )


@never_cache
@login_required
@rate_limit("programs.cohort_milestone", limit=60)
def detail(request, pk):
    milestone = _milestone(request.user, pk)
    return milestone_page(
        request,
        milestone,
        breadcrumbs=[
            (_("My dashboard"), reverse("portal:me")),
            (_("My milestones"), reverse("programs:cohort_milestones")),
        ],
        back_url=reverse("programs:cohort_milestones"),
    )


@never_cache
@login_required
def evidence(request, pk):
    return evidence_download(request, _milestone(request.user, pk))
