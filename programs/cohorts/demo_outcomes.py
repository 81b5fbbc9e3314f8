"""Demo data for demo days and outcomes: batch 3's demo-day event with agencies' interest in
several of its start-ups (open, withdrawn, one turned into a pilot through the service), a few
adopted demo pilots traced back to their cohort start-up, and outcomes the start-ups reported
(mostly verified, some waiting, a few returned with the reason). The demo member's start-up,
8 Villages Indonesia (batch 1), has an open interest and a returned outcome.

Runs from programs/cohorts/demo.py after the cohorts and milestones. Idempotent: nothing is
added twice. Rows are bulk-created; only the interest that becomes a pilot uses the service."""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q

from events.models import EventIndexPage, EventPage, EventType
from partners.demo import LIAISON_EMAIL, MEMBER_EMAIL
from partners.models import Organisation
from portal.demo import ADMIN_EMAIL
from portal.demo_translation import translate_aliases
from portal.i18n import synchronise_page_trees
from portal.models import TimelineEntry, User, Visibility
from programs.models import Cohort, CohortMember, DemoDayInterest, Pilot, StartupOutcome

from .demo_day import start_pilot_from_interest

JAKARTA = ZoneInfo("Asia/Jakarta")
EVENT_TITLE = (
    "Future City Accelerator demo day: batch 3",
    "Demo day Future City Accelerator: angkatan 3",
)
EVENT_SUMMARY = (
    "The 28 start-ups of batch 3 pitch to the city's agencies and partners.",
    "28 start-up angkatan 3 mempresentasikan karyanya kepada perangkat daerah dan mitra kota.",
)
# (agency, what it would try): agencies of DKI Jakarta at batch 3's demo day.
INTEREST = [
    (
        "Department of Water Resources",
        "Sensors on the floodgates of the Ciliwung before the rains.",
    ),
    ("Department of Environment", "Waste pick-up reports from the Bantar Gebang routes."),
    ("Department of Transportation", "Bus stop crowding data for Transjakarta feeders."),
    ("Department of Cooperatives, SMEs and Trade", "Cashless payments in two traditional markets."),
    ("Department of Health", "Reminders for posyandu visits in North Jakarta."),
    ("Board of Regional Disaster Management", "Flood reports from residents into the JAKI app."),
    ("Department of Communication, Informatics and Statistics", "Open data on public Wi-Fi use."),
    ("Department of Water Resources", "Water level dashboard for the pump stations."),
]
WITHDRAWN = {3, 6}  # budget moved to the next year, or another agency took the lead
PILOT_FROM = 0  # the Department of Water Resources' first interest became a pilot
KINDS = ["funding_idr", "jobs", "customers", "pilots", "services"]
RETURN_REASON = (
    "Please add the date and the investor of the funding agreement / Mohon tambahkan tanggal dan "
    "nama investor pada perjanjian pendanaan."
)


def _demo_day_event(cohort, target):
    """Batch 3's demo day as an event page in both languages (a historic, past event)."""
    existing = cohort.demo_day_event
    if existing is not None:
        return existing
    index = EventIndexPage.objects.filter(locale__language_code="en").first()
    if index is None or cohort.demo_day_on is None:
        return None
    start = datetime.combine(cohort.demo_day_on, time(13), tzinfo=JAKARTA)
    page = EventPage(
        title=EVENT_TITLE[0],
        slug="future-city-accelerator-demo-day-batch-3",
        event_type=EventType.DEMO_DAY,
        start=start,
        end=start + timedelta(hours=4),
        summary=EVENT_SUMMARY[0],
        description="<p>Each start-up of the batch pitches for five minutes; agency liaisons "
        "and partners meet the teams afterwards and register their interest.</p>",
        attendance_mode="in_person",
        language="both",
        takes_registrations=False,
        recorded_attendance=240,
    )
    index.add_child(instance=page)
    page.save_revision().publish()
    synchronise_page_trees()
    translate_aliases([(page, {"title": EVENT_TITLE[1], "summary": EVENT_SUMMARY[1]})], target)
    Cohort.objects.filter(pk=cohort.pk).update(demo_day_event=page)
    cohort.demo_day_event = page
    return page


def _interests(cohort, manager, liaison):
    agencies = {o.name: o for o in Organisation.objects.agencies()}
    members = list(cohort.members.select_related("organisation").order_by("organisation__name"))
    when = datetime.combine(cohort.demo_day_on, time(17), tzinfo=JAKARTA)
    rows = []
    for number, (name, note) in enumerate(INTEREST):
        agency = agencies.get(name)
        if agency is None or number * 3 >= len(members):
            continue
        by = liaison if name == "Department of Water Resources" and liaison else manager
        rows.append(
            DemoDayInterest(
                member=members[number * 3],
                organisation=agency,
                registered_by=by,
                note=note,
                state="withdrawn" if number in WITHDRAWN else "open",
                created_at=when + timedelta(minutes=10 * number),
            )
        )
    return rows


