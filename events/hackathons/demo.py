"""Demo hackathons: /hackathons/ in both languages, a past Future City Hackathon (tracks from the
seeded sandbox challenges, 32 teams and projects, judges with scores on a weighted rubric, People's
Choice votes, published winners, one disqualified project), a Clean Air Hackathon whose projects
are in and whose People's Choice vote is open now (the demo member can vote), and an upcoming one
open for registration. Bulk-created where possible; idempotent (pages by slug). Teams and
projects come from ``demo_teams.py``, judging, votes and awards from ``demo_judging.py``."""

import random
from datetime import datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.utils import timezone
from wagtail.models import Locale

from events.demo_id import PEOPLE, TRACKS, translate_hackathons
from events.hackathons.demo_judging import seed_judging, seed_results
from events.hackathons.demo_teams import seed_teams
from events.models import (
    HackathonIndexPage,
    HackathonPage,
    HackathonPerson,
    TeamMembership,
    Track,
    Vote,
    VoteAudit,
)
from partners.demo_id import CHALLENGES
from partners.models import ChallengePage, Organisation
from portal.demo import index_page
from portal.i18n import synchronise_page_trees
from portal.models import Criterion, Rubric

JAKARTA = ZoneInfo("Asia/Jakarta")
INDEX = {
    "title": ("Hackathons", "Hackathon"),
    "intro": (
        "The Future City Hackathon asks start-ups and citizens to build products that solve "
        "problems posed by Jakarta's agencies. Form a team, pick a track, submit before the "
        "deadline, and vote for the People's Choice.",
        "Future City Hackathon mengajak perusahaan rintisan dan warga membangun produk yang "
        "menyelesaikan masalah dari perangkat daerah Jakarta. Bentuk tim, pilih jalur, kirim "
        "sebelum tenggat, dan pilih favorit publik.",
    ),
}
RULES = (
    "<p>Teams of two to five people. Code written during the hacking days; open-source "
    "libraries welcome. One project per team. Submissions close at the deadline, Jakarta "
    "time.</p>"
)
ELIGIBILITY = (
    "<p>Open to residents of Indonesia, students and start-ups. Government employees "
    "may mentor but not compete.</p>"
)
FAQ = [
    ("Do I need a team?", "Yes, of at least two people. Use the teams list to find one."),
    ("Who owns the code?", "Your team. Choose an open licence if you want an agency to adopt it."),
    ("Can I change my project after submitting?", "Until the deadline, yes. After it, no."),
]
JUDGES = 8
PAST_TEAMS = 32


def _index(home, target):
    return index_page(home, target, HackathonIndexPage, slug="hackathons", **INDEX)


def _rubric():
    rubric = Rubric.objects.filter(name="Future City Hackathon judging").first()
    if rubric:
        return rubric
    rubric = Rubric.objects.create(
        name="Future City Hackathon judging",
        description="Weighted criteria for hackathon projects.",
    )
    specs = [
        (
            "Impact on Jakarta",
            3,
            "1: no clear user · 3: a real need of one agency · 5: measurable "
            "gain for many residents",
        ),
        (
            "Technical execution",
            2,
            "1: slides only · 3: a working prototype · 5: robust, deployable",
        ),
        (
            "Feasibility for the agency",
            2,
            "1: needs a new law · 3: fits with effort · 5: can pilot now",
        ),
        ("Presentation", 1, "1: unclear · 3: clear · 5: compelling, with a live demo"),
    ]
    for order, (label, weight, anchors) in enumerate(specs):
        Criterion.objects.create(
            rubric=rubric, label=label, weight=Decimal(weight), anchors=anchors, sort_order=order
        )
    return rubric


def _people():
    User = get_user_model()
    password = make_password(None)
    wanted = [f"judge{n}@example.org" for n in range(1, JUDGES + 1)]
    existing = set(User.objects.filter(email__in=wanted).values_list("email", flat=True))
    names = [
        "Rina Kartika",
        "Andreas Vogel",
        "Sri Wahyuni",
        "Tomas Becker",
        "Dian Permata",
        "Yusuf Harahap",
        "Maria Lange",
        "Agung Prasetyo",
    ]
    User.objects.bulk_create(
        [
            User(email=e, name=names[i], password=password)
            for i, e in enumerate(wanted)
            if e not in existing
        ]
    )
    judges = list(User.objects.filter(email__in=wanted).order_by("email"))
    from partners.proposals.demo import REVIEWER_EMAIL

    reviewer = User.objects.filter(email=REVIEWER_EMAIL).first()
    if reviewer:
        judges.append(reviewer)
    participants = list(User.objects.filter(email__startswith="participant").order_by("pk"))
    return judges, participants


