"""Event pages' context, registration, the member's tickets, and staff check-in.

Thin views: ``events.permissions`` says who may see and do what, ``events.services`` writes.
Private things answer 404 to those without access and are never cached.
"""

import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from wagtail.models import Locale

from events import permissions, services
from events.calendars import calendar_response, google_calendar_link
from events.forms import CheckInSearchForm, RegistrationForm
from events.models import EventIndexPage, EventPage, Registration, RegistrationState
from portal.permissions import is_program_manager
from portal.ratelimit import rate_limit
from portal.sites import absolute
from portal.taxonomy import localised_names
from portal.templatetags.format_tags import when_text
from portal.views.confirm import confirm_step

PAGE_SIZE = 20


def event_image(organisers, speakers, event=None):
    """An absolute image URL for link previews and schema.org: the event's own picture, else
    the first organiser's logo, else the first speaker's photo; empty when there is none."""
    own = [event.image] if event is not None else []
    for image in own + [o.logo for o in organisers] + [s.photo for s in speakers]:
        if image is not None:
            return absolute(image.get_rendition("fill-1200x630").url)
    return ""


def event_context(event, request):
    """What an event page shows; the join link only to confirmed participants."""
    canonical = event.canonical()
    user = request.user
    registration = None
    if user.is_authenticated:
        registration = canonical.registrations.active().filter(user=user).first()
    counts = canonical.registration_counts()
    show_join = event.is_online and permissions.can_see_join_link(user, canonical, registration)[0]
    index = event.get_parent().specific
    speakers = list(event.speakers.select_related("organisation", "photo").order_by("name"))
    for speaker in speakers:
        speaker.page_url = index.speaker_url(speaker)
    organisers = list(event.organisers.select_related("logo").order_by("name"))
    image = event_image(organisers, speakers, event)
    structured_data = event.structured_data(request)
    if image:
        structured_data["image"] = [image]
    return {
        "event": event,
        "registration": registration,
        "counts": counts,
        "seats_left": None
        if canonical.capacity is None
        else max(canonical.capacity - counts["confirmed"], 0),
        "can_register": permissions.can_register(user, canonical),
        "join_url": canonical.join_url if show_join else "",
        "speakers": speakers,
        "organisers": organisers,
        "og_image": image,
        "partner_organisations": list(event.partner_organisations.order_by("name")),
        "pillar_names": localised_names(request)["pillar_names"],
        "event_pillars": list(event.pillars.all()),
        "google_link": google_calendar_link(event),
        "ics_url": reverse("events:ics", args=[event.pk]),
        "structured_data": structured_data,
        "form": RegistrationForm(event=canonical),
        "is_manager": is_program_manager(user),
        "now": timezone.now(),
    }


@never_cache
@login_required
@rate_limit("events.register", limit=30)
def register(request, page_id):
    event = get_object_or_404(EventPage.objects.live().public(), pk=page_id)
    canonical = event.canonical()
    form = RegistrationForm(request.POST if request.method == "POST" else None, event=canonical)
    if request.method == "POST" and form.is_valid():
        try:
            registration = services.register(request.user, event, form.answers())
        except services.ActionRefused as error:
            form.add_error(None, str(error))
        else:
            if registration.is_confirmed:
                messages.success(request, _("You are registered. We sent you a confirmation."))
            else:
                messages.info(
                    request,
                    _("The event is full: you are number %(position)s on the waiting list.")
                    % {"position": registration.position},
                )
            return redirect(event.url)
    return render(request, "events/register.html", {"event": event, "form": form})


@never_cache
@login_required
def my_events(request):
    registrations = (
        Registration.objects.filter(user=request.user)
        .select_related("event")
        .order_by("-event__start", "-pk")
    )
    page_obj = Paginator(registrations, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "events/me/my_events.html",
        {"page_obj": page_obj, "registrations": page_obj.object_list, "now": timezone.now()},
    )


def _mine(request, pk):
    registration = get_object_or_404(Registration.objects.select_related("event"), pk=pk)
    if not permissions.owns(request.user, registration):
        raise Http404
    return registration


def check_in_url(request, registration):
    return f"{settings.SITE_URL}{reverse('events:check_in_code', args=[registration.code])}"


