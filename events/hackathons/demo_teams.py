"""Teams of the demo hackathons and their projects: names, tracks, members drawn from the demo
participants, and a submission each (submitted for past hackathons, a draft for upcoming ones).
Bulk-created; the site search is reindexed for the projects."""

from datetime import timedelta

from events.models import Submission, Team, TeamMembership
from partners.models import Organisation
from portal.search.indexing import reindex

PROJECT_WORDS = [
    "Banjir",
    "Udara",
    "Pasar",
    "Jalan",
    "Warga",
    "Kali",
    "Sampah",
    "Lampu",
    "Halte",
    "Kampung",
    "Sehat",
    "Data",
    "Hijau",
    "Aman",
    "Cepat",
    "Pintar",
]
PROJECT_ENDS = ["Alert", "Map", "Hub", "Link", "Kita", "Go", "Watch", "Loop", "Pay", "Lens"]
TECH = [
    "Python",
    "Django",
    "Flutter",
    "React",
    "PostgreSQL",
    "PostGIS",
    "TensorFlow",
    "Kotlin",
    "Node.js",
    "LoRaWAN",
    "OpenStreetMap",
    "WhatsApp API",
]


def seed_teams(rng, page, people, count, *, submitted, first=0):
    startups = list(Organisation.objects.verified().filter(kind="startup").order_by("pk")[:20])
    tracks = list(page.tracks.all())
    teams, memberships, projects = [], [], []
    used = set(TeamMembership.objects.filter(hackathon=page).values_list("user_id", flat=True))
    pool = [p for p in people if p.pk not in used]
    rng.shuffle(pool)
    for number in range(first, first + count):
        name = f"{PROJECT_WORDS[number % 16]}{PROJECT_ENDS[(number * 3) % 10]} {number + 1}"
        teams.append(
            Team(
                hackathon=page,
                name=f"Tim {name}",
                track=tracks[number % len(tracks)],
                looking_for_members=not submitted and number % 2 == 0,
                skills_wanted="UX design, Flutter" if number % 2 == 0 else "",
                organisation=startups[number % len(startups)]
                if startups and number % 3 == 0
                else None,
            )
        )
    Team.objects.bulk_create(teams)
    for team in teams:
        size = rng.randint(2, 4) if submitted else rng.randint(1, 2)
        for seat in range(size):
            memberships.append(
                TeamMembership(
                    team=team,
                    hackathon=page,
                    user=pool.pop(),
                    role="leader" if seat == 0 else "member",
                )
            )
        title = team.name.removeprefix("Tim ").rsplit(" ", 1)[0]
        projects.append(
            Submission(
                hackathon=page,
                team=team,
                state="submitted" if submitted else "draft",
                title=title if submitted else "",
                tagline=f"{title}: faster answers for residents on {team.track.name.lower()[:80]}",
                problem="Residents wait too long for answers.",
                description="A mobile-first service with a dashboard for the agency, built on open "
                "data from Satu Data Jakarta.",
                repository_url=f"https://github.com/example/{title.lower()}",
                demo_url=f"https://{title.lower()}.example.org",
                technologies=", ".join(rng.sample(TECH, 3)),
                licence="MIT",
                submitted_at=page.submission_deadline - timedelta(hours=rng.randint(1, 30))
                if submitted
                else None,
            )
        )
    TeamMembership.objects.bulk_create(memberships)
    Submission.objects.bulk_create(projects)
    reindex(Submission.objects.filter(hackathon=page))  # the site search finds the projects
    return projects
