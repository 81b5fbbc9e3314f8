"""Headline figures from the portal's own records, for programmes and the impact dashboard.

``figures_for(events)`` takes any queryset of EventPage (either language tree, or both: pages
are counted once per ``translation_key``) and answers in a fixed number of queries (three)::

    from events.figures import figures_for
    figures_for(EventPage.objects.live().filter(programme=programme_page))
    # {"events": 89, "participants": 13250, "speakers": 314,
    #  "attended": 4100, "recorded_attendance": 9150}

Participants count attendance: people checked in at events held on the portal, plus the
attendance recorded for historic events held before it. An event with a recorded figure counts
that figure instead of its check-ins, so nobody is counted twice.
"""

from django.conf import settings
from django.db.models import Count, Q, Sum

from events.models import EventPage, Registration, RegistrationState


def _canonical(events):
    """The default-language rows of ``events``: one per event whatever the trees passed."""
    return EventPage.objects.filter(
        locale__language_code=settings.LANGUAGE_CODE,
        translation_key__in=events.values("translation_key"),
    )


def figures_for(events):
    canonical = _canonical(events)
    totals = canonical.aggregate(
        events=Count("pk", distinct=True),
        recorded_attendance=Sum("recorded_attendance"),
    )
    attended = Registration.objects.filter(
        event__in=canonical.filter(recorded_attendance__isnull=True),
        state=RegistrationState.ATTENDED,
    ).count()
    speakers = (
        EventPage.speakers.through.objects.filter(eventpage__in=canonical)
        .values("speaker")
        .distinct()
        .count()
    )
    recorded = totals["recorded_attendance"] or 0
    return {
        "events": totals["events"],
        "participants": attended + recorded,
        "speakers": speakers,
        "attended": attended,
        "recorded_attendance": recorded,
    }


def registration_summary(events):
    """Registrations by state over ``events`` (one query), for dashboards."""
    return Registration.objects.filter(event__in=_canonical(events)).aggregate(
        confirmed=Count("pk", filter=Q(state=RegistrationState.CONFIRMED)),
        waitlisted=Count("pk", filter=Q(state=RegistrationState.WAITLISTED)),
        attended=Count("pk", filter=Q(state=RegistrationState.ATTENDED)),
        no_show=Count("pk", filter=Q(state=RegistrationState.NO_SHOW)),
        cancelled=Count("pk", filter=Q(state=RegistrationState.CANCELLED)),
    )
