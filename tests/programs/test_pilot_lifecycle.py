"""The pilot lifecycle through the workflow engine: who may take each step, what each requires,
and the audit log, timeline and notifications each leaves behind."""

from datetime import date, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from portal.models import Notification, TimelineEntry
from portal.services import ActionRefused
from portal.workflow import TransitionError
from programs.models import Pilot, PilotAgency
from programs.pilots import jobs, services
from tests.programs.pilots import invite_hosts, run_to

pytestmark = pytest.mark.django_db


def refused(call, *args, match=None, **kwargs):
    with pytest.raises((TransitionError, ActionRefused)) as error:
        call(*args, **kwargs)
    if match:
        assert match in str(error.value), str(error.value)
    return str(error.value)


def test_the_whole_lifecycle_with_every_guard(world):
    pilot = world.pilot
    assert pilot.state == "proposed" and not pilot.is_published
    refused(services.take_step, world.lead, pilot, "request_review", match="host agency")
    first, second = invite_hosts(world)
    refused(services.take_step, world.outsider, pilot, "request_review", match="lead")
    services.take_step(world.lead, pilot, "request_review")
    # Approval waits for every host agency.
    refused(services.take_step, world.manager, pilot, "approve", match="Still waiting for")
    services.decide_for_agency(world.host_liaison, first, "accept")
    message = refused(services.take_step, world.manager, pilot, "approve")
    assert world.second_host.name in message and world.host.name not in message
    services.decide_for_agency(world.second_liaison, second, "accept")
    refused(services.take_step, world.lead, pilot, "approve", match="program managers")
    services.take_step(world.manager, pilot, "approve")
    services.take_step(world.lead, pilot, "start")
    # Evaluation needs the report and measured indicators.
    refused(services.take_step, world.lead, pilot, "evaluate", match="evaluation report")
    services.add_document(
        world.lead,
        pilot,
        kind="evaluation_report",
        title="Evaluation",
        uploaded=SimpleUploadedFile("r.pdf", b"%PDF-1.4\n%%EOF\n"),
    )
    refused(services.take_step, world.lead, pilot, "evaluate", match="indicators")
    indicator = services.add_indicator(world.lead, pilot, name="Warning minutes", target=90)
    refused(services.take_step, world.lead, pilot, "evaluate", match="Warning minutes")
    services.measure_indicator(world.lead, indicator, measured=80)
    services.take_step(world.lead, pilot, "evaluate")
    # An extension goes back to piloting, with a reason.
    refused(services.take_step, world.manager, pilot, "extend", match="message")
    services.take_step(world.manager, pilot, "extend", comment="Three more months in the rain.")
    services.take_step(world.lead, pilot, "evaluate")
    # Adoption needs an adoption record, recorded by that agency's liaison only.
    refused(services.take_step, world.manager, pilot, "adopt", match="adoption")
    first.refresh_from_db()
    record = {
        "adopted_on": date(2024, 5, 1),
        "legal_basis": "Governor Regulation 12/2024",
        "scale": "city_wide",
        "service": "Flood early warning in JAKI",
    }
    refused(services.record_adoption, world.manager, first, **record, match=world.host.name)
    refused(services.record_adoption, world.second_liaison, first, **record)
    services.record_adoption(world.host_liaison, first, **record)
    first.refresh_from_db()
    assert first.state == "adopted" and first.adoption.service == "Flood early warning in JAKI"
    services.take_step(world.host_liaison, pilot, "adopt")
    pilot.refresh_from_db()
    assert pilot.state == "adopted" and pilot.reached == 5
    # Every transition is in the audit log with who.
    logs = ModelLogEntry.objects.filter(action="portal.workflow.transition")
    pilot_moves = [e for e in logs if e.data.get("pipeline") == "programs.pilot"]
    assert [e.data["transition"] for e in sorted(pilot_moves, key=lambda e: e.pk)] == [
        "request_review",
        "approve",
        "start",
        "evaluate",
        "extend",
        "evaluate",
        "adopt",
    ]
    assert {e.user for e in pilot_moves} == {world.lead, world.manager, world.host_liaison}
    agency_moves = [e for e in logs if e.data.get("pipeline") == "programs.pilot_agency"]
    assert sorted(e.data["transition"] for e in agency_moves) == ["accept", "accept", "adopt"]
    # Edits of the public record are logged too.
    assert ModelLogEntry.objects.filter(action="programs.pilot.edit").count() == 3


def test_discontinuing_needs_a_reason_and_keeps_the_stage_reached(world):
    run_to(world, "piloting")
    refused(services.take_step, world.lead, world.pilot, "discontinue", match="message")
    services.take_step(world.lead, world.pilot, "discontinue", comment="No budget next year.")
    pilot = Pilot.objects.get(pk=world.pilot.pk)
    assert pilot.state == "discontinued" and pilot.discontinued_reason == "No budget next year."
    assert pilot.reached == 3  # piloting
    refused(services.take_step, world.manager, pilot, "start")


def test_only_that_agencys_liaison_decides_for_it(world):
    first, _second = invite_hosts(world)
    for user in (world.manager, world.lead, world.second_liaison, world.third_liaison):
        refused(services.decide_for_agency, user, first, "accept")
    refused(services.decide_for_agency, world.host_liaison, first, "decline", match="message")
    services.decide_for_agency(world.host_liaison, first, "decline", comment="Not this year.")
    first.refresh_from_db()
    assert first.state == "declined" and first.decision_note == "Not this year."


