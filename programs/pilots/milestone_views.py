"""A pilot milestone's own page (/me/pilots/<pk>/milestones/<n>/): its evidence, the steps open
to the reader (the lead team moves it and submits the evidence, program managers review it)
and its timeline; and the private evidence file. 404 for anyone who may not see the pilot."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from portal.i18n import localised
from portal.milestones.views import evidence_download, milestone_page
from portal.ratelimit import rate_limit

from .views import visible_pilot


def _milestone(user, pk, milestone_pk):
    pilot = visible_pilot(user, pk)
    milestone = get_object_or_404(pilot.milestones.select_related("reviewed_by"), pk=milestone_pk)
    milestone.pilot = pilot  # already read: the permission rules ask it
    return pilot, milestone


@never_cache
@login_required
@rate_limit("programs.pilot_milestone", limit=60)
def detail(request, pk, milestone_pk):
    pilot, milestone = _milestone(request.user, pk, milestone_pk)
    pilot_url = reverse("programs:pilot", args=[pilot.pk])
    return milestone_page(
        request,
        milestone,
        breadcrumbs=[
            (_("My dashboard"), reverse("portal:me")),
            (_("My pilots"), reverse("programs:pilots")),
            (localised(pilot, "title"), pilot_url),
        ],
        back_url=pilot_url,
    )


@never_cache
@login_required
def evidence(request, pk, milestone_pk):
    _pilot, milestone = _milestone(request.user, pk, milestone_pk)
    return evidence_download(request, milestone)