@never_cache
@login_required
def ticket(request, pk):
    registration = _mine(request, pk)
    if not permissions.can_see_ticket(request.user, registration)[0]:
        raise Http404
    qr = segno.make(check_in_url(request, registration), error="m")
    # segno draws with attributes only (no style attribute, no script): safe under our CSP.
    svg = qr.svg_inline(scale=6, border=2, title=_("Check-in code"), svgclass="ticket__qr")
    event = registration.event
    return render(
        request,
        "events/me/ticket.html",
        {
            "registration": registration,
            "event": event,
            "qr_svg": mark_safe(svg),  # noqa: S308 (segno output)
            "join_url": event.join_url if event.is_online else "",
        },
    )


@never_cache
@login_required
@rate_limit("events.cancel", limit=30)
def cancel(request, pk):
    """Cancelling gives the seat away at once, so it is asked for twice: this page, then POST."""
    registration = _mine(request, pk)
    event = registration.event
    allowed, reason = permissions.can_cancel(request.user, registration)
    if registration.state not in (RegistrationState.CONFIRMED, RegistrationState.WAITLISTED):
        allowed, reason = (
            False,
            _("This registration is already %(state)s.")
            % {"state": registration.get_state_display().lower()},
        )
    return confirm_step(
        request,
        run=lambda: services.cancel(request.user, registration),
        heading=_("Cancel your registration"),
        question=_(
            "Cancel your registration for %(event)s on %(when)s? Your seat goes at once to the "
            "first person waiting; registering again puts you at the end of the list."
        )
        % {"event": event.title, "when": when_text(event.start)},
        button=_("Yes, cancel my registration"),
        back=reverse("events:mine"),
        done=_("Your registration is cancelled."),
        refusal="" if allowed else reason,
    )


def _staff_only(request):
    if not is_program_manager(request.user):
        raise Http404


@never_cache
@login_required
def check_in(request, page_id):
    """A phone-sized page: find people by name or e-mail and mark them attended."""
    _staff_only(request)
    event = get_object_or_404(EventPage, pk=page_id).canonical()
    if request.method == "POST":
        registration = get_object_or_404(event.registrations, pk=request.POST.get("registration"))
        _mark(request, registration)
        return redirect(f"{request.path}?q={request.POST.get('q', '')[:200]}")
    form = CheckInSearchForm(request.GET or None)
    q = form.cleaned_data["q"].strip() if form.is_valid() else ""
    registrations = event.registrations.filter(
        state__in=[RegistrationState.CONFIRMED, RegistrationState.ATTENDED]
    ).select_related("user")
    for word in q.split():
        registrations = registrations.filter(
            Q(user__name__icontains=word) | Q(user__email__icontains=word)
        )
    page_obj = Paginator(registrations.order_by("user__name", "pk"), 30).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "events/check_in.html",
        {
            "event": event,
            "form": form,
            "q": q,
            "page_obj": page_obj,
            "registrations": page_obj.object_list,
            "counts": event.registration_counts(),
        },
    )


@never_cache
@login_required
def check_in_code(request, code):
    """Opened by scanning a ticket: shows who it is; one button marks them attended."""
    _staff_only(request)
    registration = get_object_or_404(
        Registration.objects.select_related("event", "user"), code=code
    )
    if request.method == "POST":
        _mark(request, registration)
        return redirect(request.path)
    return render(
        request,
        "events/check_in_code.html",
        {"registration": registration, "event": registration.event},
    )


def _mark(request, registration):
    try:
        services.check_in(request.user, registration)
    except services.ActionRefused as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("%(name)s is checked in.") % {"name": registration.user})


def feed(request):
    """/events/feed.ics: every public event of the visitor's language tree (no join links)."""
    index = EventIndexPage.objects.live().filter(locale=Locale.get_active()).first()
    if index is None:
        raise Http404
    return calendar_response(index.feed_events(), request, filename="events.ics")


def event_ics(request, page_id):
    event = get_object_or_404(EventPage.objects.live().public(), pk=page_id)
    return calendar_response([event], request, filename=f"{event.slug}.ics")
