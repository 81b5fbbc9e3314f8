"""Demo data for cohorts: /accelerator/ in both languages, the Future City Accelerator programme
with three past batches and a fourth open for applications, one SSO training cohort, and the
accepted members behind Smart Change's figures: 84 start-ups supported and 24 start-up support
organisations trained. Organisations and members are bulk-created so the seed stays fast.

Runs from programs/demo.py after the programmes exist. Idempotent: nothing is added twice.
"""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.utils import timezone
from django.utils.text import slugify

from partners.models import Organisation
from portal.demo import index_page
from portal.models import Criterion, Pillar, Rubric
from portal.search.indexing import reindex
from programs.cohorts.demo_id import THEMES as THEMES_ID
from programs.cohorts.demo_id import cohort_texts
from programs.models import (
    AcceleratorIndexPage,
    Cohort,
    CohortMember,
    ProgrammeCity,
    ProgrammePage,
)

JAKARTA = ZoneInfo("Asia/Jakarta")
TITLES = ("Accelerator", "Akselerator")
INTRO = (
    "The Future City Accelerator and the training for start-up support organisations: who "
    "takes part, when to apply, and what came of each batch.",
    "Future City Accelerator dan pelatihan bagi organisasi pendukung start-up: siapa yang "
    "ikut, kapan mendaftar, dan hasil setiap angkatan.",
)
BATCH_SIZE = 28  # three past batches of 28: the 84 start-ups Smart Change supported
SSO_COUNT = 24


def _sentence(text):
    return text[:1].upper() + text[1:]


THEMES = [
    ("Flood resilience and water", ["smart-environment", "smart-living"]),
    ("Mobility and clean air", ["smart-mobility", "smart-environment"]),
    ("Digital public services", ["smart-governance", "smart-people"]),
    ("MSME digitalisation and food prices", ["smart-economy", "smart-living"]),
]
WORDS = [
    "Banjir",
    "Kali",
    "Angin",
    "Pasar",
    "Jalan",
    "Lampu",
    "Sampah",
    "Udara",
    "Kota",
    "Warga",
    "Tani",
    "Data",
    "Sehat",
    "Bersih",
    "Cepat",
    "Hijau",
    "Aman",
    "Pintar",
]
SUFFIXES = ["Labs", "Tech", "Digital", "Karya", "Solusi", "Nusantara", "Data", "Works"]
SSO_SUFFIXES = ["Hub", "Incubator", "Startup House", "Ventures", "Collective", "Academy"]
CRITERIA = [
    (
        "Problem and city fit",
        2,
        "Does it answer a real problem of Jakarta, for whom?",
        "1: no clear problem · 3: a real problem, unclear who gains · 5: a pressing, well-evidenced "
        "problem with named users and an agency that wants it solved",
    ),
    (
        "Product and traction",
        2,
        "How far the product is, and who uses it already.",
        "1: an idea · 3: a working prototype with pilot users · 5: paying customers or an agency "
        "pilot under way",
    ),
    (
        "Team",
        1,
        "Can this team deliver during the programme?",
        "1: one founder part-time · 3: a small committed team · 5: a complete team with the skills "
        "the plan needs",
    ),
    (
        "Readiness to pilot with the city",
        1,
        "Data, permits and partners for a sandbox pilot.",
        "1: nothing arranged · 3: a partner agency interested · 5: a sandbox challenge it answers "
        "and a pilot plan",
    ),
]


def _index(home, target):
    return index_page(
        home, target, AcceleratorIndexPage, slug="accelerator", title=TITLES, intro=INTRO
    )


def _rubric():
    rubric, created = Rubric.objects.get_or_create(
        name="Accelerator selection",
        defaults={"description": "Used to select the Future City Accelerator's batches."},
    )
    if created:
        Criterion.objects.bulk_create(
            Criterion(
                rubric=rubric,
                label=label,
                weight=weight,
                description=text,
                anchors=anchors,
                sort_order=order,
            )
            for order, (label, weight, text, anchors) in enumerate(CRITERIA)
        )
    return rubric


