"""Demo events: /events/ in both languages, ~90 past and upcoming events across the types,
314 speakers (each speaking at least once), thousands of registrations (bulk-created), a few
full events with waiting lists. The speakers and participants come from ``events/demo_people.py``.

Idempotent: the index, events (by slug), speakers (by slug) and participants (by e-mail) are
created once; registrations only for events created in this run.
"""

import random
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Locale

from events.demo_people import SPEAKERS, every_speaker_speaks, seed_participants, seed_speakers
from events.models import EventIndexPage, EventPage, EventType, Registration, Speaker
from events.moderation import ensure_event_moderation
from partners.models import Organisation
from portal.demo import index_page
from portal.i18n import synchronise_page_trees
from portal.models import HomePage, Pillar

JAKARTA = ZoneInfo("Asia/Jakarta")
PORTAL_LAUNCH = datetime(2025, 1, 1, tzinfo=JAKARTA)  # events before it record attendance
INDEX = {
    "title": ("Events", "Acara"),
    "intro": (
        "Policy dialogues, peer-to-peer exchanges, classes, sandbox sessions and demo days of the "
        "network, at the Future City Hub and online. Register, add them to your calendar, and "
        "find the recordings afterwards.",
        "Dialog kebijakan, pertukaran antarmitra, kelas, sesi sandbox, dan demo day jejaring ini, "
        "di Future City Hub dan daring. Daftar, tambahkan ke kalender, dan temukan rekamannya "
        "setelah acara.",
    ),
}
TOPICS = [
    "flood early warning",
    "air quality data",
    "MSME digitalisation",
    "public Wi-Fi uptake",
    "complaint resolution",
    "urban farming with IoT",
    "smart street lighting",
    "open data",
    "start-up support organisations",
    "the Jakarta–Berlin partnership",
    "digital public services",
    "waste at the floodgates",
    "cashless markets",
    "services for older residents",
    "mobility and the odd-even rule",
    "innovation procurement",
    "the JAKI super-app",
]
TYPE_TITLES = {
    EventType.POLICY_DIALOGUE: "Policy dialogue: {}",
    EventType.PEER_EXCHANGE: "Jakarta–Berlin peer exchange on {}",
    EventType.CONFERENCE: "Smart Change online conference: {}",
    EventType.ONLINE_CLASS: "Future City online class: {}",
    EventType.WORKSHOP: "Training for start-up support organisations: {}",
    EventType.SANDBOX: "Sandbox session: {}",
    EventType.TALK: "JSCTalks: {}",
    EventType.READING_GROUP: "Reading group: {}",
    EventType.DEMO_DAY: "Future City Accelerator demo day: {}",
}
ONLINE_TYPES = {EventType.ONLINE_CLASS, EventType.CONFERENCE, EventType.TALK}
# Historic events were large (Smart Change reported more than 13,000 participants since 2020).
HISTORIC_EXTRA = 220


def _index(home, target):
    index = index_page(home, target, EventIndexPage, slug="events", **INDEX)
    ensure_event_moderation(index)
    return index


