"""Demo pilots: 67 pilots of Smart Change and after, 63 of them published (Smart Change reported 61
pilot projects; the others are proposals not yet public), across agencies, pillars and
origins, at a realistic spread of stages (adopted with records, discontinued with reasons,
agency invitations pending for weeks). Rows are bulk-created so the seed stays fast; the states
are the ones the workflow engine would have produced. Idempotent: skipped when pilots exist.
"""

from datetime import date, timedelta
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from django.utils.text import slugify

from partners.demo import LIAISON_AGENCY, MEMBER_EMAIL
from partners.models import ChallengePage, Organisation, Proposal
from portal.demo import ADMIN_EMAIL, index_page
from portal.models import Pillar, SustainableDevelopmentGoal, TimelineEntry, User
from portal.search.indexing import reindex
from programs import demo_id
from programs.demo_id import pilot_texts
from programs.models import (
    AdoptionRecord,
    Pilot,
    PilotAgency,
    PilotDocument,
    PilotIndexPage,
    PilotIndicator,
    PilotMilestone,
    ProgrammePage,
)
from programs.models.pilots import STAGE_RANK
from programs.pilots.demo_core_topics import TOPICS
from programs.pilots.demo_texts import TEXTS
from programs.pilots.demo_topics import MORE_TOPICS

TITLES = ("Pilot projects", "Proyek percontohan")
INTRO = (
    "Every pilot of the network, the agencies that reviewed it, and what became of it: "
    "adopted as a city service, extended, or stopped and why.",
    "Setiap proyek percontohan jaringan, perangkat daerah yang meninjaunya, dan hasilnya: "
    "diadopsi sebagai layanan kota, diperpanjang, atau dihentikan beserta alasannya.",
)

DISTRICTS = ["north", "central", "west", "south", "east", "thousand_islands"]
# How many pilots end at each stage (61 in all), in the order they are dealt out.
SPREAD = [
    ("adopted", 12),
    ("discontinued", 8),
    ("evaluation", 10),
    ("piloting", 15),
    ("approved", 6),
    ("agency_review", 10),
    ("proposed", 6),
]
ORIGINS = [
    "proposal",
    "challenge_response",
    "proposal",
    "hackathon_submission",
    "direct",
    "challenge_response",
    "cohort_startup",
    "proposal",
]
REASONS = [
    "The host agency found no budget line for the next fiscal year.",
    "The measured results stayed far below the targets after the extension.",
    "A city-wide system procured by the agency now covers the same need.",
    "The lead start-up closed; no partner took the work over.",
]
STEPS = ["proposed", "agency_review", "approved", "piloting", "evaluation"]


def index(home, target):
    """/pilots/ in both languages."""
    return index_page(home, target, PilotIndexPage, slug="pilots", title=TITLES, intro=INTRO)


def _stages():
    stages = [stage for stage, count in SPREAD for _n in range(count)]
    # Interleave so every origin, agency and year gets a mix of stages.
    return [stages[(n * 17) % len(stages)] for n in range(len(stages))]