def _programme(programme_index):
    page = ProgrammePage.objects.child_of(programme_index).filter(slug="future-city-accelerator")
    if page.exists():
        return page.first()
    page = ProgrammePage(
        title="Future City Accelerator",
        slug="future-city-accelerator",
        summary="Jakarta's accelerator for start-ups that solve city problems with agencies, run "
        "at the Future City Hub: four-month batches ending in a demo day.",
        start_date=date(2020, 9, 1),
        objectives=[
            ("objective", "Help start-ups turn a city problem into a service an agency adopts"),
            ("objective", "Connect each batch to the agencies' sandbox challenges"),
        ],
    )
    page.cities = [ProgrammeCity(name="Jakarta"), ProgrammeCity(name="Berlin")]
    programme_index.add_child(instance=page)
    page.pillars.set(
        Pillar.objects.filter(locale=page.locale, slug__in=["smart-economy", "smart-governance"])
    )
    page.save_revision().publish()
    return page


def _at(day, hour=23, minute=59):
    return datetime.combine(day, time(hour, minute), tzinfo=JAKARTA)


def _organisations(kind, count, suffixes, offset=0):
    """``count`` verified organisations of ``kind`` (fictional names), created in one query."""
    names = [
        f"{WORDS[n % len(WORDS)]} {suffixes[(n // len(WORDS) + n) % len(suffixes)]} {n + 1}"
        for n in range(offset, offset + count)
    ]
    found = {o.name: o for o in Organisation.objects.filter(name__in=names)}
    taken = set(Organisation.objects.values_list("slug", flat=True))
    new = []
    for name in names:
        if name in found:
            continue
        slug = slugify(name)
        while slug in taken:
            slug += "-x"
        taken.add(slug)
        new.append(
            Organisation(
                name=name,
                slug=slug,
                kind=kind,
                city="Jakarta",
                country="Indonesia",
                verification_state="verified",
            )
        )
    Organisation.objects.bulk_create(new)
    found = {o.name: o for o in Organisation.objects.filter(name__in=names)}
    return [found[name] for name in names]


