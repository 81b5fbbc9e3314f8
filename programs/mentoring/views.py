"""Office hours for cohort start-ups (/me/accelerator/office-hours/) and mentors (/me/mentoring/).
Private: never cached; a booking someone may not see answers 404."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from portal.services import ActionRefused
from portal.templatetags.format_tags import when_text
from portal.views.confirm import confirm_step
from programs.models import BookingState, CohortMember, OfficeHourBooking, OfficeHourSlot

from . import permissions, services
from .calendar import booking_calendar
from .forms import BookingForm, FeedbackForm
from .matching import suggest_mentors


def _members_of(user):
    """The cohort places of the user's organisations in cohorts that are not over."""
    return (
        CohortMember.objects.filter(
            organisation__memberships__user=user, cohort__ends_on__gte=timezone.localdate()
        )
        .select_related("organisation", "cohort", "application")
        .order_by("cohort__starts_on", "organisation__name")
    )


def _needs(member, bookings):
    """What the start-up said it needs: in its application, and when booking sessions."""
    application = member.application
    asked = [booking.need for booking in bookings if booking.member_id == member.pk]
    return " ".join([application.needs if application else "", *asked])


def _booking_for(user, pk):
    booking = get_object_or_404(
        OfficeHourBooking.objects.select_related(
            "slot__mentor", "slot__cohort", "member__organisation"
        ),
        pk=pk,
    )
    if not permissions.can_see_booking(user, booking)[0]:
        raise Http404
    return booking


@never_cache
@login_required
def office_hours(request):
    members = list(_members_of(request.user))
    form = BookingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        member = next((m for m in members if m.pk == form.cleaned_data["member"]), None)
        slot = OfficeHourSlot.objects.filter(pk=form.cleaned_data["slot"]).first()
        if member is None or slot is None:
            raise Http404
        try:
            services.book(request.user, slot, member, form.cleaned_data["need"])
        except ActionRefused as refused:
            messages.error(request, str(refused))
        else:
            messages.success(request, _("Booked. The mentor has been told."))
            return redirect("programs:office_hours")
    now = timezone.now()
    slots = (
        OfficeHourSlot.objects.filter(
            cohort__in=[m.cohort_id for m in members], cancelled=False, starts_at__gt=now
        )
        .select_related("mentor", "cohort")
        .annotate(taken=Count("bookings", filter=Q(bookings__state="booked")))
        .order_by("starts_at")[:50]
    )
    for slot in slots:
        slot.left = max(0, slot.capacity - slot.taken)
    bookings = list(
        OfficeHourBooking.objects.filter(member__in=members)
        .select_related("slot__mentor", "member__organisation")
        .prefetch_related("feedback")
        .order_by("-slot__starts_at")[:50]
    )
    return render(
        request,
        "programs/mentoring/office_hours.html",
        {
            "members": members,
            "slots": slots,
            "bookings": bookings,
            "now": now,
            "form": form,
            "suggestions": [
                (m, suggest_mentors(m, needs=_needs(m, bookings))) for m in members[:5]
            ],
        },
    )


@never_cache
@login_required
def cancel_booking(request, pk):
    booking = _booking_for(request.user, pk)
    allowed, reason = permissions.can_cancel_booking(request.user, booking)
    if booking.state == BookingState.CANCELLED:
        allowed, reason = False, _("This booking was already cancelled.")
    return confirm_step(
        request,
        run=lambda: services.cancel(request.user, booking),
        heading=_("Cancel booking"),
        question=_(
            "Cancel the session with %(mentor)s on %(when)s? The mentor is told and the place "
            "goes to another start-up."
        )
        % {"mentor": booking.slot.mentor.name, "when": when_text(booking.slot.starts_at)},
        button=_("Yes, cancel the booking"),
        back=reverse("programs:office_hours"),
        done=_("Booking cancelled; the place is free for others."),
        refusal="" if allowed else reason,
    )


@never_cache
@login_required
def booking_ics(request, pk):
    return booking_calendar(_booking_for(request.user, pk))


@never_cache
@login_required
def feedback(request, pk):
    booking = _booking_for(request.user, pk)
    allowed, reason = permissions.can_give_feedback(request.user, booking)
    from_mentor = permissions.is_mentor_of(request.user, booking.slot)
    existing = booking.feedback.filter(from_mentor=from_mentor).first()
    form = FeedbackForm(request.POST or None, instance=existing)
    if request.method == "POST" and allowed and form.is_valid():
        try:
            services.give_feedback(request.user, booking, **form.cleaned_data)
        except ActionRefused as refused:
            messages.error(request, str(refused))
        else:
            messages.success(request, _("Thank you: your feedback is saved."))
            target = "programs:mentor_sessions" if from_mentor else "programs:office_hours"
            return redirect(target)
    return render(
        request,
        "programs/mentoring/feedback.html",
        {
            "booking": booking,
            "form": form,
            "allowed": allowed,
            "reason": reason,
            "all_feedback": booking.feedback.all(),
        },
    )


@never_cache
@login_required
def mentor_sessions(request):
    mentor = getattr(request.user, "mentor_profile", None)
    if mentor is None:
        raise Http404
    slots = (
        mentor.slots.select_related("cohort")
        .prefetch_related("bookings__member__organisation", "bookings__feedback")
        .order_by("-starts_at")[:100]
    )
    return render(
        request,
        "programs/mentoring/mentor_sessions.html",
        {"mentor": mentor, "slots": slots, "now": timezone.now()},
    )
