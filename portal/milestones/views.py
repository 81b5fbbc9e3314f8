"""The milestone page every app routes to its own URL (the pilot team's, a start-up's): the
milestone, its evidence, the steps open to the reader and the timeline. Thin: ``permissions``
says who may, ``services.take_step`` writes. The app looks the milestone up and answers 404 to
anyone ``permissions.can_view`` refuses before calling ``milestone_page``."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from portal.models import TimelineEntry
from portal.services import ActionRefused
from portal.uploads import private_file_response
from portal.workflow import available_actions

from . import permissions, services
from .forms import StepForm

TEMPLATE = "portal/milestones/detail.html"


def steps_for(milestone, user):
    """Steps this user may take by role; each carries what is still missing, if anything."""
    return [
        action
        for action in available_actions(milestone, user, include_refused=True)
        if action.transition.allowed.role(user, milestone)[0]
    ]


def timeline_of(milestone, user):
    entries = list(
        TimelineEntry.objects.for_object(milestone)
        .visible_to(user, is_participant=True)
        .select_related("actor")
    )
    for entry in entries:
        entry.to_label = type(milestone).workflow.state_label(entry.to_state)
    return entries


def take_posted_step(request, milestone, form):
    """Apply the step the user chose; return True when it was taken (errors go on the form)."""
    if not form.is_valid():
        return False
    data = form.cleaned_data
    try:
        services.take_step(
            request.user,
            milestone,
            request.POST.get("action", ""),
            comment=data.get("comment", ""),
            evidence=data.get("evidence"),
            uploaded=data.get("evidence_file"),
            expected_state=data.get("expected_state") or None,
        )
    except ActionRefused as error:
        for field, message in error.errors.items():
            if field in form.fields:
                form.add_error(field, message)
        if not error.errors:
            form.add_error(None, str(error))
        return False
    messages.success(
        request,
        _("The milestone is now “%(state)s”.") % {"state": milestone.get_state_display()},
    )
    return True


def milestone_page(request, milestone, *, breadcrumbs, back_url, extra=None):
    """GET shows the page; POST takes a step and comes back (the form keeps what was typed)."""
    if not permissions.can_view(request.user, milestone)[0]:
        raise Http404
    actions = steps_for(milestone, request.user)
    form = StepForm(
        request.POST or None, request.FILES or None, milestone=milestone, actions=actions
    )
    if request.method == "POST" and take_posted_step(request, milestone, form):
        return redirect(request.path)
    return render(
        request,
        TEMPLATE,
        {
            "milestone": milestone,
            "subject": milestone.subject_label(),
            "breadcrumbs": breadcrumbs,
            "back_url": back_url,
            "actions": actions,
            "form": form,
            "timeline": timeline_of(milestone, request.user),
            "evidence_url": milestone.evidence_url() if milestone.evidence_file else "",
            **(extra or {}),
        },
    )


def evidence_download(request, milestone):
    """The private evidence file, after the same check as the milestone's page."""
    if not milestone.evidence_file or not permissions.can_view(request.user, milestone)[0]:
        raise Http404
    extension = milestone.evidence_file.name.rsplit(".", 1)[-1]
    try:
        return private_file_response(
            milestone.evidence_file,
            filename=f"{milestone.title[:80]}.{extension}",
            mime=milestone.evidence_type or "application/octet-stream",
        )
    except (FileNotFoundError, ValidationError) as error:
        raise Http404 from error