def _member_interest(manager):
    """The demo member's start-up: the food security department wants to try its platform."""
    member = (
        CohortMember.objects.filter(organisation__name="8 Villages Indonesia")
        .select_related("cohort")
        .first()
    )
    agency = Organisation.objects.agencies().filter(name__startswith="Department of Food").first()
    if member is None or agency is None:
        return []
    return [
        DemoDayInterest(
            member=member,
            organisation=agency,
            registered_by=manager,
            note="Farmers' price information for the Jakarta food stations (registered for the "
            "department by the programme team at the demo day).",
        )
    ]


def _timeline(interests):
    entries = []
    for interest in interests:
        entries.append(
            TimelineEntry(
                subject=interest,
                actor=interest.registered_by,
                action="register",
                to_state="open",
                comment=interest.note,
                visibility=Visibility.PARTICIPANTS,
            )
        )
        if interest.state == "withdrawn":
            entries.append(
                TimelineEntry(
                    subject=interest,
                    actor=interest.registered_by,
                    action="withdraw",
                    from_state="open",
                    to_state="withdrawn",
                    comment="The budget for it moved to next year.",
                    visibility=Visibility.PARTICIPANTS,
                )
            )
    TimelineEntry.objects.bulk_create(entries)


def _trace_pilots():
    """Demo pilots of origin "cohort start-up" led by a cohort start-up get it as their source,
    and a few adopted pilots started directly turn out to have come from their lead's cohort."""
    member_type = ContentType.objects.get_for_model(CohortMember)
    candidates = Pilot.objects.filter(
        Q(origin="cohort_startup", origin_content_type__isnull=True)
        | Q(origin="direct", state="adopted")
    ).order_by("pk")
    traced = adopted = 0
    for pilot in candidates:
        if pilot.origin == "direct" and adopted == 4:
            continue
        member = (
            CohortMember.objects.filter(
                organisation=pilot.lead_organisation, cohort__kind="accelerator"
            )
            .order_by("cohort__starts_on")
            .first()
        )
        if member is None:
            continue
        adopted += pilot.origin == "direct"
        Pilot.objects.filter(pk=pilot.pk).update(
            origin="cohort_startup",
            origin_content_type=member_type,
            origin_object_id=str(member.pk),
        )
        traced += 1
    return traced


def _value(kind, number):
    return {
        "funding_idr": (1 + number % 9) * 250_000_000,
        "jobs": 3 + number % 17,
        "customers": 40 + (number * 37) % 900,
        "pilots": 1 + number % 2,
        "services": 1,
    }[kind]


def _outcomes(manager, member_user):
    members = list(
        CohortMember.objects.filter(cohort__kind="accelerator", cohort__batch__lte=3)
        .select_related("cohort", "organisation")
        .order_by("pk")
    )
    rows = []
    for number, member in enumerate(members):
        year_after = member.cohort.ends_on + timedelta(days=365)
        for step, kind in enumerate(KINDS[: 2 + number % 3]):
            if kind == "services" and number % 4:
                continue
            state = "verified" if (number + step) % 7 else "reported"
            rows.append(
                StartupOutcome(
                    member=member,
                    kind=kind,
                    value=_value(kind, number + step),
                    period_on=year_after,
                    evidence="Annual report to the Future City Hub.",
                    state=state,
                    verified_by=manager if state == "verified" else None,
                    verified_at=datetime.combine(year_after, time(10), tzinfo=JAKARTA)
                    + timedelta(days=30)
                    if state == "verified"
                    else None,
                )
            )
        if member.organisation.name == "8 Villages Indonesia":
            rows.append(
                StartupOutcome(
                    member=member,
                    kind="funding_idr",
                    value=1_500_000_000,
                    period_on=date(2024, 12, 31),
                    evidence="Seed round, 2024.",
                    state="returned",
                    returned_reason=RETURN_REASON,
                    reported_by=member_user,
                )
            )
    StartupOutcome.objects.bulk_create(rows)
    returned = [row for row in rows if row.state == "returned"]
    TimelineEntry.objects.bulk_create(
        TimelineEntry(
            subject=row,
            actor=manager,
            action="return",
            from_state="reported",
            to_state="returned",
            comment=RETURN_REASON,
            visibility=Visibility.PARTICIPANTS,
        )
        for row in returned
    )
    return rows


def seed(stdout, target):
    if DemoDayInterest.objects.exists() or StartupOutcome.objects.exists():
        return
    batch3 = Cohort.objects.filter(kind="accelerator", batch=3).first()
    if batch3 is None:
        return
    manager = User.objects.filter(email=ADMIN_EMAIL).first()
    liaison = User.objects.filter(email=LIAISON_EMAIL).first()
    member_user = User.objects.filter(email=MEMBER_EMAIL).first()
    _demo_day_event(batch3, target)
    interests = DemoDayInterest.objects.bulk_create(
        _interests(batch3, manager, liaison) + _member_interest(manager)
    )
    _timeline(interests)
    pilot = None
    if interests and interests[PILOT_FROM].state == "open":
        pilot = start_pilot_from_interest(interests[PILOT_FROM], manager)
    traced = _trace_pilots()
    outcomes = _outcomes(manager, member_user)
    stdout.write(
        f"Demo day: {len(interests)} agencies' interests"
        f"{' (one became a pilot)' if pilot else ''}, {traced} pilots traced to their cohort "
        f"start-up, {len(outcomes)} start-up outcomes."
    )
