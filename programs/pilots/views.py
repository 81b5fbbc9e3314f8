"""Member screens for pilots (never cached): /me/pilots/, a pilot's management page, the form to
start or edit a pilot, and an agency's decision screen. Views are thin: ``permissions`` says who
may, ``services`` writes. Anyone without access gets 404, never a hint that the pilot exists.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from events.models import Submission
from partners.models import Proposal
from portal.models import TimelineEntry
from portal.permissions import is_program_manager
from portal.ratelimit import rate_limit
from portal.services import ActionRefused
from portal.workflow import TransitionError, available_actions
from programs.models import Pilot, PilotAgency, PilotIndexPage

from . import permissions, services
from .forms import (
    AdoptionForm,
    DecisionForm,
    DocumentForm,
    IndicatorForm,
    InviteForm,
    MilestoneForm,
    NoteForm,
    PilotForm,
    StepForm,
)

PAGE_SIZE = 20


def visible_pilot(user, pk):
    """The pilot, or 404 for anyone who may not see its management page."""
    pilot = get_object_or_404(Pilot.objects.select_related("lead_organisation"), pk=pk)
    if not permissions.can_view_private(user, pilot)[0]:
        raise Http404
    return pilot


@never_cache
@login_required
def my_pilots(request):
    user = request.user
    led = Pilot.objects.filter(lead_organisation__memberships__user=user).distinct()
    awaiting = (
        PilotAgency.objects.for_liaison(user)
        .filter(state__in=("invited", "accepted"))
        .exclude(pilot__state__in=("adopted", "discontinued"))
        .select_related("pilot", "agency")
        .distinct()
        .order_by("invited_at", "pk")
    )
    manager = is_program_manager(user)
    overdue = PilotAgency.objects.overdue().select_related("pilot", "agency") if manager else []
    pilots = Pilot.objects.all() if manager else led
    page_obj = Paginator(
        pilots.select_related("lead_organisation").order_by("-updated_at", "-pk"), PAGE_SIZE
    ).get_page(request.GET.get("page"))
    return render(
        request,
        "programs/pilots/me/list.html",
        {
            "page_obj": page_obj,
            "pilots": page_obj.object_list,
            "awaiting": awaiting,
            "overdue": overdue[:50] if manager else [],
            "is_manager": manager,
        },
    )


@never_cache
@login_required
@rate_limit("programs.pilot_new", limit=30)
def new_pilot(request):
    """Program managers start a pilot; from an accepted proposal or an awarded hackathon project
    its fields come pre-filled."""
    proposal = submission = None
    if request.GET.get("proposal", "").isdigit():
        proposal = get_object_or_404(
            Proposal.objects.select_related("call"), pk=int(request.GET["proposal"])
        )
    elif request.GET.get("submission", "").isdigit():
        submission = get_object_or_404(
            Submission.objects.select_related("team__track"), pk=int(request.GET["submission"])
        )
    allowed, reason = permissions.can_start_pilot(request.user, proposal, submission)
    if not allowed:
        existing = (
            is_program_manager(request.user)
            and submission is not None
            and (permissions.submission_pilot(submission))
        )
        if not existing:
            raise Http404
        messages.info(request, reason)
        return redirect("programs:pilot", pk=existing.pk)
    if proposal:
        initial = services.carried_over(proposal)
    elif submission:
        initial = services.carried_over_from_submission(submission)
    else:
        initial = {}
    form = PilotForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        if proposal is None and submission is None:
            data["origin"] = "direct"
        try:
            pilot = services.create_pilot(
                request.user, data, proposal=proposal, submission=submission
            )
        except ActionRefused as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The pilot is proposed. Invite its agencies next."))
            return redirect("programs:pilot", pk=pilot.pk)
    return render(
        request,
        "programs/pilots/me/form.html",
        {"form": form, "proposal": proposal, "submission": submission, "pilot": None},
    )


@never_cache
@login_required
@rate_limit("programs.pilot_edit", limit=60)
def edit_pilot(request, pk):
    pilot = visible_pilot(request.user, pk)
    if not permissions.can_edit(request.user, pilot)[0]:
        raise Http404
    manager = is_program_manager(request.user)
    form = PilotForm(request.POST or None, instance=pilot, lead_editable=manager)
    if request.method == "POST" and form.is_valid():
        try:
            changed = services.update_pilot(request.user, pilot, form.cleaned_data)
        except ActionRefused as error:
            form.add_error(None, str(error))
        else:
            if changed:
                messages.success(request, _("Saved."))
            return redirect("programs:pilot", pk=pilot.pk)
    return render(
        request, "programs/pilots/me/form.html", {"form": form, "proposal": None, "pilot": pilot}
    )


def _actions(pilot, user):
    """Steps this user may take by role; each carries what is still missing, if anything."""
    actions = []
    for action in available_actions(pilot, user, include_refused=True):
        if action.transition.allowed.role(user, pilot)[0]:
            actions.append(action)
    return actions


@never_cache
@login_required
@rate_limit("programs.pilot_step", limit=60)
def manage(request, pk):
    pilot = visible_pilot(request.user, pk)
    form = StepForm(request.POST or None, initial={"expected_state": pilot.state})
    if request.method == "POST" and form.is_valid():
        try:
            services.take_step(
                request.user,
                pilot,
                request.POST.get("action", ""),
                comment=form.cleaned_data["comment"],
                expected_state=form.cleaned_data["expected_state"] or None,
            )
        except (ActionRefused, TransitionError) as error:
            form.add_error(None, str(error))
        else:
            pilot.refresh_from_db()
            messages.success(
                request, _("The pilot is now “%(state)s”.") % {"state": pilot.get_state_display()}
            )
            return redirect("programs:pilot", pk=pilot.pk)
    user = request.user
    involvements = list(pilot.involvements.select_related("agency", "adoption"))
    timeline = list(
        TimelineEntry.objects.for_object(pilot)
        .visible_to(user, is_participant=True)
        .select_related("actor")
    )
    for entry in timeline:
        entry.to_label = Pilot.workflow.state_label(entry.to_state) if entry.to_state else _("Note")
    index = PilotIndexPage.for_locale()
    return render(
        request,
        "programs/pilots/me/manage.html",
        {
            "pilot": pilot,
            "form": form,
            "actions": _actions(pilot, user),
            "involvements": involvements,
            "timeline": timeline,
            "indicators": list(pilot.indicators.all()),
            "milestones": list(pilot.milestones.all()),
            "documents": list(pilot.documents.all()),
            "can_edit": permissions.can_edit(user, pilot)[0],
            "can_manage": permissions.can_manage(user, pilot)[0],
            "public_url": index.pilot_url(pilot) if index and pilot.is_published else "",
            "invite_form": InviteForm(),
            "indicator_form": IndicatorForm(prefix="indicator"),
            "milestone_form": MilestoneForm(prefix="milestone"),
            "document_form": DocumentForm(prefix="document"),
            "note_form": NoteForm(prefix="note"),
            "my_involvements": [
                i for i in involvements if permissions.can_decide_for_agency(user, i)[0]
            ],
        },
    )


@never_cache
@login_required
@rate_limit("programs.pilot_decision", limit=60)
def decision(request, pk):
    """An agency's decision on a pilot: only that agency's liaisons act (program managers see)."""
    involvement = get_object_or_404(
        PilotAgency.objects.select_related("agency", "pilot__lead_organisation").prefetch_related(
            Prefetch("pilot__involvements", queryset=PilotAgency.objects.select_related("agency"))
        ),
        pk=pk,
    )
    user = request.user
    if not permissions.can_view_involvement(user, involvement)[0]:
        raise Http404
    may_decide = permissions.can_decide_for_agency(user, involvement)[0]
    form = DecisionForm(
        request.POST if "decide" in request.POST else None,
        initial={"expected_state": involvement.state},
    )
    adoption_form = AdoptionForm(
        request.POST if "adopt" in request.POST else None, prefix="adoption"
    )
    if request.method == "POST":
        try:
            if "adopt" in request.POST and adoption_form.is_valid():
                services.record_adoption(user, involvement, **adoption_form.cleaned_data)
                messages.success(request, _("The adoption is recorded."))
                return redirect("programs:pilot_decision", pk=involvement.pk)
            if "decide" in request.POST and form.is_valid():
                services.decide_for_agency(
                    user,
                    involvement,
                    request.POST.get("decide", ""),
                    comment=form.cleaned_data["comment"],
                    expected_state=form.cleaned_data["expected_state"] or None,
                )
                messages.success(request, _("Your agency's decision is recorded."))
                return redirect("programs:pilot_decision", pk=involvement.pk)
        except (ActionRefused, TransitionError) as error:
            target = adoption_form if "adopt" in request.POST else form
            target.add_error(None, str(error))
    return render(
        request,
        "programs/pilots/me/decision.html",
        {
            "involvement": involvement,
            "pilot": involvement.pilot,
            "form": form,
            "adoption_form": adoption_form,
            "may_decide": may_decide,
            "actions": [a for a in available_actions(involvement, user) if a.name != "adopt"],
        },
    )
