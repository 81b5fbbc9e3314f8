from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import Locale

from portal.i18n import synchronise_page_trees
from portal.models import HomePage
from tests.factories import ProgramManagerFactory, UserFactory


@pytest.fixture
def event_index(demo_site):
    """/events/ in both languages, under moderation, with no events yet."""
    from events.demo import _index

    home = HomePage.objects.get(locale__language_code="en")
    index = _index(home, Locale.objects.get(language_code="id"))
    synchronise_page_trees()
    return index


def make_event(index, *, title="Policy dialogue on floods", days=10, live=True, **fields):
    """A published event ``days`` from now (negative: past); its Indonesian alias follows."""
    from wagtail_localize.synctree import create_aliases_for_new_page

    from events.models import EventPage

    start = timezone.now() + timedelta(days=days)
    page = EventPage(
        title=title,
        summary=fields.pop("summary", f"Summary of {title}"),
        event_type=fields.pop("event_type", "policy_dialogue"),
        start=start,
        end=fields.pop("end", start + timedelta(hours=3)),
        live=live,
        **fields,
    )
    index.add_child(instance=page)
    create_aliases_for_new_page(page)
    revision = page.save_revision()
    if live:
        revision.publish()
    return page


@pytest.fixture
def event(event_index):
    return make_event(
        event_index,
        capacity=2,
        attendance_mode="hybrid",
        join_url="https://meet.example.org/secret-room",
    )


@pytest.fixture
def manager(db):
    return ProgramManagerFactory()


@pytest.fixture
def people(db):
    return UserFactory.create_batch(4)


# --- Hackathons --------------------------------------------------------------------------
PHASES = {
    # phase: days from now for (registration opens, closes, hacking starts, submission deadline,
    # voting closes, judging ends, results)
    "registration": (-1, 5, 6, 8, 12, 14, 16),
    "hacking": (-10, 1, -1, 1, 5, 7, 9),
    "judging": (-20, -5, -4, -1, 3, 5, 7),
    "past": (-40, -30, -29, -27, -22, -20, -18),
}


@pytest.fixture
def hackathon_index(demo_site):
    from events.hackathons.demo import _index

    home = HomePage.objects.get(locale__language_code="en")
    index = _index(home, Locale.objects.get(language_code="id"))
    synchronise_page_trees()
    return index


def make_hackathon(index, *, phase="hacking", title="Future City Hackathon", tracks=2, **fields):
    """A published hackathon in ``phase``, with tracks and a rubric; its Indonesian alias follows."""
    from wagtail_localize.synctree import create_aliases_for_new_page

    from events.models import HackathonPage, Track
    from tests.factories import RubricFactory

    now = timezone.now()
    days = [now + timedelta(days=d) for d in PHASES[phase]]
    page = HackathonPage(
        title=title,
        summary=f"Summary of {title}",
        registration_opens_at=days[0],
        registration_closes_at=days[1],
        hacking_starts_at=days[2],
        submission_deadline=days[3],
        voting_closes_at=days[4],
        judging_ends_at=days[5],
        results_at=days[6],
        rubric=fields.pop("rubric", None) or RubricFactory(criteria=[("Impact", 1)]),
        **fields,
    )
    for number in range(tracks):
        page.tracks.add(Track(name=f"Track {number + 1}", prize="Rp 10,000,000", sort_order=number))
    index.add_child(instance=page)
    create_aliases_for_new_page(page)
    page.save_revision().publish()
    return page


def move_phase(page, phase):
    """Move an existing hackathon's timeline so that it is now in ``phase``."""
    from events.models import HackathonPage

    now = timezone.now()
    days = [now + timedelta(days=d) for d in PHASES[phase]]
    names = [
        "registration_opens_at",
        "registration_closes_at",
        "hacking_starts_at",
        "submission_deadline",
        "voting_closes_at",
        "judging_ends_at",
        "results_at",
    ]
    HackathonPage.objects.filter(pk=page.pk).update(**dict(zip(names, days, strict=True)))
    page.refresh_from_db()
    return page


@pytest.fixture
def hackathon(hackathon_index):
    return make_hackathon(hackathon_index)


def make_team(hackathon, leader, *members, name=None, track=None, organisation=None):
    from events.hackathons import teams
    from events.models import TeamMembership

    team = teams.create_team(
        leader,
        hackathon,
        name=name or f"Team of {leader.email}",
        track=track or hackathon.tracks.first(),
        organisation=organisation,
    )
    for member in members:
        TeamMembership.objects.create(team=team, hackathon=hackathon, user=member)
    return team


def fill(submission, title="Banjir Alert"):
    from events.models import Submission

    Submission.objects.filter(pk=submission.pk).update(
        title=title, tagline=f"{title} tagline", description=f"{title} description"
    )
    submission.refresh_from_db()
    return submission


@pytest.fixture(autouse=True)
def _english_after_each_test():
    """A request to an /id/ page leaves Indonesian active in the thread; later tests that read
    messages in English (here and in other folders) must not depend on which test ran last."""
    yield
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