def _cohorts(programme, smart_change, rubric, pillars):
    today = timezone.localdate()
    specs = []
    for batch in (1, 2, 3):
        start = date(2020 + batch, 2, 1)
        theme, slugs = THEMES[batch - 1]
        specs.append(
            {
                "title": f"Future City Accelerator, batch {batch}",
                "title_id": f"Future City Accelerator, angkatan {batch}",
                "batch": batch,
                "kind": "accelerator",
                "programme": programme,
                "theme": theme,
                "pillars": slugs,
                "opens": start - timedelta(days=90),
                "closes": start - timedelta(days=45),
                "selection": start - timedelta(days=20),
                "start": start,
                "end": start + timedelta(days=120),
                "demo": start + timedelta(days=118),
                "capacity": BATCH_SIZE,
            }
        )
    open_start = today + timedelta(days=60)
    theme, slugs = THEMES[3]
    specs.append(
        {
            "title": "Future City Accelerator, batch 4",
            "title_id": "Future City Accelerator, angkatan 4",
            "batch": 4,
            "kind": "accelerator",
            "programme": programme,
            "theme": theme,
            "pillars": slugs,
            "opens": today - timedelta(days=10),
            "closes": today + timedelta(days=21),
            "selection": today + timedelta(days=40),
            "start": open_start,
            "end": open_start + timedelta(days=120),
            "demo": open_start + timedelta(days=118),
            "capacity": 20,
            "blind": True,
        }
    )
    specs.append(
        {
            "title": "Training for start-up support organisations",
            "title_id": "Pelatihan bagi organisasi pendukung start-up",
            "batch": 1,
            "kind": "sso_training",
            "programme": smart_change,
            "theme": "Running incubation and acceleration programmes",
            "pillars": ["smart-economy"],
            "opens": date(2022, 1, 10),
            "closes": date(2022, 2, 14),
            "selection": date(2022, 2, 25),
            "start": date(2022, 3, 7),
            "end": date(2022, 9, 30),
            "demo": None,
            "capacity": SSO_COUNT,
        }
    )
    cohorts = []
    for spec in specs:
        summary = (
            f"{spec['theme']}: a four-month batch at the Future City Hub, with mentors, agency "
            "sandbox challenges and a demo day."
            if spec["kind"] == "accelerator"
            else "Six months of training for incubators, accelerators and community hubs that "
            "support Jakarta's start-ups."
        )
        summary_id, description_id = cohort_texts(spec["kind"], spec["theme"])
        cohort = Cohort(
            title=spec["title"],
            title_id=spec["title_id"],
            summary_id=summary_id,
            description_id=description_id,
            slug=slugify(spec["title"]),
            batch=spec["batch"],
            kind=spec["kind"],
            programme=spec["programme"],
            theme=spec["theme"],
            theme_id=_sentence(THEMES_ID.get(spec["theme"], "")),
            summary=summary,
            description="Selected organisations meet weekly at the Future City Hub, work with "
            "mentors and the city's agencies, and present what they built at the end.",
            opens_at=_at(spec["opens"], 9, 0),
            closes_at=_at(spec["closes"]),
            selection_on=spec["selection"],
            starts_on=spec["start"],
            ends_on=spec["end"],
            demo_day_on=spec["demo"],
            capacity=spec["capacity"],
            rubric=rubric,
            blind_review=spec.get("blind", False),
            published=True,
            questions=[
                (
                    "question",
                    {
                        "question": "Which sandbox challenge would you work on?",
                        "help_text": "",
                        "required": False,
                        "choices": "",
                    },
                ),
                (
                    "question",
                    {
                        "question": "Stage of your product",
                        "help_text": "",
                        "required": True,
                        "choices": "Idea\nPrototype\nPilot users\nPaying customers",
                    },
                ),
            ],
        )
        cohorts.append((cohort, spec["pillars"]))
    Cohort.objects.bulk_create([cohort for cohort, _slugs in cohorts])
    links = []
    for cohort, slugs in cohorts:
        links += [
            Cohort.pillars.through(cohort_id=cohort.pk, pillar_id=pillars[slug].pk)
            for slug in slugs
        ]
    Cohort.pillars.through.objects.bulk_create(links)
    reindex(Cohort.objects.all())  # bulk_create sends no signal: index for the site search
    return [cohort for cohort, _slugs in cohorts]


def seed(stdout, home, target, programme_index):
    _index(home, target)
    if not Cohort.objects.exists():
        _seed_cohorts(stdout, home, programme_index)
    from programs.cohorts import milestone_demo

    milestone_demo.seed(stdout)
    from programs.cohorts import demo_outcomes

    demo_outcomes.seed(stdout, target)


def _seed_cohorts(stdout, home, programme_index):
    programme = _programme(programme_index)
    smart_change = ProgrammePage.objects.filter(locale=home.locale, slug="smart-change").first()
    pillars = {p.slug: p for p in Pillar.objects.filter(locale=home.locale)}
    batches = _cohorts(programme, smart_change, _rubric(), pillars)
    # The demo start-ups of the partners' seed took part in the first batches too.
    named = list(Organisation.objects.verified().filter(kind="startup").order_by("pk")[:8])
    startups = named + _organisations("startup", 3 * BATCH_SIZE - len(named), SUFFIXES)
    ssos = _organisations("startup_support", SSO_COUNT, SSO_SUFFIXES, offset=5)
    members = []
    for number, cohort in enumerate(batches[:3]):
        joined = cohort.starts_on
        chunk = startups[number * BATCH_SIZE : (number + 1) * BATCH_SIZE]
        members += [CohortMember(cohort=cohort, organisation=o, joined_on=joined) for o in chunk]
    members += [
        CohortMember(cohort=batches[4], organisation=o, joined_on=batches[4].starts_on)
        for o in ssos
    ]
    CohortMember.objects.bulk_create(members)
    stdout.write(
        f"Cohorts: {len(batches)} ({sum(1 for c in batches if c.is_open())} open), "
        f"{CohortMember.objects.filter(cohort__kind='accelerator').count()} start-ups supported, "
        f"{CohortMember.objects.filter(cohort__kind='sso_training').count()} SSOs trained."
    )
