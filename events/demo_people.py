"""The people of the demo events: 314 speakers (the speakers and experts Smart Change reported,
each on the programme of at least one past event) and 700 participants who register.

Idempotent: speakers (by slug) and participants (by e-mail) are created once, in bulk.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.utils import timezone
from django.utils.text import slugify

from events.models import EventPage, Speaker
from partners.models import Organisation
from portal.search.indexing import reindex

FIRST_ID = [
    "Ayu",
    "Budi",
    "Citra",
    "Dimas",
    "Eka",
    "Fajar",
    "Gita",
    "Hendra",
    "Indah",
    "Joko",
    "Kartika",
    "Lestari",
    "Made",
    "Nadia",
    "Oka",
    "Putri",
    "Rizki",
    "Sari",
    "Teguh",
    "Utami",
    "Wahyu",
    "Yudi",
    "Zahra",
    "Agus",
    "Bayu",
    "Dewi",
    "Intan",
    "Rahmat",
]
LAST_ID = [
    "Santoso",
    "Wijaya",
    "Pratama",
    "Saputra",
    "Hidayat",
    "Nugroho",
    "Siregar",
    "Lubis",
    "Halim",
    "Kusuma",
    "Setiawan",
    "Harahap",
    "Permana",
    "Rahayu",
    "Simanjuntak",
    "Wibowo",
]
FIRST_DE = [
    "Anna",
    "Jonas",
    "Lena",
    "Felix",
    "Miriam",
    "Tobias",
    "Katrin",
    "Lukas",
    "Sabine",
    "Matthias",
    "Johanna",
    "Stefan",
    "Clara",
    "Niklas",
    "Ulrike",
    "Moritz",
]
LAST_DE = [
    "Becker",
    "Schulz",
    "Hoffmann",
    "Wagner",
    "Krüger",
    "Neumann",
    "Schwarz",
    "Braun",
    "Zimmermann",
    "Hartmann",
    "Lange",
    "Vogel",
    "Fischer",
    "Keller",
    "Richter",
    "Wolf",
]
ROLES = [
    ("Head of innovation", "Kepala inovasi"),
    ("Policy adviser", "Penasihat kebijakan"),
    ("Founder and CEO", "Pendiri dan CEO"),
    ("Researcher", "Peneliti"),
    ("Programme manager", "Manajer program"),
    ("Data scientist", "Ilmuwan data"),
    ("Urban planner", "Perencana kota"),
    ("Community organiser", "Penggerak komunitas"),
]
PARTICIPANTS = 700
SPEAKERS = 314  # the speakers and experts Smart Change reported; each speaks at an event


def seed_speakers(rng, total=300):
    if Speaker.objects.count() >= total:
        return list(Speaker.objects.all())
    organisations = list(Organisation.objects.verified().order_by("name"))
    seen = set(Speaker.objects.values_list("slug", flat=True))
    speakers, wanted = [], total - len(seen)
    while len(speakers) < wanted:
        german = rng.random() < 0.3
        first, last = (
            (rng.choice(FIRST_DE), rng.choice(LAST_DE))
            if german
            else (rng.choice(FIRST_ID), rng.choice(LAST_ID))
        )
        name = f"{first} {last}"
        slug = slugify(name)
        number = 2
        while slug in seen:
            slug, number = f"{slugify(name)}-{number}", number + 1
        seen.add(slug)
        role = rng.choice(ROLES)
        organisation = rng.choice(organisations) if organisations else None
        where = organisation.name if organisation else "Jakarta"
        speakers.append(
            Speaker(
                name=name,
                slug=slug,
                title=role[0],
                title_id=role[1],
                organisation=organisation,
                bio=f"{first} works on city innovation as {role[0].lower()} at {where}.",
                bio_id=f"{first} bekerja di bidang inovasi kota sebagai {role[1].lower()} di {where}.",
            )
        )
    Speaker.objects.bulk_create(speakers)
    reindex(Speaker.objects.all())  # bulk_create sends no signal: index for the site search
    return list(Speaker.objects.all())


def every_speaker_speaks(rng):
    """Up to SPEAKERS speakers, each on the programme of at least one past event (in both
    trees). Demo data only: the through rows are added without new page revisions."""
    seed_speakers(rng, SPEAKERS)
    through = EventPage.speakers.through
    en = EventPage.objects.filter(locale__language_code="en").live()
    idle = list(
        Speaker.objects.exclude(pk__in=through.objects.filter(eventpage__in=en).values("speaker"))
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    past = list(
        en.filter(end__lt=timezone.now())
        .order_by("start")
        .values_list("translation_key", flat=True)
    )
    if not idle or not past:
        return
    pages = {}
    for pk, key in EventPage.objects.filter(translation_key__in=past).values_list(
        "pk", "translation_key"
    ):
        pages.setdefault(key, []).append(pk)
    rows = [
        through(eventpage_id=page, speaker_id=speaker)
        for number, speaker in enumerate(idle)
        for page in pages.get(past[(number * 7 + rng.randrange(3)) % len(past)], [])
    ]
    through.objects.bulk_create(rows, ignore_conflicts=True)


def seed_participants():
    User = get_user_model()
    existing = set(
        User.objects.filter(email__startswith="participant").values_list("email", flat=True)
    )
    password = make_password(None)  # unusable: demo participants do not sign in
    User.objects.bulk_create(
        [
            User(
                email=f"participant{n}@example.org",
                name=f"{FIRST_ID[n % 28]} {LAST_ID[n % 16]}",
                password=password,
            )
            for n in range(PARTICIPANTS)
            if f"participant{n}@example.org" not in existing
        ]
    )
    return list(User.objects.filter(email__startswith="participant").order_by("pk"))