def _page(index, *, slug, title, summary, start, tracks, judges, rubric, opens=None):
    existing = HackathonPage.objects.filter(slug=slug, locale=index.locale).first()
    if existing:
        return existing, False
    page = HackathonPage(
        title=title,
        slug=slug,
        summary=summary,
        venue_name="Future City Hub, Jakarta",
        description="<p>Agencies of DKI Jakarta pose real problems; teams build working products "
        "over a hacking weekend and pitch them to a jury at the Future City Hub.</p>",
        registration_opens_at=opens or start - timedelta(days=30),
        registration_closes_at=start - timedelta(days=1),
        hacking_starts_at=start,
        submission_deadline=start + timedelta(days=2),
        voting_closes_at=start + timedelta(days=9),
        judging_ends_at=start + timedelta(days=10),
        results_at=start + timedelta(days=12),
        min_team_size=2,
        max_team_size=5,
        rules=RULES,
        eligibility=ELIGIBILITY,
        competitors="not_government",
        rubric=rubric,
        judges_per_submission=3,
        finals_enabled=True,
        faq=[("faq", {"question": q, "answer": a}) for q, a in FAQ],
    )
    agencies = list(Organisation.objects.agencies().verified().order_by("name")[:4])
    for order, challenge in enumerate(tracks):
        indonesian = CHALLENGES.get(challenge.slug, ("", ""))
        page.tracks.add(
            Track(
                name=challenge.title[:200],
                description=challenge.summary,
                challenge=challenge,
                name_id=indonesian[0][:200],
                description_id=indonesian[1],
                prize=["Rp 50,000,000 + pilot", "Rp 30,000,000", "Rp 30,000,000", "Rp 20,000,000"][
                    order % 4
                ],
                sort_order=order,
            )
        )
    sponsor = Organisation.objects.verified().exclude(kind="agency").order_by("name").first()
    if sponsor:
        page.tracks.add(
            Track(
                name="Open innovation",
                sponsor=sponsor,
                prize="Rp 15,000,000",
                name_id=TRACKS["Open innovation"][0],
                description_id=TRACKS["Open innovation"][1],
                description="Any Jakarta problem not covered by the other tracks.",
                sort_order=len(tracks),
            )
        )
    for order, judge in enumerate(judges):
        page.people.add(
            HackathonPerson(
                role="judge",
                name=judge.name or judge.email,
                user=judge,
                title="Jury member",
                title_id=PEOPLE["Jury member"],
                sort_order=order,
            )
        )
    for order, name in enumerate(["Fitri Anggraini", "Jonas Keller", "Bayu Saputra"]):
        page.people.add(
            HackathonPerson(
                role="mentor",
                name=name,
                title="Mentor",
                title_id="Mentor",
                organisation=agencies[order % len(agencies)] if agencies else None,
                sort_order=100 + order,
            )
        )
    index.add_child(instance=page)
    page.save_revision().publish()
    return page, True


VOTING_TEAMS = 10


def _open_vote(rng, index, challenges, judges, rubric, participants, now):
    """A hackathon between its submission deadline and its vote's close: the gallery shows vote
    buttons. A re-seed after the close moves its dates so that the vote is open again."""
    start = (now - timedelta(days=4)).replace(hour=9, minute=0, second=0, microsecond=0)
    page, created = _page(
        index,
        slug=f"clean-air-hackathon-{start.year}",
        title=f"Jakarta Clean Air Hackathon {start.year}",
        summary="The projects are in: vote for your favourite in the People's Choice before "
        "voting closes.",
        start=start,
        tracks=challenges,
        judges=judges,
        rubric=rubric,
    )
    if created:
        people = participants[:400]
        projects = seed_teams(rng, page, people, VOTING_TEAMS, submitted=True, first=PAST_TEAMS)
        in_teams = set(TeamMembership.objects.filter(hackathon=page).values_list("user", flat=True))
        voters = [p for p in participants[400:] if p.pk not in in_teams][:45]
        votes = [Vote(hackathon=page, user=v, submission=rng.choice(projects)) for v in voters]
        Vote.objects.bulk_create(votes)
        VoteAudit.objects.bulk_create(
            [VoteAudit(hackathon=page, user=v.user, submission=v.submission) for v in votes]
        )
    elif page.voting_closes_at <= now:
        shift = start - page.hacking_starts_at
        names = [
            "registration_opens_at",
            "registration_closes_at",
            "hacking_starts_at",
            "submission_deadline",
            "voting_closes_at",
            "judging_ends_at",
            "results_at",
        ]
        pages = HackathonPage.objects.filter(translation_key=page.translation_key)
        pages.update(**{name: getattr(page, name) + shift for name in names})
    return page


def seed(stdout, home, target):
    index = _index(home, target)
    synchronise_page_trees()
    rng = random.Random(2024)  # noqa: S311 - demo data, the same every time
    rubric = _rubric()
    judges, participants = _people()
    challenges = list(ChallengePage.objects.filter(locale=home.locale).live().order_by("pk")[:4])
    admin = get_user_model().objects.filter(is_superuser=True).order_by("pk").first()
    now = timezone.now().astimezone(JAKARTA)
    past_start = datetime(now.year - 1, 10, 17, 9, tzinfo=JAKARTA)
    past, created = _page(
        index,
        slug="future-city-hackathon-" + str(past_start.year),
        title=f"Future City Hackathon {past_start.year}",
        summary="Start-ups and citizens built products for problems posed by Jakarta's agencies.",
        start=past_start,
        tracks=challenges,
        judges=judges,
        rubric=rubric,
    )
    figures = ""
    if created:
        projects = seed_teams(rng, past, participants[:400], PAST_TEAMS, submitted=True)
        reviews = seed_judging(rng, past, rubric, judges, projects, admin)
        awards, votes = seed_results(rng, past, projects, participants, admin)
        figures = f"{len(projects)} projects, {reviews} reviews, {awards} awards, {votes} votes"
    _open_vote(rng, index, challenges, judges, rubric, participants, now)
    upcoming_start = (now + timedelta(days=35)).replace(hour=9, minute=0, second=0, microsecond=0)
    upcoming, created = _page(
        index,
        slug="future-city-hackathon-" + str(upcoming_start.year),
        title=f"Future City Hackathon {upcoming_start.year}",
        summary="Registration is open: form a team and pick a track.",
        start=upcoming_start,
        tracks=challenges,
        judges=judges,
        rubric=rubric,
        opens=now - timedelta(days=5),
    )
    if created:
        seed_teams(rng, upcoming, participants[400:], 6, submitted=False)
    synchronise_page_trees()
    translate_hackathons(index, target)
    stdout.write(
        f"Hackathons: {HackathonPage.objects.filter(locale=home.locale).count()} "
        f"hackathons{'; ' + figures if figures else ''}."
    )


__all__ = ["Locale", "seed"]
