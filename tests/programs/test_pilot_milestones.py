"""A pilot's milestones on the one milestone pipeline: the lead team moves its work forward and
submits the evidence, program managers accept it or request changes, each step with its
timeline and audit entry; the public page shows what it showed before (due date, title and
planned / in progress / done / delayed); today's status values survive the migration."""

import importlib
from datetime import date

import pytest
from django.apps import apps
from django.urls import reverse
from wagtail.models import ModelLogEntry

from portal.models import Notification, TimelineEntry
from portal.services import ActionRefused
from programs.models import PilotMilestone
from programs.pilots import services

pytestmark = pytest.mark.django_db


def _page(milestone):
    return reverse("programs:pilot_milestone_detail", args=[milestone.pilot_id, milestone.pk])


def test_the_lead_team_submits_and_a_program_manager_accepts(client, world):
    client.force_login(world.lead)
    manage = reverse("programs:pilot", args=[world.pilot.pk])
    response = client.post(
        reverse("programs:pilot_milestone", args=[world.pilot.pk]),
        {
            "milestone-title": "Sensors installed on the Ciliwung",
            "milestone-title_id": "Sensor terpasang di Ciliwung",
            "milestone-due_on": "2024-03-01",
        },
    )
    assert response.status_code == 302
    milestone = PilotMilestone.objects.get()
    assert (milestone.state, milestone.title_id) == ("planned", "Sensor terpasang di Ciliwung")
    assert _page(milestone) in client.get(manage).content.decode()
    client.post(_page(milestone), {"action": "start", "expected_state": "planned"})
    response = client.post(
        _page(milestone),
        {"action": "submit", "evidence": "", "expected_state": "in_progress"},
    )
    assert "Describe the evidence first" in response.content.decode()
    response = client.post(
        _page(milestone),
        {
            "action": "submit",
            "evidence": "Twelve sensors, photos in the shared folder.",
            "expected_state": "in_progress",
        },
    )
    assert response.status_code == 302
    with pytest.raises(ActionRefused, match="Only program managers"):
        services.milestone_step(world.lead, milestone, "accept")
    assert Notification.objects.filter(
        recipient=world.manager, kind="portal.milestone.submit"
    ).exists()
    client.force_login(world.manager)
    page = client.get(_page(milestone)).content.decode()
    assert "Twelve sensors, photos in the shared folder." in page and "Accept as done" in page
    client.post(_page(milestone), {"action": "request_changes", "comment": "Add the map."})
    client.force_login(world.lead)
    client.post(
        _page(milestone),
        {"action": "submit", "evidence": "Map added.", "expected_state": "changes_requested"},
    )
    services.milestone_step(world.manager, milestone, "accept", expected_state="submitted")
    milestone.refresh_from_db()
    assert milestone.state == "done" and milestone.reviewed_by == world.manager
    steps = ["start", "submit", "request_changes", "submit", "accept"]
    assert [e.action for e in TimelineEntry.objects.for_object(milestone)] == steps
    logs = ModelLogEntry.objects.filter(action="portal.workflow.transition").order_by("pk")
    assert [log.data["transition"] for log in logs] == steps
    assert ModelLogEntry.objects.filter(action="programs.pilot.edit").count() == 1  # the add
    assert Notification.objects.filter(
        recipient=world.lead, kind="portal.milestone.request_changes"
    ).exists()


def test_agencies_read_the_milestone_but_only_the_lead_team_works_on_it(client, world):
    services.invite_agency(world.manager, world.pilot, world.host, "host")
    milestone = services.add_milestone(
        world.lead, world.pilot, title="Data-sharing agreement", due_on=date(2024, 2, 1)
    )
    client.force_login(world.host_liaison)
    page = client.get(_page(milestone))
    assert page.status_code == 200 and "No step is open to you now." in page.content.decode()
    response = client.post(_page(milestone), {"action": "start", "expected_state": "planned"})
    assert "Only the team working on this milestone" in response.content.decode()
    client.force_login(world.third_liaison)  # an agency not involved: 404
    assert client.get(_page(milestone)).status_code == 404
    milestone.refresh_from_db()
    assert milestone.state == "planned"
    # A closed pilot's milestones no longer move for the team; program managers still may.
    services.milestone_step(world.lead, milestone, "start")
    services.take_step(world.lead, world.pilot, "discontinue", comment="No budget.")
    with pytest.raises(ActionRefused, match="closed pilot"):
        services.milestone_step(world.lead, milestone, "delay", comment="Stopped.")
    services.milestone_step(world.manager, milestone, "delay", comment="Pilot stopped.")
    milestone.refresh_from_db()
    assert milestone.state == "delayed"


def test_the_public_page_shows_the_milestones_as_before(client, pilot_index, world):
    done, running, waiting, late, planned = (
        services.add_milestone(world.manager, world.pilot, title=title, due_on=date(2024, 1, n))
        for n, title in enumerate(["Kick-off", "Field test", "Report", "Training", "Hand-over"], 1)
    )
    for milestone in (done, running, waiting):
        services.milestone_step(world.lead, milestone, "start")
    for milestone in (done, waiting):
        services.milestone_step(world.lead, milestone, "submit", evidence="SECRET-EVIDENCE")
    services.milestone_step(world.manager, done, "accept")
    services.milestone_step(world.lead, late, "delay", comment="SECRET-REASON")
    services.set_published(world.manager, world.pilot, True)
    html = client.get(pilot_index.pilot_url(world.pilot)).content.decode()
    section = html.split('id="milestones-heading"', 1)[1].split("</section>", 1)[0]
    items = [" ".join(item.split()) for item in section.split("<li>")[1:]]
    assert [item.split(" · ", 1)[1].split("<", 1)[0] for item in items] == [
        "Kick-off · Done",
        "Field test · In progress",
        "Report · In progress",  # evidence under review: still in progress for the public
        "Training · Delayed",
        "Hand-over · Planned",
    ]
    assert "SECRET-EVIDENCE" not in html and "SECRET-REASON" not in html
    assert planned.state == "planned"


def test_the_migration_keeps_every_pilot_milestone_and_its_status(world):
    migration = importlib.import_module("programs.migrations.0010_milestones")
    rows = {
        status: services.add_milestone(
            world.manager, world.pilot, title=status, due_on=date(2024, 1, 1)
        )
        for status in ("planned", "in_progress", "done", "delayed", "cancelled")
    }
    for status, milestone in rows.items():
        PilotMilestone.objects.filter(pk=milestone.pk).update(state=status)
    migration.keep_states(apps, None)
    after = dict(PilotMilestone.objects.values_list("title", "state"))
    assert after == {
        "planned": "planned",
        "in_progress": "in_progress",
        "done": "done",
        "delayed": "delayed",
        "cancelled": "planned",  # unknown to the pipeline: kept, as planned
    }
