"""Admin screens for program managers: an event's registration overview, where they add
people, move them (promote, cancel, attended, no-show: all through the workflow engine) and
close or reopen registration. Anyone else gets 404."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Locale

from events import services
from events.forms import AddPersonForm
from events.models import EventPage, Registration
from portal.permissions import is_program_manager

STEPS = {
    "promote": services.promote,
    "cancel": services.cancel,
    "check_in": services.check_in,
    "no_show": services.mark_no_show,
}


def _require_manager(request):
    if not is_program_manager(request.user):
        raise Http404


def overview_index(request):
    """Events of the default language with their registration counts (one query)."""
    _require_manager(request)
    events = (
        EventPage.objects.filter(locale=Locale.get_default())
        .annotate(
            confirmed=Count(
                "registrations", filter=Q(registrations__state__in=["confirmed", "attended"])
            ),
            waitlisted=Count("registrations", filter=Q(registrations__state="waitlisted")),
            attended=Count("registrations", filter=Q(registrations__state="attended")),
        )
        .order_by("-start")
    )
    if request.GET.get("when") != "past":
        events = events.filter(end__gte=timezone.now()).order_by("start")
    page_obj = Paginator(events, 30).get_page(request.GET.get("p"))
    return TemplateResponse(
        request,
        "events/admin/overview_index.html",
        {
            "page_obj": page_obj,
            "events": page_obj.object_list,
            "when": request.GET.get("when", "upcoming"),
        },
    )


def overview(request, pk):
    _require_manager(request)
    event = get_object_or_404(EventPage, pk=pk).canonical()
    add_form = AddPersonForm(request.POST if request.POST.get("action") == "add" else None)
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "add" and add_form.is_valid():
                user = (
                    get_user_model()
                    .objects.filter(email__iexact=add_form.cleaned_data["email"])
                    .first()
                )
                if user is None:
                    raise services.ActionRefused(_("No member has this e-mail address."))
                registration = services.add_person(request.user, event, user)
                messages.success(
                    request,
                    _("%(name)s added: %(state)s.")
                    % {"name": user, "state": registration.get_state_display()},
                )
            elif action in ("close", "open"):
                services.set_registration_closed(request.user, event, action == "close")
                messages.success(
                    request,
                    _("Registration closed.") if action == "close" else _("Registration reopened."),
                )
            elif action in STEPS:
                registration = get_object_or_404(
                    event.registrations, pk=request.POST.get("registration")
                )
                STEPS[action](request.user, registration)
                messages.success(request, _("Done."))
            elif action != "add":
                raise Http404
        except services.ActionRefused as error:
            messages.error(request, str(error))
        if action != "add" or add_form.is_valid():
            return redirect(request.path)
    registrations = event.registrations.select_related("user").order_by(
        "state", "position", "created_at"
    )
    return TemplateResponse(
        request,
        "events/admin/overview.html",
        {
            "event": event,
            "counts": event.registration_counts(),
            "add_form": add_form,
            "registrations": registrations.exclude(state="cancelled"),
            "cancelled": registrations.filter(state="cancelled").count(),
        },
    )


__all__ = ["Registration", "overview", "overview_index"]
