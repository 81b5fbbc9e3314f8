"""POST-only member endpoints that keep a pilot's record: agencies invited, indicators,
milestones added (each then has its own page, ``milestone_views``), documents, notes, publishing. Each answers 404 to anyone who may not see the pilot
and redirects back to the management page with a message."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from portal.ratelimit import rate_limit
from portal.services import ActionRefused
from portal.uploads import private_file_response

from . import permissions, services
from .forms import (
    DocumentForm,
    IndicatorForm,
    InviteForm,
    MeasureForm,
    MilestoneForm,
    NoteForm,
)
from .views import visible_pilot


def _done(request, pilot, form=None, call=None, success=""):
    """Run ``call`` when ``form`` is valid; report the outcome and go back to the pilot."""
    if form is not None and not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect("programs:pilot", pk=pilot.pk)
    try:
        call(form.cleaned_data if form is not None else None)
    except (ActionRefused, ValidationError) as error:
        messages.error(request, error.messages[0] if hasattr(error, "messages") else str(error))
    else:
        messages.success(request, success or _("Saved."))
    return redirect("programs:pilot", pk=pilot.pk)


def _post_view(name, limit=60):
    def decorate(view):
        return never_cache(login_required(require_POST(rate_limit(name, limit=limit)(view))))

    return decorate


@_post_view("programs.pilot_invite")
def invite(request, pk):
    pilot = visible_pilot(request.user, pk)
    form = InviteForm(request.POST)
    return _done(
        request,
        pilot,
        form,
        lambda d: services.invite_agency(request.user, pilot, d["agency"], d["role"]),
        _("The agency is invited and told."),
    )


@_post_view("programs.pilot_publish")
def publish(request, pk):
    pilot = visible_pilot(request.user, pk)
    published = request.POST.get("published") == "1"
    message = _("The pilot is public.") if published else _("The pilot is no longer public.")
    return _done(
        request,
        pilot,
        None,
        lambda d: services.set_published(request.user, pilot, published),
        message,
    )


@_post_view("programs.pilot_indicator")
def add_indicator(request, pk):
    pilot = visible_pilot(request.user, pk)
    form = IndicatorForm(request.POST, prefix="indicator")
    return _done(request, pilot, form, lambda d: services.add_indicator(request.user, pilot, **d))


@_post_view("programs.pilot_indicator")
def measure(request, pk, indicator_pk):
    pilot = visible_pilot(request.user, pk)
    indicator = get_object_or_404(pilot.indicators, pk=indicator_pk)
    form = MeasureForm(request.POST, prefix=f"measure-{indicator.pk}")
    return _done(
        request,
        pilot,
        form,
        lambda d: services.measure_indicator(request.user, indicator, measured=d["measured"]),
    )


@_post_view("programs.pilot_milestone")
def add_milestone(request, pk):
    pilot = visible_pilot(request.user, pk)
    form = MilestoneForm(request.POST, prefix="milestone")
    return _done(request, pilot, form, lambda d: services.add_milestone(request.user, pilot, **d))


@_post_view("programs.pilot_document", limit=20)
def add_document(request, pk):
    pilot = visible_pilot(request.user, pk)
    form = DocumentForm(request.POST, request.FILES, prefix="document")
    return _done(
        request,
        pilot,
        form,
        lambda d: services.add_document(
            request.user,
            pilot,
            kind=d["kind"],
            title=d["title"],
            reference=d["reference"],
            uploaded=d["file"],
        ),
    )


@_post_view("programs.pilot_note")
def add_note(request, pk):
    pilot = visible_pilot(request.user, pk)
    form = NoteForm(request.POST, prefix="note")
    return _done(request, pilot, form, lambda d: services.add_note(request.user, pilot, **d))


@never_cache
@login_required
def document(request, pk, document_pk):
    """Private download: participants of the pilot only."""
    pilot = visible_pilot(request.user, pk)
    item = get_object_or_404(pilot.documents, pk=document_pk)
    if not item.file:
        raise Http404
    if not permissions.can_view_private(request.user, pilot)[0]:
        raise Http404
    extension = item.file.name.rsplit(".", 1)[-1]
    return private_file_response(
        item.file,
        filename=f"{item.title[:80]}.{extension}",
        mime=item.mime_type or "application/octet-stream",
    )