def _when(rng, number, total):
    """Spread from March 2020 to four months ahead; a third upcoming."""
    now = timezone.now().astimezone(JAKARTA)
    first = datetime(2020, 3, 1, tzinfo=JAKARTA)
    upcoming = number >= total * 2 // 3
    if upcoming:
        day = now + timedelta(days=2 + (number - total * 2 // 3) * 120 // (total // 3))
    else:
        day = first + (now - first - timedelta(days=3)) * number / (total * 2 // 3)
    start = datetime.combine(day.date(), time(rng.choice([9, 10, 13, 14, 15, 19])), tzinfo=JAKARTA)
    return start, start + timedelta(hours=rng.choice([2, 3, 4, 6]))


def _events(index, rng, speakers):
    en = index.locale
    pillars = list(Pillar.objects.filter(locale=en))
    organisations = list(Organisation.objects.verified().order_by("name")[:40])
    types = list(EventType)
    created, total = [], 90
    for number in range(total):
        kind = types[number % len(types)]
        topic = TOPICS[(number * 7) % len(TOPICS)]
        title = TYPE_TITLES[kind].format(topic)
        slug = f"{slugify(title)[:60]}-{number + 1}"
        if EventPage.objects.filter(slug=slug, locale=en).exists():
            continue
        start, end = _when(rng, number, total)
        mode = (
            "online" if kind in ONLINE_TYPES else rng.choice(["in_person", "in_person", "hybrid"])
        )
        historic = start < PORTAL_LAUNCH
        page = EventPage(
            title=title,
            slug=slug,
            event_type=kind,
            start=start,
            end=end,
            summary=f"Partners, agencies and residents on {topic}: what works, what to try next.",
            description=f"<p>A {kind.label.lower()} of the network on {topic}, with speakers from "
            "Jakarta and partner cities.</p>",
            attendance_mode=mode,
            language=rng.choice(["en", "id", "both"]),
            venue_name="" if mode == "online" else "Future City Hub",
            venue_address="" if mode == "online" else "Jl. Medan Merdeka Selatan, Jakarta Pusat",
            map_url=""
            if mode == "online"
            else "https://www.openstreetmap.org/search?query=Jakarta",
            join_url="" if mode == "in_person" else f"https://meet.example.org/jdcn-{number + 1}",
            capacity=None if historic else rng.choice([30, 40, 60, 80, 120]),
            takes_registrations=not historic,
            recorded_attendance=rng.randint(90, 260) + HISTORIC_EXTRA if historic else None,
            recording_url="https://www.youtube.com/" if end < timezone.now() else "",
        )
        page.agenda = [
            (
                "item",
                {
                    "time": time(start.hour, 0),
                    "title": "Welcome and context",
                    "description": "",
                    "speakers": "",
                },
            ),
            (
                "item",
                {
                    "time": time(start.hour, 30),
                    "title": f"Working session: {topic}",
                    "description": "",
                    "speakers": "",
                },
            ),
        ]
        if number % 5 == 0 and not historic:
            page.registration_questions = [
                (
                    "question",
                    {
                        "question": "Which organisation are you from?",
                        "help_text": "",
                        "required": False,
                        "choices": "",
                    },
                )
            ]
        page.pillars.set(rng.sample(pillars, k=min(2, len(pillars))))
        page.speakers.set(rng.sample(speakers, k=min(len(speakers), rng.randint(2, 5))))
        if organisations:
            page.organisers.set(rng.sample(organisations, k=1))
            page.partner_organisations.set(rng.sample(organisations, k=2))
        index.add_child(instance=page)
        page.save_revision().publish()
        created.append(page)
    return created


def _registrations(rng, events, people):
    """Past portal events: attended or no-show; upcoming: confirmed, a few full with waitlists."""
    now = timezone.now()
    rows = []
    for number, event in enumerate(events):
        if not event.takes_registrations:
            continue
        full = event.start > now and number % 9 == 0
        count = (
            event.capacity + rng.randint(5, 15)
            if full
            else rng.randint(event.capacity // 3, event.capacity)
        )
        position = 0
        for seat, person in enumerate(rng.sample(people, k=min(count, len(people)))):
            if seat >= event.capacity:
                position += 1
                state = "waitlisted"
            elif event.end < now:
                state = "attended" if rng.random() < 0.8 else "no_show"
            else:
                state = "confirmed"
            rows.append(
                Registration(
                    event=event,
                    user=person,
                    state=state,
                    position=position or None,
                    attended_at=event.start if state == "attended" else None,
                    reminder_sent_at=now if event.end < now else None,
                    follow_up_sent_at=now if event.end < now else None,
                )
            )
    Registration.objects.bulk_create(rows, batch_size=1000)
    return len(rows)


def _demo_member(events):
    from partners.demo import MEMBER_EMAIL

    member = get_user_model().objects.filter(email=MEMBER_EMAIL).first()
    upcoming = [e for e in events if e.start > timezone.now() and e.capacity]
    if member is None or not upcoming:
        return
    Registration.objects.get_or_create(
        event=upcoming[1], user=member, defaults={"state": "confirmed"}
    )


def seed(stdout):
    home = HomePage.objects.get(locale__language_code="en", depth=2)
    target = Locale.objects.get(language_code="id")
    index = _index(home, target)
    synchronise_page_trees()
    rng = random.Random(2019)  # noqa: S311 - demo data, the same every time
    speakers = seed_speakers(rng)
    events = _events(index, rng, speakers)
    synchronise_page_trees()  # the Indonesian tree gets the new events as aliases
    every_speaker_speaks(random.Random(SPEAKERS))  # noqa: S311 - demo data
    from events.demo_id import translate_events

    translate_events(index, target, TYPE_TITLES)
    registrations = _registrations(rng, events, seed_participants()) if events else 0
    _demo_member(events)
    from events.hackathons import demo as hackathons

    hackathons.seed(stdout, home, target)
    stdout.write(
        f"Events: {EventPage.objects.filter(locale=home.locale).count()} events, "
        f"{Speaker.objects.count()} speakers, {registrations} new registrations."
    )