def test_notifications_reach_the_people_each_step_concerns(world):
    first, _second = invite_hosts(world)
    assert Notification.objects.filter(
        recipient=world.host_liaison, kind="programs.pilot_agency.invited"
    ).exists()
    services.take_step(world.lead, world.pilot, "request_review")
    for user in (world.lead, world.host_liaison, world.second_liaison, world.manager):
        assert Notification.objects.filter(
            recipient=user, kind="programs.pilot.request_review"
        ).exists()
    assert not Notification.objects.filter(recipient=world.third_liaison).exists()
    services.decide_for_agency(world.host_liaison, first, "accept")
    assert Notification.objects.filter(
        recipient=world.lead, kind="programs.pilot_agency.accept"
    ).exists()


def test_internal_notes_stay_internal(world):
    services.add_note(world.lead, world.pilot, text="Budget talk with Bappeda.")
    services.add_note(world.manager, world.pilot, text="Kick-off in Kampung Melayu.", public=True)
    refused(services.add_note, world.outsider, world.pilot, text="Hello")
    notes = TimelineEntry.objects.for_object(world.pilot).filter(action="note")
    assert {n.comment: n.visibility for n in notes} == {
        "Budget talk with Bappeda.": "participants",
        "Kick-off in Kampung Melayu.": "public",
    }


def test_the_reminder_job_reminds_overdue_invitations_once_per_period(world):
    first, _second = invite_hosts(world)
    PilotAgency.objects.filter(pk=first.pk).update(invited_at=timezone.now() - timedelta(days=15))
    assert list(PilotAgency.objects.overdue()) == [first]
    assert jobs.remind_agencies() == 1
    assert jobs.remind_agencies() == 0  # not every hour
    assert (
        Notification.objects.filter(
            recipient=world.host_liaison, kind="programs.pilot_agency.reminder"
        ).count()
        == 1
    )
    later = timezone.now() + timedelta(days=15)
    assert jobs.remind_agencies(now=later) == 2  # the next period: both are overdue by then
    services.decide_for_agency(world.host_liaison, first, "accept")
    assert jobs.remind_agencies(now=later + timedelta(days=15)) == 1


def test_editing_the_pilot_logs_the_public_fields_changed(client, world):
    client.force_login(world.lead)
    address = reverse("programs:pilot_edit", args=[world.pilot.pk])
    page = client.get(address)
    assert page.status_code == 200 and b"lead_organisation" not in page.content
    response = client.post(
        address,
        {
            "title": "River sensors, Ciliwung",
            "summary": "New",
            "start_date": "2024-01-01",
            "end_date": "2023-01-01",
        },
    )
    assert response.status_code == 200 and "comes after" in response.content.decode()
    response = client.post(
        address,
        {"title": "River sensors, Ciliwung", "summary": "New", "districts": ["east", "south"]},
    )
    assert response.status_code == 302
    entry = ModelLogEntry.objects.get(action="programs.pilot.edit")
    assert entry.user == world.lead and entry.data["fields"] == ["districts", "summary", "title"]


def test_an_accepted_proposal_becomes_a_pilot_with_its_fields(client, world):
    from tests.partners.factories import ProposalFactory

    proposal = ProposalFactory(
        organisation=world.lead_org,
        state="accepted",
        title="Floodgate waste alerts",
        problem="Blocked gates.",
    )
    decide = client.get(reverse("proposals:decide", args=[proposal.pk]))
    assert decide.status_code == 302  # not signed in
    client.force_login(world.manager)
    decide = client.get(reverse("proposals:decide", args=[proposal.pk]))
    start = reverse("programs:pilot_new") + f"?proposal={proposal.pk}"
    assert start in decide.content.decode()
    form = client.get(start)
    assert (
        "Floodgate waste alerts" in form.content.decode()
        and "Blocked gates." in form.content.decode()
    )
    response = client.post(
        start,
        {
            "title": "Floodgate waste alerts",
            "problem": "Blocked gates.",
            "lead_organisation": world.lead_org.pk,
        },
    )
    pilot = Pilot.objects.get(proposal=proposal)
    assert response.status_code == 302 and pilot.origin == "proposal" and pilot.state == "proposed"
    assert not pilot.is_published
    assert ModelLogEntry.objects.filter(action="programs.pilot.create").count() == 2
    proposal.state = "in_review"
    proposal.save()
    assert client.get(start).status_code == 404
    client.force_login(world.lead)
    proposal.state = "accepted"
    proposal.save()
    assert client.get(start).status_code == 404


def test_propose_pilot_is_the_entry_point_for_other_apps(world):
    source = world.third_agency  # any model instance stands in for a hackathon submission
    pilot = services.propose_pilot(
        by=None,
        origin="hackathon_submission",
        title="Hack",
        lead_organisation=world.lead_org,
        source=source,
    )
    assert pilot.source == source and pilot.state == "proposed" and not pilot.is_published
    assert TimelineEntry.objects.for_object(pilot).filter(action="propose").exists()
