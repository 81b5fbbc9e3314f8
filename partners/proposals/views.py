"""Public calls, and the member screens to draft, submit, follow and withdraw proposals.

Thin views: ``partners.permissions`` says who may see and do what, the services write.
Anything private answers 404 to those without access, and is never cached.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from partners import permissions
from partners.models import Call, Organisation, Proposal, ProposalAttachment
from portal.models import TimelineEntry
from portal.ratelimit import rate_limit
from portal.services import ActionRefused
from portal.uploads import private_file_response
from portal.workflow import available_actions

from . import services
from .forms import ProposalForm, StartProposalForm, StepForm

PAGE_SIZE = 20


def call_list(request):
    calls = Call.objects.public().select_related("challenge").order_by("-closes_at")
    page_obj = Paginator(calls, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "partners/calls/call_list.html", {"page_obj": page_obj})


def call_detail(request, slug):
    call = get_object_or_404(Call.objects.public().select_related("challenge"), slug=slug)
    return render(request, "partners/calls/call_detail.html", {"call": call})


def _writable_organisations(user, call):
    organisations = Organisation.objects.verified().filter(
        memberships__user=user, memberships__role__in=permissions.PROPOSAL_WRITERS
    )
    if call.eligible_kinds:
        organisations = organisations.filter(kind__in=call.eligible_kinds)
    return organisations.distinct().order_by("name")


@never_cache
@login_required
def my_proposals(request):
    proposals = (
        Proposal.objects.for_member(request.user)
        .select_related("call", "organisation")
        .order_by("-updated_at")
    )
    page_obj = Paginator(proposals, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "partners/proposals/my_proposals.html",
        {"page_obj": page_obj, "open_calls": Call.objects.open_now()[:5]},
    )


@never_cache
@login_required
@rate_limit("partners.proposal_start", limit=20)
def start(request, slug):
    call = get_object_or_404(Call.objects.public(), slug=slug)
    organisations = _writable_organisations(request.user, call)
    form = StartProposalForm(request.POST or None, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        try:
            proposal = services.start_proposal(
                request.user, call, form.cleaned_data["organisation"], form.cleaned_data
            )
        except ActionRefused as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Draft created. Save as often as you like."))
            return redirect("partners:proposal_edit", pk=proposal.pk)
    return render(
        request,
        "partners/proposals/start.html",
        {"call": call, "form": form, "organisations": organisations},
    )


def _proposal_for(request, pk):
    """The proposal if this user may see it; 404 otherwise (never say it exists)."""
    proposal = get_object_or_404(
        Proposal.objects.select_related("call", "organisation", "created_by"), pk=pk
    )
    if not permissions.can_view_proposal(request.user, proposal)[0]:
        raise Http404
    return proposal


@never_cache
@login_required
def detail(request, pk):
    from portal.models import ReviewAssignment

    proposal = _proposal_for(request, pk)
    participant = permissions.is_participant(request.user, proposal)
    reviewer = permissions.is_assigned_reviewer(request.user, proposal)
    timeline = list(
        TimelineEntry.objects.for_object(proposal)
        .visible_to(request.user, is_participant=participant or reviewer)
        .select_related("actor")
    )
    for entry in timeline:
        entry.to_label = Proposal.workflow.state_label(entry.to_state)
    # Reviewers' comments meant for the applicant, without the reviewers' names.
    feedback = [
        assignment.review.comment_for_applicant
        for assignment in ReviewAssignment.objects.for_item(proposal)
        .filter(review__submitted_at__isnull=False)
        .exclude(review__comment_for_applicant="")
        .select_related("review")
        .order_by("pk")
    ]
    return render(
        request,
        "partners/proposals/detail.html",
        {
            "proposal": proposal,
            "attachments": proposal.attachments.all(),
            "timeline": timeline,
            "feedback": feedback
            if (participant or permissions.is_program_manager(request.user))
            else [],
            "actions": available_actions(proposal, request.user),
            "can_edit": permissions.can_edit_proposal(request.user, proposal)[0],
            "step_form": StepForm(initial={"expected_state": proposal.state}),
        },
    )


@never_cache
@login_required
@rate_limit("partners.proposal_save", limit=200)
def edit(request, pk):
    proposal = _proposal_for(request, pk)
    allowed, reason = permissions.can_edit_proposal(request.user, proposal)
    if not allowed:
        messages.error(request, reason)
        return redirect("partners:proposal", pk=proposal.pk)
    form = ProposalForm(
        request.POST or None,
        request.FILES or None,
        instance=proposal,
        organisation=proposal.organisation,
    )
    if request.method == "POST" and form.is_valid():
        try:
            proposal = services.save_draft(request.user, proposal, form.cleaned_data)
        except ActionRefused as error:
            form.add_error(None, str(error))
        else:
            refused = _attach(request, proposal, form.cleaned_data.get("attachments") or [])
            if refused:
                # The text is saved; only the refused files are missing, each with its reason.
                for message in refused:
                    form.add_error("attachments", message)
                messages.warning(request, _("Your draft was saved, but some files were refused."))
            else:
                messages.success(request, _("Draft saved."))
                if request.POST.get("then") == "submit":
                    return _step(request, proposal, "submit")
                return redirect("partners:proposal_edit", pk=proposal.pk)
    return render(
        request,
        "partners/proposals/edit.html",
        {
            "proposal": proposal,
            "form": form,
            "attachments": proposal.attachments.all(),
        },
    )


def _attach(request, proposal, files):
    refused = []
    for uploaded in files:
        try:
            services.add_attachment(request.user, proposal, uploaded)
        except ActionRefused as error:
            refused.append(str(error))
    return refused


def _step(request, proposal, name, comment="", expected_state=None):
    try:
        services.take_step(
            request.user, proposal, name, comment=comment, expected_state=expected_state
        )
    except ActionRefused as error:
        messages.error(request, str(error))
        if name == "submit" and proposal.is_editable:
            return redirect("partners:proposal_edit", pk=proposal.pk)
    else:
        proposal.refresh_from_db()
        messages.success(
            request, _("The proposal is now “%(state)s”.") % {"state": proposal.get_state_display()}
        )
    return redirect("partners:proposal", pk=proposal.pk)


@never_cache
@login_required
@require_POST
def step(request, pk):
    proposal = _proposal_for(request, pk)
    form = StepForm(request.POST)
    form.is_valid()
    return _step(
        request,
        proposal,
        request.POST.get("action", ""),
        comment=form.cleaned_data.get("comment", ""),
        expected_state=form.cleaned_data.get("expected_state") or None,
    )


@never_cache
@login_required
def attachment(request, pk, attachment_pk):
    proposal = _proposal_for(request, pk)
    attachment = get_object_or_404(ProposalAttachment, pk=attachment_pk, proposal=proposal)
    return private_file_response(
        attachment.file, filename=attachment.name, mime=attachment.mime_type
    )


@never_cache
@login_required
@require_POST
def remove_attachment(request, pk, attachment_pk):
    proposal = _proposal_for(request, pk)
    attachment = get_object_or_404(ProposalAttachment, pk=attachment_pk, proposal=proposal)
    try:
        services.remove_attachment(request.user, attachment)
    except ActionRefused as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("“%(name)s” was removed.") % {"name": attachment.name})
    return redirect("partners:proposal_edit", pk=proposal.pk)
