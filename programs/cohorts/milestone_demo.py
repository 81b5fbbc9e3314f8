"""Demo milestones for the accelerator's start-ups: three programme milestones per start-up of
batches 1 to 3 (most done, with their evidence and review), and a follow-up milestone after the
programme ("First pilot agreement with the city") that runs through every state: planned, in
progress, evidence submitted (awaiting review), changes requested, done and delayed, some of
them overdue. The demo member's start-up has one sent back with changes requested and one in
progress, so /me/accelerator/milestones/ shows something to do. Bulk-created, with the timeline
entries the steps would have left; idempotent."""

from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from partners.demo import MEMBER_EMAIL
from portal.demo import ADMIN_EMAIL
from portal.models import TimelineEntry, User
from programs.models import CohortMember, CohortMilestone

# title, Indonesian title, days after the programme starts
PROGRAMME = [
    ("Customer interviews with 20 residents", "Wawancara pelanggan dengan 20 warga", 30),
    ("Prototype tested with an agency", "Prototipe diuji bersama perangkat daerah", 75),
    ("Demo-day pitch and pilot plan", "Pitch hari demo dan rencana uji coba", 118),
]
FOLLOW_UP = ("First pilot agreement with the city", "Perjanjian uji coba pertama dengan kota")
SECOND = ("Second agency interested in the service", "Perangkat daerah kedua tertarik")
# The follow-up's state in turn, and its due date in days from today.
CYCLE = [
    ("planned", 45),
    ("in_progress", 20),
    ("submitted", -3),
    ("changes_requested", -10),
    ("done", -40),
    ("delayed", -15),
    ("in_progress", -6),  # overdue: the reminder job's work
]
PATHS = {
    "planned": [],
    "in_progress": ["start"],
    "submitted": ["start", "submit"],
    "changes_requested": ["start", "submit", "request_changes"],
    "done": ["start", "submit", "accept"],
    "delayed": ["start", "delay"],
}
TARGETS = {
    "start": "in_progress",
    "submit": "submitted",
    "request_changes": "changes_requested",
    "accept": "done",
    "delay": "delayed",
}
EVIDENCE = (
    "Notes and photos from the sessions, and the agency's feedback letter, are in the folder we "
    "shared with the Future City Hub."
)
COMMENTS = {
    "request_changes": "Please add the agency's written feedback, not only our own notes.",
    "delay": "The agency's data-sharing agreement is still being signed; we expect it next month.",
    "accept": "Thank you: clear evidence.",
}


def _rows(member, number, today, manager):
    """(milestone, [(step, actor, when)]) for one start-up."""
    rows = []
    for title, title_id, offset in PROGRAMME:
        due = member.cohort.starts_on + timedelta(days=offset)
        state = "delayed" if number % 11 == 5 and offset == 118 else "done"
        rows.append((title, title_id, due, state))
    state, days = CYCLE[number % len(CYCLE)]
    rows.append((*FOLLOW_UP, today + timedelta(days=days), state))
    built = []
    for title, title_id, due, state in rows:
        steps = PATHS[state]
        milestone = CohortMilestone(
            member=member,
            title=title,
            title_id=title_id,
            due_on=due,
            state=state,
            evidence=EVIDENCE if "submit" in steps else "",
            completed_on=due - timedelta(days=2) if state == "done" else None,
            reviewed_by=manager if state in ("done", "changes_requested") else None,
        )
        built.append((milestone, steps))
    return built


def _demo_member_rows(members, today, manager):
    """The demo member's start-ups: one sent back, one in progress (what waits for them)."""
    mine = [m for m in members if m.organisation_id in _demo_organisations()]
    built = []
    for member in mine:
        for (title, title_id), state, days in (
            (FOLLOW_UP, "changes_requested", 12),
            (SECOND, "in_progress", 30),
        ):
            built.append(
                (
                    CohortMilestone(
                        member=member,
                        title=title,
                        title_id=title_id,
                        due_on=today + timedelta(days=days),
                        state=state,
                        evidence=EVIDENCE if state == "changes_requested" else "",
                        reviewed_by=manager if state == "changes_requested" else None,
                    ),
                    PATHS[state],
                )
            )
    return mine, built


def _demo_organisations():
    return set(
        User.objects.filter(email=MEMBER_EMAIL).values_list(
            "memberships__organisation_id", flat=True
        )
    )


def seed(stdout):
    if CohortMilestone.objects.exists():
        return
    today = timezone.localdate()
    manager = User.objects.filter(email=ADMIN_EMAIL).first()
    members = list(
        CohortMember.objects.filter(cohort__kind="accelerator", cohort__ends_on__lt=today)
        .select_related("cohort")
        .order_by("cohort__starts_on", "pk")
    )
    mine, built = _demo_member_rows(members, today, manager)
    for number, member in enumerate(m for m in members if m not in mine):
        built += _rows(member, number, today, manager)
    for milestone, _steps in built:
        if milestone.reviewed_by is not None:
            milestone.reviewed_at = timezone.now() - timedelta(days=1)
    created = CohortMilestone.objects.bulk_create([milestone for milestone, _steps in built])
    _timeline(created, [steps for _milestone, steps in built], manager)
    states = sorted({m.state for m in created})
    stdout.write(
        f"Start-up milestones: {len(created)} for {len(members)} start-ups "
        f"({', '.join(states)}), {CohortMilestone.objects.overdue().count()} overdue."
    )


def _timeline(milestones, paths, manager):
    content_type = ContentType.objects.get_for_model(CohortMilestone)
    entries = []
    for milestone, steps in zip(milestones, paths, strict=True):
        state = "planned"
        for step in steps:
            reviewer_step = step in ("accept", "request_changes")
            entries.append(
                TimelineEntry(
                    content_type=content_type,
                    object_id=str(milestone.pk),
                    actor=manager if reviewer_step else None,
                    action=step,
                    from_state=state,
                    to_state=TARGETS[step],
                    comment=EVIDENCE if step == "submit" else COMMENTS.get(step, ""),
                    visibility="participants",
                )
            )
            state = TARGETS[step]
    TimelineEntry.objects.bulk_create(entries)
