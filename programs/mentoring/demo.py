"""Demo mentors for the Future City Accelerator and the office hours of its third batch: booked,
cancelled and given feedback on, as they were. mentor@example.org is one of the mentors."""

from datetime import datetime, time, timedelta

from allauth.account.models import EmailAddress
from django.utils import timezone

from portal.demo_accounts import set_demo_password, shown_password
from portal.models import Pillar, User
from programs.models import Cohort, Mentor, OfficeHourBooking, OfficeHourSlot, SessionFeedback

MENTOR_EMAIL = "mentor@example.org"
MENTOR_PASSWORD = "portal-demo-member"  # noqa: S105 - printed by `make run`, demo only

# name, affiliation, expertise, pillar slugs, speaks English, speaks Indonesian, bio (en, id)
MENTORS = [
    (
        "Rina Hartono (demo mentor)",
        "Future City Hub",
        "fundraising, pitching, investor relations",
        ["smart-economy"],
        True,
        True,
        (
            "Ran a seed fund for Jakarta start-ups for eight years.",
            "Mengelola dana awal untuk start-up Jakarta selama delapan tahun.",
        ),
    ),
    (
        "Jonas Becker",
        "Berlin Partner for Business and Technology",
        "IoT, sensors, hardware",
        ["smart-environment", "smart-mobility"],
        True,
        False,
        (
            "Built flood and air sensor networks for Berlin's districts.",
            "Membangun jaringan sensor banjir dan udara untuk distrik-distrik Berlin.",
        ),
    ),
    (
        "Siti Rahmawati",
        "Biro Pengadaan Barang/Jasa DKI Jakarta",
        "public procurement, government sales",
        ["smart-governance"],
        False,
        True,
        (
            "Explains how the province buys services, and how a pilot becomes a contract.",
            "Menjelaskan cara provinsi membeli layanan, dan bagaimana uji coba menjadi kontrak.",
        ),
    ),
    (
        "Andreas Wolff",
        "CityLAB Berlin",
        "user research, service design, accessibility",
        ["smart-people", "smart-living"],
        True,
        False,
        (
            "Designs public services with the people who use them.",
            "Merancang layanan publik bersama orang-orang yang menggunakannya.",
        ),
    ),
    (
        "Dimas Pratama",
        "Universitas Indonesia",
        "data, machine learning, open data",
        ["smart-governance", "smart-environment"],
        True,
        True,
        (
            "Teaches data science and helps agencies publish open data.",
            "Mengajar ilmu data dan membantu perangkat daerah menerbitkan data terbuka.",
        ),
    ),
]
NEEDS = [
    "Our pitch deck for the demo day.",
    "How to price a pilot for an agency.",
    "Choosing sensors that survive the rainy season.",
    "Interviewing residents about the service.",
    "Which open datasets we may reuse.",
]


def _mentor_user(number, name):
    if number == 0:
        user, created = User.objects.get_or_create(email=MENTOR_EMAIL, defaults={"name": name})
        set_demo_password(user, MENTOR_PASSWORD, created=created)
        EmailAddress.objects.update_or_create(
            user=user, email=MENTOR_EMAIL, defaults={"verified": True, "primary": True}
        )
        return user
    email = f"mentor{number}@example.org"
    user, created = User.objects.get_or_create(email=email, defaults={"name": name})
    if created:
        user.set_unusable_password()
        user.save()
    return user


def _mentors(pillars):
    mentors = []
    for number, (name, affiliation, expertise, slugs, en, id_, bio) in enumerate(MENTORS):
        mentor, created = Mentor.objects.get_or_create(
            user=_mentor_user(number, name),
            defaults={
                "name": name,
                "affiliation": affiliation,
                "expertise": expertise,
                "speaks_english": en,
                "speaks_indonesian": id_,
                "bio": bio[0],
                "bio_id": bio[1],
            },
        )
        if created:
            mentor.pillars.set([pillars[s] for s in slugs if s in pillars])
        mentors.append(mentor)
    return mentors


def _sessions(cohort, mentors):
    members = list(cohort.members.select_related("organisation").order_by("pk"))
    zone = timezone.get_current_timezone()
    slots = []
    for week in range(6):
        day = cohort.starts_on + timedelta(days=7 * week + 2)
        for number, mentor in enumerate(mentors):
            start = datetime.combine(day, time(9 + 2 * number), tzinfo=zone)
            slots.append(
                OfficeHourSlot(
                    mentor=mentor,
                    cohort=cohort,
                    starts_at=start,
                    ends_at=start + timedelta(minutes=45),
                    capacity=2,
                    location="Future City Hub, room 2",
                )
            )
    OfficeHourSlot.objects.bulk_create(slots)
    bookings = []
    for number, slot in enumerate(OfficeHourSlot.objects.filter(cohort=cohort).order_by("pk")):
        for seat in range(1 + number % 2):
            member = members[(number * 2 + seat) % len(members)]
            bookings.append(
                OfficeHourBooking(
                    slot=slot,
                    member=member,
                    need=NEEDS[(number + seat) % len(NEEDS)],
                    state="cancelled" if number % 9 == 4 else "booked",
                )
            )
    OfficeHourBooking.objects.bulk_create(bookings)
    feedback = [
        SessionFeedback(
            booking=booking,
            from_mentor=number % 2 == 1,
            rating=5 - number % 3,
            comment="Clear next steps for the demo day." if number % 2 else "Very useful.",
        )
        for number, booking in enumerate(
            OfficeHourBooking.objects.filter(slot__cohort=cohort, state="booked").order_by("pk")
        )
        if number % 3 != 2
    ]
    SessionFeedback.objects.bulk_create(feedback)
    return len(slots), len(bookings), len(feedback)


def seed(stdout, home):
    if Mentor.objects.exists():
        return
    pillars = {p.slug: p for p in Pillar.objects.filter(locale=home.locale)}
    mentors = _mentors(pillars)
    cohort = Cohort.objects.filter(kind="accelerator", batch=3).first()
    if cohort is None:
        return
    slots, bookings, feedback = _sessions(cohort, mentors)
    stdout.write(
        f"Mentoring: {len(mentors)} mentors, {slots} office-hour sessions in {cohort.title}, "
        f"{bookings} bookings, {feedback} feedback.\n"
        f"Mentor: {MENTOR_EMAIL} / {shown_password(MENTOR_EMAIL, MENTOR_PASSWORD)}"
    )
