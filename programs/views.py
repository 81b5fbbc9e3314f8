"""Member screens for government responses: /me/responses/ and a form per response.

Thin views: ``programs.permissions`` says who may see and do what, ``programs.services`` writes.
Anyone who is neither a liaison of the response's agency nor a program manager gets 404.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from portal.models import TimelineEntry
from portal.ratelimit import rate_limit
from portal.services import ActionRefused
from portal.workflow import TransitionError, available_actions

from . import permissions, services
from .forms import ResponseStepForm
from .models import GovernmentResponse, ResponseState

PAGE_SIZE = 20


def _responses_for(user):
    responses = GovernmentResponse.objects.select_related("agency", "recommendation")
    if permissions.is_program_manager(user):
        return responses
    return responses.for_liaison(user).distinct()


@never_cache
@login_required
def my_responses(request):
    if not permissions.can_list_responses(request.user)[0]:
        raise Http404
    show = request.GET.get("show", "awaiting")
    responses = _responses_for(request.user)
    if show != "all":
        show = "awaiting"
        responses = responses.awaiting()
    responses = responses.order_by("requested_at", "pk")
    page_obj = Paginator(responses, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "programs/me/responses.html",
        {"page_obj": page_obj, "responses": page_obj.object_list, "show": show},
    )


@never_cache
@login_required
@rate_limit("programs.response_step", limit=60)
def response(request, pk):
    item = get_object_or_404(
        GovernmentResponse.objects.select_related("agency", "recommendation"), pk=pk
    )
    if not permissions.can_view_response(request.user, item)[0]:
        raise Http404
    form = ResponseStepForm(request.POST or None, initial={"expected_state": item.state})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.take_step(
                request.user,
                item,
                request.POST.get("action", ""),
                text=data["text"],
                date=data["date"],
                reference=data["reference"],
                expected_state=data["expected_state"] or None,
            )
        except (ActionRefused, TransitionError) as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                _("Saved: the response is now “%(state)s”.")
                % {"state": ResponseState(item.state).label},
            )
            return redirect("programs:response", pk=item.pk)
    timeline = list(
        TimelineEntry.objects.for_object(item)
        .visible_to(request.user, is_participant=True)
        .select_related("actor")
    )
    for entry in timeline:
        entry.to_label = GovernmentResponse.workflow.state_label(entry.to_state)
    return render(
        request,
        "programs/me/response.html",
        {
            "item": item,
            "form": form,
            "actions": available_actions(item, request.user),
            "timeline": timeline,
            "recommendation_url": item.recommendation.url,
        },
    )