def seed(stdout, home, target):
    index(home, target)
    if Pilot.objects.exists():
        return
    manager = User.objects.get(email=ADMIN_EMAIL)
    orgs = {o.name: o for o in Organisation.objects.all()}
    agencies = list(Organisation.objects.agencies().order_by("name"))
    pillars = {p.slug: p for p in Pillar.objects.filter(locale__language_code="en")}
    sdgs = {
        g.number: g for g in SustainableDevelopmentGoal.objects.filter(locale__language_code="en")
    }
    programmes = list(
        ProgrammePage.objects.filter(locale__language_code="en").order_by("first_published_at")
    )
    proposals = list(Proposal.objects.filter(state="accepted").order_by("pk"))
    challenges = list(
        ChallengePage.objects.filter(locale__language_code="en").live().order_by("pk")
    )
    member_orgs = set(
        User.objects.get(email=MEMBER_EMAIL).memberships.values_list("organisation_id", flat=True)
    )
    stages = _stages()
    now = timezone.now()
    pilots, plan = [], []
    topics = TOPICS + MORE_TOPICS  # one each: 67 different pilots
    for n, stage in enumerate(stages):
        topic = topics[n % len(topics)]
        district = DISTRICTS[(n // len(TOPICS) + n) % len(DISTRICTS)]
        title = topic[0]
        summary, problem, solution = TEXTS[title]
        lead = orgs.get(topic[1]) or next(o for o in orgs.values() if not o.is_agency)
        start = date(2020, 3, 1) + timedelta(days=40 * n)
        origin = ORIGINS[n % len(ORIGINS)]
        programme = (programmes[0] if start.year < 2024 else programmes[-1]) if programmes else None
        pilots.append(
            Pilot(
                title=title,
                slug=slugify(title)[:200],
                summary=summary,
                problem=problem,
                solution=solution,
                origin=origin,
                lead_organisation=lead,
                programme=programme,
                proposal=proposals[n % len(proposals)]
                if origin == "proposal" and proposals and n < 8
                else None,
                challenge=challenges[n % len(challenges)]
                if origin == "challenge_response" and challenges
                else None,
                districts=[district] if n % 5 else [district, DISTRICTS[(n + 1) % 6]],
                start_date=start,
                end_date=start + timedelta(days=180 + 30 * (n % 6)),
                budget_idr=(150 + 25 * (n % 12)) * 1_000_000,
                funding_source=["EU (Smart Change)", "APBD DKI Jakarta", "CSR", lead.name][n % 4],
                state=stage,
                reached=STAGE_RANK.get(stage, STAGE_RANK["evaluation"]),
                is_published=not (stage == "proposed" and n % 3 != 0),
                published_at=now - timedelta(days=max(5, 2000 - 33 * n)),
                created_by=manager,
                created_at=now - timedelta(days=max(20, 2000 - 33 * n)),
                **pilot_texts(n, district, topic[4], lead.name_id or lead.name),
            )
        )
        plan.append((topic, stage, n, lead))
    # The demo member's start-up leads a proposed (unpublished) pilot too.
    for pilot, (_topic, _stage, n, lead) in zip(pilots, plan, strict=True):
        if lead.pk in member_orgs and pilot.state == "proposed":
            pilot.is_published = False
        if pilot.state == "discontinued":
            pilot.reached = STAGE_RANK[STEPS[n % len(STEPS)]]
            pilot.discontinued_reason = REASONS[n % len(REASONS)]
            pilot.discontinued_reason_id = demo_id.REASONS[n % len(REASONS)]
    Pilot.objects.bulk_create(pilots)
    reindex(Pilot.objects.all())  # bulk_create sends no signal: index for the site search
    pilots = list(Pilot.objects.order_by("pk"))
    _related(pilots, plan, pillars, sdgs, agencies, orgs, manager, now)
    published = sum(1 for p in pilots if p.is_published)
    stdout.write(
        f"Pilots: {len(pilots)} ({published} published), "
        f"{AdoptionRecord.objects.count()} adoption records, "
        f"{PilotAgency.objects.overdue().count()} agency reviews overdue."
    )


def _related(pilots, plan, pillars, sdgs, agencies, orgs, manager, now):
    by_name = {a.name: a for a in agencies}
    liaison_agency = by_name.get(LIAISON_AGENCY)
    involvements, indicators, milestones, documents, entries = [], [], [], [], []
    pilot_type = ContentType.objects.get_for_model(Pilot)
    pillar_links, sdg_links = [], []
    for pilot, (topic, stage, n, _lead) in zip(pilots, plan, strict=True):
        pillar_links.append(
            Pilot.pillars.through(pilot_id=pilot.pk, pillar_id=pillars[topic[2]].pk)
        )
        sdg_links += [
            Pilot.sdgs.through(pilot_id=pilot.pk, sustainabledevelopmentgoal_id=sdgs[s].pk)
            for s in topic[3]
            if s in sdgs
        ]
        host = by_name.get(topic[4]) or agencies[n % len(agencies)]
        second = agencies[(n * 7) % len(agencies)]
        if stage == "agency_review" and liaison_agency and n % 2 == 0:
            second = liaison_agency  # the demo liaison has decisions waiting
        rank = pilot.reached
        agency_rows = [(host, "host")]
        if second != host:
            agency_rows.append((second, "host" if n % 3 else "observer"))
        adopter = by_name.get("Department of Communication, Informatics and Statistics")
        if stage == "adopted" and n % 2 and adopter not in (host, second):
            agency_rows.append((adopter, "adopter"))
        started = timezone.make_aware(
            timezone.datetime.combine(pilot.start_date, timezone.datetime.min.time())
        )
        for k, (agency, role) in enumerate(agency_rows):
            state = "accepted" if rank >= STAGE_RANK["approved"] else "invited"
            if stage == "agency_review" and k == 0 and n % 4 == 1:
                state = "accepted"
            if stage == "discontinued" and rank == STAGE_RANK["agency_review"] and k == 0:
                state = "declined"
            if stage == "adopted" and (role == "adopter" or (k == 0 and n % 2 == 0)):
                state = "adopted"
            invited = started - timedelta(days=60)
            if stage == "agency_review" and state == "invited":
                invited = now - timedelta(days=[3, 9, 21, 35][n % 4])  # some overdue
            if pilot.state == "proposed":
                continue
            involvements.append(
                PilotAgency(
                    pilot=pilot,
                    agency=agency,
                    role=role,
                    state=state,
                    invited_at=invited,
                    decided_at=None if state == "invited" else invited + timedelta(days=10),
                    decision_note=REASONS[0] if state == "declined" else "",
                )
            )
        target = Decimal(topic[7])
        measured = target * Decimal("0.85" if stage != "discontinued" else "0.35")
        has_measure = rank >= STAGE_RANK["evaluation"]
        indicators += [
            PilotIndicator(
                pilot=pilot,
                name=topic[5],
                unit=topic[6],
                target=target,
                name_id=demo_id.capitalised(demo_id.PILOT_TOPICS[n % len(TOPICS)][1]),
                unit_id=demo_id.unit(topic[6]),
                baseline=target / 4,
                measured=measured if has_measure else None,
                measured_on=pilot.end_date if has_measure else None,
            ),
            PilotIndicator(
                pilot=pilot,
                name="Residents reached",
                unit="people",
                name_id=demo_id.INDICATOR[1],
                unit_id=demo_id.unit("people"),
                target=Decimal(5000 + 500 * (n % 8)),
                measured=Decimal(4200 + 450 * (n % 8)) if has_measure else None,
            ),
        ]
        for k, (label, offset) in enumerate(
            [("Agreement signed", 0), ("Field test", 60), ("Evaluation report", 170)]
        ):
            done = rank >= k + 2
            milestones.append(
                PilotMilestone(
                    pilot=pilot,
                    title=label,
                    due_on=pilot.start_date + timedelta(days=offset),
                    title_id=demo_id.MILESTONES[label],
                    state="done" if done else "planned",
                    completed_on=pilot.start_date + timedelta(days=offset) if done else None,
                )
            )
        if rank >= STAGE_RANK["approved"]:
            documents.append(
                PilotDocument(
                    pilot=pilot,
                    kind="mou" if n % 2 else "agreement",
                    title=f"Cooperation with {host.name}",
                    title_id=f"Kerja sama dengan {host.name_id or host.name}",
                    reference=f"{100 + n}/PKS/{pilot.start_date.year}",
                    uploaded_by=manager,
                )
            )
        if rank >= STAGE_RANK["evaluation"]:
            documents.append(
                PilotDocument(
                    pilot=pilot,
                    kind="evaluation_report",
                    title="Evaluation report",
                    title_id=demo_id.MILESTONES["Evaluation report"],
                    reference=f"EVAL-{pilot.start_date.year}-{n:02d}",
                    uploaded_by=manager,
                )
            )
        for k, step in enumerate(
            STEPS[: rank + 1] + ([stage] if stage in ("adopted", "discontinued") else [])
        ):
            entries.append(
                (
                    TimelineEntry(
                        content_type=pilot_type,
                        object_id=str(pilot.pk),
                        actor=manager,
                        action="propose" if k == 0 else step,
                        to_state=step,
                        visibility="public",
                        # The reason is on the page ("Why it stopped"), in the reader's language.
                        comment="",
                    ),
                    started - timedelta(days=90) + timedelta(days=45 * k),
                )
            )
        entries.append(
            (
                TimelineEntry(
                    content_type=pilot_type,
                    object_id=str(pilot.pk),
                    actor=manager,
                    action="note",
                    visibility="participants",
                    comment="Internal: budget discussion with the agency's planning unit.",
                ),
                started,
            )
        )
    Pilot.pillars.through.objects.bulk_create(pillar_links)
    Pilot.sdgs.through.objects.bulk_create(sdg_links)
    PilotAgency.objects.bulk_create(involvements)
    PilotIndicator.objects.bulk_create(indicators)
    PilotMilestone.objects.bulk_create(milestones)
    PilotDocument.objects.bulk_create(documents)
    created = TimelineEntry.objects.bulk_create([entry for entry, _when in entries])
    for entry, (_entry, when) in zip(created, entries, strict=True):
        entry.created_at = when
    TimelineEntry.objects.bulk_update(created, ["created_at"])
    _adoptions(manager)


def _adoptions(manager):
    records = []
    for n, involvement in enumerate(
        PilotAgency.objects.filter(state="adopted").select_related("pilot", "agency").order_by("pk")
    ):
        pilot = involvement.pilot
        records.append(
            AdoptionRecord(
                involvement=involvement,
                pilot=pilot,
                adopted_on=pilot.end_date + timedelta(days=45),
                legal_basis=(
                    f"Governor Regulation No. {20 + n}/{pilot.end_date.year}"
                    if n % 2
                    else f"Cooperation agreement {300 + n}/PKS/{pilot.end_date.year}"
                ),
                legal_basis_id=(
                    f"Peraturan Gubernur Nomor {20 + n} Tahun {pilot.end_date.year}"
                    if n % 2
                    else f"Perjanjian kerja sama {300 + n}/PKS/{pilot.end_date.year}"
                ),
                service_id=f"{pilot.title_id} (layanan JAKI)"
                if n % 2
                else f"Program {involvement.agency.name_id or involvement.agency.name}: {pilot.title_id}",
                scale="city_wide" if n % 3 else "district",
                service=f"{pilot.title} (JAKI service)"
                if n % 2
                else f"{involvement.agency.name} programme: {pilot.title}",
                recorded_by=manager,
            )
        )
    AdoptionRecord.objects.bulk_create(records)
