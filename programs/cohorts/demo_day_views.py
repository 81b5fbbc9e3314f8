"""Demo-day interest in the member area: register an organisation's interest in a start-up
(from the cohort's public demo-day programme), list the interests one's start-ups received or
one's organisations registered, follow one, withdraw it or turn it into a pilot. Thin:
``permissions`` decides, ``demo_day`` writes; an interest someone may not see answers 404."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from partners.models import Organisation
from portal.models import TimelineEntry
from portal.permissions import is_program_manager
from portal.ratelimit import rate_limit
from portal.services import ActionRefused
from portal.workflow import available_actions
from programs.models import CohortMember, DemoDayInterest
from programs.pilots import permissions as pilot_permissions

from . import demo_day, permissions
from .demo_day_forms import InterestForm

PAGE_SIZE = 20


def visible_interests(user):
    interests = DemoDayInterest.objects.select_related(
        "member__organisation", "member__cohort", "organisation", "pilot"
    )
    if is_program_manager(user):
        return interests
    return interests.filter(
        Q(member__organisation__memberships__user=user) | Q(organisation__memberships__user=user)
    ).distinct()


def _speaks_for(user):
    """The organisations the user may register interest for (liaisons; owners and editors)."""
    liaison = Q(kind="agency", memberships__user=user, memberships__role="liaison")
    writer = ~Q(kind="agency") & Q(
        memberships__user=user, memberships__role__in=permissions.WRITERS
    )
    return Organisation.objects.verified().filter(liaison | writer).distinct().order_by("name")


@never_cache
@login_required
def my_interests(request):
    interests = visible_interests(request.user).order_by("-created_at", "-pk")
    page_obj = Paginator(interests, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "programs/cohorts/demo_day/interests.html",
        {"page_obj": page_obj, "interests": page_obj.object_list},
    )


@never_cache
@login_required
@rate_limit("programs.demo_day_interest", limit=30)
def register(request, member_pk):
    member = get_object_or_404(
        CohortMember.objects.select_related("organisation", "cohort", "cohort__demo_day_event"),
        pk=member_pk,
        cohort__published=True,
        cohort__kind="accelerator",
    )
    organisations = _speaks_for(request.user).exclude(pk=member.organisation_id)
    form = InterestForm(request.POST or None, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        try:
            interest = demo_day.register_interest(
                request.user,
                form.cleaned_data["organisation"],
                member,
                note=form.cleaned_data["note"],
            )
        except ActionRefused as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Your interest is registered: the start-up is told."))
            return redirect("programs:demo_day_interest", pk=interest.pk)
    return render(
        request,
        "programs/cohorts/demo_day/register.html",
        {"member": member, "form": form, "organisations": organisations},
    )


def _interest(user, pk):
    interest = get_object_or_404(
        DemoDayInterest.objects.select_related(
            "member__organisation", "member__cohort", "organisation", "pilot", "registered_by"
        ),
        pk=pk,
    )
    if not permissions.can_view_interest(user, interest)[0]:
        raise Http404
    return interest


@never_cache
@login_required
def detail(request, pk):
    interest = _interest(request.user, pk)
    timeline = list(
        TimelineEntry.objects.for_object(interest)
        .visible_to(request.user, is_participant=True)
        .select_related("actor")
    )
    for entry in timeline:
        entry.to_label = DemoDayInterest.workflow.state_label(entry.to_state)
    return render(
        request,
        "programs/cohorts/demo_day/interest.html",
        {
            "interest": interest,
            "actions": available_actions(interest, request.user),
            "timeline": timeline,
            "carried_over": demo_day.pilot_fields(interest) if interest.state == "open" else None,
            "pilot_url": reverse("programs:pilot", args=[interest.pilot_id])
            if interest.pilot
            and pilot_permissions.can_view_private(request.user, interest.pilot)[0]
            else "",
        },
    )


@never_cache
@login_required
@require_POST
def step(request, pk):
    interest = _interest(request.user, pk)
    action = request.POST.get("action", "")
    expected = request.POST.get("expected_state") or None
    try:
        if action == "start_pilot":
            pilot = demo_day.start_pilot_from_interest(interest, request.user)
            messages.success(
                request, _("The pilot “%(title)s” is proposed.") % {"title": pilot.title}
            )
        elif action == "withdraw":
            demo_day.withdraw_interest(request.user, interest, expected_state=expected)
            messages.success(request, _("The interest is withdrawn."))
        else:
            raise ActionRefused(_("“%(name)s” is not a step of this process.") % {"name": action})
    except ActionRefused as error:
        messages.error(request, str(error))
    return redirect("programs:demo_day_interest", pk=interest.pk)
