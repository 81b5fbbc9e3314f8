"""An awarded hackathon project becomes a pilot: its team's organisation leads, the track's
challenge stays linked and its agency is invited as host; only once, only by program managers."""

import pytest
from django.urls import reverse

from events.hackathons import judging, submissions
from partners.models import Membership
from programs.models import Pilot
from tests.events.conftest import fill, hackathon, hackathon_index, make_team  # noqa: F401
from tests.factories import OrganisationFactory, ProgramManagerFactory, UserFactory
from tests.partners.conftest import challenge_index, directories, make_challenge  # noqa: F401
from tests.programs.pilots import pilot_index  # noqa: F401

pytestmark = pytest.mark.django_db


@pytest.fixture
def winner(hackathon, challenge_index):  # noqa: F811 - the fixtures imported above
    """An awarded project of a start-up team, on a track tied to an agency's challenge."""
    challenge = make_challenge(
        challenge_index,
        title="Floodgate alerts",
        agency=OrganisationFactory(kind="agency", name="Dinas SDA"),
    )
    track = hackathon.tracks.first()
    track.challenge = challenge
    track.save()
    leader, startup = UserFactory(), OrganisationFactory(name="Banjir Labs")
    Membership.objects.create(organisation=startup, user=leader, role="owner")
    team = make_team(hackathon, leader, UserFactory(), name="Banjir crew", organisation=startup)
    fill(team.submission, title="Banjir Alert")
    submissions.submit(leader, team.submission)
    manager = ProgramManagerFactory()
    judging.add_award(manager, hackathon, team.submission, title="Track winner")
    judging.publish_awards(manager, hackathon)
    team.submission.refresh_from_db()
    return team.submission, challenge, manager


def test_an_awarded_project_becomes_a_pilot_once(client, hackathon, winner, pilot_index):  # noqa: F811
    project, challenge, manager = winner
    start = reverse("programs:pilot_new") + f"?submission={project.pk}"

    client.force_login(manager)
    desk = client.get(reverse("hackathon_submissions:desk", args=[hackathon.pk]))
    assert start in desk.content.decode()
    form = client.get(start).content.decode()
    assert "Banjir Alert" in form and "Banjir Alert tagline" in form

    response = client.post(
        start,
        {
            "title": "Banjir Alert",
            "summary": "Banjir Alert tagline",
            "lead_organisation": project.team.organisation_id,
        },
    )
    pilot = Pilot.objects.get(origin="hackathon_submission")
    assert response.status_code == 302
    assert pilot.source == project and pilot.challenge == challenge
    assert pilot.lead_organisation.name == "Banjir Labs" and not pilot.is_published
    assert [(i.agency, i.role, i.state) for i in pilot.involvements.all()] == [
        (challenge.owner_agency, "host", "invited")
    ]
    # Once published, the pilot's public page links back to the project in the gallery.
    pilot.is_published = True
    pilot.save()
    page = client.get(pilot_index.pilot_url(pilot))
    assert page.status_code == 200 and f"projects/{project.pk}/" in page.content.decode()

    # A second start lands on the pilot it already became; no duplicate.
    again = client.get(start)
    assert again.status_code == 302 and again.url.endswith(f"/{pilot.pk}/")
    assert Pilot.objects.filter(origin="hackathon_submission").count() == 1


def test_only_awarded_projects_of_organisations_and_only_program_managers(
    client,
    hackathon,  # noqa: F811
    winner,
):
    project, _challenge, manager = winner
    start = reverse("programs:pilot_new") + f"?submission={project.pk}"
    client.force_login(project.team.memberships.first().user)  # the team itself may not
    assert client.get(start).status_code == 404

    loser = make_team(hackathon, UserFactory(), UserFactory(), name="No prize")
    fill(loser.submission, title="Almost")
    client.force_login(manager)
    url = reverse("programs:pilot_new") + f"?submission={loser.submission.pk}"
    assert client.get(url).status_code == 404
    assert client.post(url, {"title": "Almost", "lead_organisation": manager.pk}).status_code == 404
    assert not Pilot.objects.exists()
