"""Admin screen where program managers verify, reject, suspend and reinstate organisations."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from partners.models import Organisation
from partners.permissions import can_moderate_organisations
from portal.models import TimelineEntry
from portal.workflow import TransitionError, apply_transition, available_actions


@require_http_methods(["GET", "POST"])
def verification(request, pk):
    organisation = get_object_or_404(Organisation, pk=pk)
    allowed, _reason = can_moderate_organisations(request.user)
    if not allowed:
        raise Http404  # admin access alone is not enough to moderate; reveal nothing
    comment = ""
    if request.method == "POST":
        comment = request.POST.get("comment", "")[:5000]
        try:
            apply_transition(
                organisation,
                request.POST.get("action", ""),
                request.user,
                comment=comment,
                expected_state=request.POST.get("expected_state") or None,
            )
        except TransitionError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                _("“%(name)s” is now %(state)s.")
                % {
                    "name": organisation.name,
                    "state": organisation.get_verification_state_display(),
                },
            )
            return redirect("organisations:verification", pk=organisation.pk)
    return TemplateResponse(
        request,
        "partners/admin/verification.html",
        {
            "organisation": organisation,
            "actions": available_actions(organisation, request.user),
            "timeline": TimelineEntry.objects.for_object(organisation).select_related("actor"),
            "comment": comment,
        },
    )
