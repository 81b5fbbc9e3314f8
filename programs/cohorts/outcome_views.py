"""Start-up outcomes in the member area: /me/accelerator/outcomes/ lists what the user's
start-ups reported (program managers: everything) with the form to report one; an outcome's
page shows its state, the reason it was returned and the timeline, lets the start-up correct a
returned one and program managers verify or return it. Others get 404."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from portal.models import TimelineEntry
from portal.permissions import is_program_manager
from portal.ratelimit import rate_limit
from portal.services import ActionRefused
from portal.workflow import available_actions
from programs.models import StartupOutcome

from . import outcomes, permissions
from .demo_day_forms import OutcomeForm, ReviewForm, my_startups

PAGE_SIZE = 20


def visible_outcomes(user):
    rows = StartupOutcome.objects.select_related("member__organisation", "member__cohort")
    if is_program_manager(user):
        return rows
    return rows.filter(member__organisation__memberships__user=user).distinct()


@never_cache
@login_required
@rate_limit("programs.startup_outcome", limit=60)
def my_outcomes(request):
    members = my_startups(request.user)
    form = OutcomeForm(request.POST or None, members=members)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            outcome = outcomes.report_outcome(request.user, data["member"], data)
        except ActionRefused as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Outcome reported: program managers will verify it."))
            return redirect("programs:startup_outcome", pk=outcome.pk)
    rows = visible_outcomes(request.user).order_by("-period_on", "-pk")
    page_obj = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "programs/cohorts/demo_day/outcomes.html",
        {
            "page_obj": page_obj,
            "outcomes": page_obj.object_list,
            "form": form if members.exists() else None,
        },
    )


def _outcome(user, pk):
    outcome = get_object_or_404(
        StartupOutcome.objects.select_related(
            "member__organisation", "member__cohort", "verified_by"
        ),
        pk=pk,
    )
    if not permissions.can_view_outcome(user, outcome)[0]:
        raise Http404
    return outcome


@never_cache
@login_required
@rate_limit("programs.startup_outcome", limit=60)
def detail(request, pk):
    outcome = _outcome(request.user, pk)
    actions = available_actions(outcome, request.user)
    names = {action.name for action in actions}
    posted = request.POST.get("action", "") if request.method == "POST" else ""
    correct = OutcomeForm(
        request.POST if posted == "resubmit" else None, instance=outcome, members=None
    )
    review = ReviewForm(
        request.POST if posted in ("verify", "return") else None,
        initial={"expected_state": outcome.state},
    )
    if posted and posted in names:
        form = correct if posted == "resubmit" else review
        if form.is_valid():
            try:
                if posted == "resubmit":
                    outcomes.correct_outcome(request.user, outcome, form.cleaned_data)
                else:
                    outcomes.review_outcome(
                        request.user,
                        outcome,
                        posted,
                        comment=form.cleaned_data["comment"],
                        expected_state=form.cleaned_data["expected_state"] or None,
                    )
            except ActionRefused as error:
                form.add_error(None, str(error))
            else:
                outcome.refresh_from_db()
                messages.success(
                    request,
                    _("The outcome is now “%(state)s”.") % {"state": outcome.get_state_display()},
                )
                return redirect("programs:startup_outcome", pk=outcome.pk)
    elif posted:
        messages.error(request, _("This step is not open to you now."))
    timeline = list(
        TimelineEntry.objects.for_object(outcome)
        .visible_to(request.user, is_participant=True)
        .select_related("actor")
    )
    for entry in timeline:
        entry.to_label = StartupOutcome.workflow.state_label(entry.to_state)
    return render(
        request,
        "programs/cohorts/demo_day/outcome.html",
        {
            "outcome": outcome,
            "correct_form": correct if "resubmit" in names else None,
            "review_form": review if names & {"verify", "return"} else None,
            "timeline": timeline,
        },
    )
