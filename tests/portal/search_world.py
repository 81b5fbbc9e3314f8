"""A small world of every searchable record type, each public and private, for the search tests.

Every public record carries the word "Ciliwung"; every private one too, with "secret" in its
name, so one search proves both what is found and what never is.
"""

from dataclasses import dataclass
from datetime import date

from django.utils import timezone
from wagtail.models import Locale

from events.demo import _index as event_index
from events.hackathons.demo import _index as hackathon_index
from events.models import Speaker, Submission, Team
from partners.demo import _directories
from portal.i18n import synchronise_page_trees
from portal.models import HomePage, Pillar, StandardPage
from programs import demo as programs_demo
from programs.pilots import services as pilot_services
from programs.pilots.demo import index as pilot_index
from tests.events.conftest import make_event, make_hackathon
from tests.factories import OrganisationFactory, ProgramManagerFactory
from tests.programs.conftest import make_programme, make_recommendation

WORD = "Ciliwung"


@dataclass
class World:
    organisation: object
    agency: object
    pilot: object
    speaker: object
    project: object
    event: object
    programme: object
    recommendation: object
    page: object
    private: list


def build_world():
    home = HomePage.objects.get(locale__language_code="en")
    indonesian = Locale.objects.get(language_code="id")
    _directories(home, indonesian)
    events = event_index(home, indonesian)
    hackathons = hackathon_index(home, indonesian)
    pilot_index(home, indonesian)
    programmes, policy = programs_demo._indexes(home, indonesian)
    synchronise_page_trees()
    environment = Pillar.objects.get(slug="smart-environment", locale__language_code="en")
    manager = ProgramManagerFactory()

    organisation = OrganisationFactory(name=f"{WORD} Labs", description="<p>River sensors.</p>")
    organisation.pillars.add(environment)
    agency = OrganisationFactory(name=f"{WORD} River Agency", kind="agency")
    private = [
        OrganisationFactory(name=f"{WORD} secret pending", verification_state="pending"),
        OrganisationFactory(name=f"{WORD} secret suspended", verification_state="suspended"),
    ]
    pilot = pilot_services.propose_pilot(
        by=manager,
        origin="direct",
        title=f"{WORD} water-level sensors",
        summary="Sensors warn the kampung before the river floods.",
        lead_organisation=organisation,
    )
    pilot.start_date = date(2023, 3, 1)
    pilot.save()
    pilot.pillars.add(environment)
    pilot_services.set_published(manager, pilot, True)
    private.append(
        pilot_services.propose_pilot(
            by=manager, origin="direct", title=f"{WORD} secret pilot", lead_organisation=agency
        )
    )
    speaker = Speaker.objects.create(name=f"Rina {WORD}", bio="Hydrologist of the river basin.")
    hackathon = make_hackathon(hackathons, phase="judging", title="River hackathon")
    project = _project(hackathon, f"{WORD} Watch", "submitted")
    private += [
        _project(hackathon, f"{WORD} secret draft", "draft"),
        _project(hackathon, f"{WORD} secret hidden", "submitted", hidden_from_gallery=True),
        _project(hackathon, f"{WORD} secret disqualified", "disqualified"),
    ]
    event = make_event(events, title=f"{WORD} clean-up dialogue")
    private.append(make_event(events, title=f"{WORD} secret draft event", live=False))
    programme = make_programme(programmes, title=f"{WORD} resilience exchange")
    recommendation = make_recommendation(policy, title=f"Open the {WORD} sensor data")
    private.append(make_recommendation(policy, title=f"{WORD} secret draft", live=False))
    page = StandardPage(title=f"About the {WORD}", slug="about-the-river", intro="The river.")
    home.add_child(instance=page)
    page.save_revision().publish()
    return World(
        organisation=organisation,
        agency=agency,
        pilot=pilot,
        speaker=speaker,
        project=project,
        event=event,
        programme=programme,
        recommendation=recommendation,
        page=page,
        private=private,
    )


def _project(hackathon, title, state, **fields):
    team = Team.objects.create(hackathon=hackathon, name=f"Team {title}")
    return Submission.objects.create(
        hackathon=hackathon,
        team=team,
        title=title,
        state=state,
        tagline="Alerts for the river",
        submitted_at=timezone.now(),
        **fields,
    )
