"""Cohort start-ups' milestones on the one milestone pipeline (portal/milestones): every step
leaves a timeline and an audit entry, evidence is required to submit, a start-up never accepts
its own milestone, other start-ups get 404, the overdue reminder is sent once per milestone,
and program managers filter, export and review them in the admin."""

import csv
import io
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from partners.models import Membership
from portal.milestones import jobs
from portal.models import Notification, OutgoingEmail, TimelineEntry
from portal.services import ActionRefused
from programs.cohorts import milestones as services
from programs.models import CohortMember, CohortMilestone
from tests.conftest import XSS_PAYLOADS, assert_harmless, page_queries
from tests.factories import OrganisationFactory, ProgramManagerFactory, UserFactory
from tests.programs.cohorts import make_cohort

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n%%EOF\n"


@pytest.fixture
def startup(cohort_world):
    """The world's start-up in its cohort, with one planned milestone."""
    w = cohort_world
    member = CohortMember.objects.create(cohort=w.cohort, organisation=w.startup)
    milestone = services.add_milestone(
        w.manager,
        member,
        title="Prototype tested with an agency",
        due_on=timezone.localdate() + timedelta(days=30),
    )
    return w, member, milestone


def refused(call, *args, match="", **kwargs):
    with pytest.raises(ActionRefused) as error:
        call(*args, **kwargs)
    assert match in str(error.value), str(error.value)
    return str(error.value)


def _page(milestone):
    return reverse("programs:cohort_milestone", args=[milestone.pk])


def test_each_step_leaves_a_timeline_and_an_audit_entry(startup):
    w, member, milestone = startup
    services.take_step(w.owner, milestone, "start")
    services.take_step(w.editor, milestone, "submit", evidence="Test report signed by the agency.")
    services.take_step(w.manager, milestone, "request_changes", comment="Add the agency's letter.")
    services.take_step(w.plain_member, milestone, "submit", evidence="Letter attached.")
    services.take_step(w.manager, milestone, "accept")
    late = services.add_milestone(w.manager, member, title="Demo day", due_on=timezone.localdate())
    services.take_step(w.owner, late, "delay", comment="The agency moved the test to May.")
    services.take_step(w.owner, late, "resume")

    milestone.refresh_from_db()
    assert milestone.state == "done" and milestone.completed_on == timezone.localdate()
    assert milestone.reviewed_by == w.manager and milestone.reviewed_at is not None
    steps = ["start", "submit", "request_changes", "submit", "accept"]
    timeline = TimelineEntry.objects.for_object(milestone)
    assert [e.action for e in timeline] == steps
    assert [e.actor for e in timeline] == [w.owner, w.editor, w.manager, w.plain_member, w.manager]
    # The evidence of each submission stays on record, and the reviewer's reason.
    assert [e.comment for e in timeline][1:3] == [
        "Test report signed by the agency.",
        "Add the agency's letter.",
    ]
    logs = ModelLogEntry.objects.filter(action="portal.workflow.transition").order_by("pk")
    by_object = {}
    for log in logs:
        by_object.setdefault(log.object_id, []).append(log.data["transition"])
    assert by_object == {str(milestone.pk): steps, str(late.pk): ["delay", "resume"]}
    assert {log.data["pipeline"] for log in logs} == {"portal.milestone"}
    # Program managers hear of submissions and delays; the start-up of reviews.
    kinds = set(Notification.objects.filter(recipient=w.manager).values_list("kind", flat=True))
    assert kinds == {"portal.milestone.submit", "portal.milestone.delay"}
    owner_kinds = Notification.objects.filter(recipient=w.owner).values_list("kind", flat=True)
    assert sorted(owner_kinds) == [
        "portal.milestone.accept",
        "portal.milestone.delay",
        "portal.milestone.request_changes",
    ]
    assert not Notification.objects.filter(recipient=w.outsider).exists()


def test_evidence_is_required_to_submit_and_typed_input_is_kept(client, startup):
    w, _member, milestone = startup
    services.take_step(w.owner, milestone, "start")
    refused(services.take_step, w.owner, milestone, "submit", match="Describe the evidence")
    refused(services.take_step, w.owner, milestone, "submit", evidence="   \n ")
    client.force_login(w.owner)
    page = client.get(_page(milestone)).content.decode()
    assert "Submit the evidence" in page and "Report a delay" in page
    # A renamed program is refused by its content; what was typed stays in the form.
    response = client.post(
        _page(milestone),
        {
            "action": "submit",
            "evidence": "Photos of the field test.",
            "evidence_file": SimpleUploadedFile("report.pdf", b"MZ\x90\x00 not a pdf"),
            "expected_state": "in_progress",
        },
    )
    html = response.content.decode()
    assert response.status_code == 200 and "we check the content" in html
    assert "Photos of the field test." in html
    response = client.post(
        _page(milestone), {"action": "submit", "evidence": "", "expected_state": "in_progress"}
    )
    assert "Describe the evidence first" in response.content.decode()
    milestone.refresh_from_db()
    assert milestone.state == "in_progress" and milestone.evidence == ""
    assert not milestone.evidence_file
    assert [e.action for e in TimelineEntry.objects.for_object(milestone)] == ["start"]
    response = client.post(
        _page(milestone),
        {
            "action": "submit",
            "evidence": "Photos of the field test.",
            "evidence_file": SimpleUploadedFile("report.pdf", PDF),
            "expected_state": "in_progress",
        },
    )
    assert response.status_code == 302
    milestone.refresh_from_db()
    assert milestone.state == "submitted" and milestone.evidence_type == "application/pdf"
    download = client.get(reverse("programs:cohort_milestone_evidence", args=[milestone.pk]))
    assert download.status_code == 200 and b"".join(download.streaming_content) == PDF
    assert {"private", "no-store"} <= set(download["Cache-Control"].replace(" ", "").split(","))


def test_a_start_up_member_cannot_accept_their_own_milestone(client, startup):
    w, _member, milestone = startup
    services.take_step(w.owner, milestone, "start")
    services.take_step(w.owner, milestone, "submit", evidence="Done, trust us.")
    refused(services.take_step, w.owner, milestone, "accept", match="Only program managers")
    # A program manager who belongs to the start-up is refused too: another one reviews it.
    insider = ProgramManagerFactory()
    Membership.objects.create(organisation=w.startup, user=insider, role="member")
    refused(services.take_step, insider, milestone, "accept", match="your own team")
    client.force_login(w.owner)
    page = client.get(_page(milestone)).content.decode()
    assert "Accept as done" not in page
    response = client.post(_page(milestone), {"action": "accept", "expected_state": "submitted"})
    assert response.status_code == 200 and "Only program managers" in response.content.decode()
    milestone.refresh_from_db()
    assert milestone.state == "submitted" and milestone.completed_on is None


def test_a_member_of_another_start_up_gets_404(client, startup):
    w, _member, milestone = startup
    milestone.evidence_file.save("1.pdf", io.BytesIO(PDF))
    other = OrganisationFactory(name="Udara Bersih Tech", kind="startup")
    neighbour = UserFactory()
    Membership.objects.create(organisation=other, user=neighbour, role="owner")
    theirs = services.add_milestone(
        w.manager,
        CohortMember.objects.create(cohort=w.cohort, organisation=other),
        title="Air sensors installed",
        due_on=timezone.localdate(),
    )
    client.force_login(neighbour)
    evidence = reverse("programs:cohort_milestone_evidence", args=[milestone.pk])
    assert client.get(_page(milestone)).status_code == 404
    assert client.get(evidence).status_code == 404
    assert client.post(_page(milestone), {"action": "start"}).status_code == 404
    listing = client.get(reverse("programs:cohort_milestones")).content.decode()
    assert "Air sensors installed" in listing and "Prototype tested" not in listing
    assert client.get(_page(theirs)).status_code == 200
    milestone.refresh_from_db()
    assert milestone.state == "planned"
    assert not TimelineEntry.objects.for_object(milestone).exists()


def test_the_overdue_reminder_sends_one_notice_per_overdue_milestone_once(startup, world):
    w, member, milestone = startup
    today = timezone.localdate()
    overdue = [milestone]
    CohortMilestone.objects.filter(pk=milestone.pk).update(due_on=today - timedelta(days=3))
    delayed = services.add_milestone(w.manager, member, title="Late", due_on=today)
    services.take_step(w.owner, delayed, "delay", comment="Waiting for the agency.")
    CohortMilestone.objects.filter(pk=delayed.pk).update(due_on=today - timedelta(days=1))
    overdue.append(delayed)
    waiting = services.add_milestone(w.manager, member, title="Waiting", due_on=today)
    services.take_step(w.owner, waiting, "start")
    services.take_step(w.owner, waiting, "submit", evidence="Sent")
    CohortMilestone.objects.filter(pk=waiting.pk).update(due_on=today - timedelta(days=9))
    services.add_milestone(w.manager, member, title="Not yet due", due_on=today)
    # A pilot's overdue milestone reminds its lead team; a closed pilot's does not.
    from programs.pilots import services as pilot_services

    pilot_milestone = pilot_services.add_milestone(
        world.manager, world.pilot, title="Sensors installed", due_on=today - timedelta(days=2)
    )
    Notification.objects.all().delete()
    OutgoingEmail.objects.all().delete()

    assert jobs.remind_overdue() == 3
    assert jobs.remind_overdue() == 0  # once, however often the job runs
    reminders = Notification.objects.filter(kind="portal.milestone.overdue")
    for user in (w.owner, w.editor, w.plain_member):
        assert sorted(r.body.split(" · ")[-1] for r in reminders.filter(recipient=user)) == [
            "Late",
            "Prototype tested with an agency",
        ]
    assert reminders.filter(recipient=world.lead, body__contains="Sensors installed").count() == 1
    assert not reminders.filter(recipient__in=[w.manager, w.outsider]).exists()
    # Each notice is e-mailed through the outbox.
    assert OutgoingEmail.objects.count() == reminders.count() == 7
    pilot_milestone.refresh_from_db()
    assert pilot_milestone.reminded_at is not None
    closed = pilot_services.add_milestone(
        world.manager, world.pilot, title="Closed", due_on=today - timedelta(days=2)
    )
    pilot_services.take_step(world.manager, world.pilot, "discontinue", comment="No budget.")
    assert jobs.remind_overdue() == 0
    closed.refresh_from_db()
    assert closed.reminded_at is None


def _index(query=""):
    return reverse("cohort_milestones:index") + query


def test_the_admin_list_filters_exports_and_reviews(client, startup):
    w, _member, milestone = startup
    other_cohort = make_cohort("Future City Accelerator, batch 1", past=True)
    elsewhere = services.plan_for_cohort(
        w.manager, other_cohort, title="Nobody to plan for", due_on=timezone.localdate()
    )
    assert elsewhere == []  # a cohort without start-ups gets no milestones
    alumni = CohortMember.objects.create(
        cohort=other_cohort, organisation=OrganisationFactory(name="Pasar Data")
    )
    old = services.add_milestone(
        w.manager, alumni, title="Demo-day pitch", due_on=timezone.localdate() - timedelta(days=5)
    )
    services.take_step(w.owner, milestone, "start")
    services.take_step(w.owner, milestone, "submit", evidence="Report of the field test.")
    client.force_login(w.manager)
    listing = client.get(_index(f"?cohort={w.cohort.pk}")).content.decode()
    assert "Prototype tested with an agency" in listing and "Demo-day pitch" not in listing
    listing = client.get(_index("?state=submitted")).content.decode()
    assert "Prototype tested with an agency" in listing and "Demo-day pitch" not in listing
    listing = client.get(_index("?overdue=true")).content.decode()
    assert "Demo-day pitch" in listing and "Prototype tested with an agency" not in listing
    export = client.get(_index(f"?cohort={other_cohort.pk}&export=csv"))
    rows = list(csv.reader(io.StringIO(b"".join(export.streaming_content).decode("utf-8-sig"))))
    assert rows[0][:6] == [
        "Milestone",
        "Milestone (Bahasa Indonesia)",
        "Start-up",
        "Cohort",
        "Due",
        "State",
    ]
    assert [row[0] for row in rows[1:]] == ["Demo-day pitch"] and rows[1][2] == "Pasar Data"
    assert client.get(_index("?export=xlsx")).status_code == 200
    # The review screen takes the same steps: a reason is required to send it back.
    review = reverse("cohort_milestones:review", args=[milestone.pk])
    page = client.get(review).content.decode()
    assert "Report of the field test." in page and "Accept as done" in page
    response = client.post(review, {"action": "request_changes", "comment": ""})
    assert response.status_code == 200 and "Please write a message" in response.content.decode()
    milestone.refresh_from_db()
    assert milestone.state == "submitted"
    response = client.post(review, {"action": "accept", "expected_state": "submitted"})
    assert response.status_code == 302
    milestone.refresh_from_db()
    assert milestone.state == "done" and milestone.reviewed_by == w.manager
    # Editing the due date in the admin makes the overdue reminder due again.
    assert jobs.remind_overdue() == 1
    old.refresh_from_db()
    assert old.reminded_at is not None
    edit = reverse("cohort_milestones:edit", args=[old.pk])
    response = client.post(
        edit,
        {
            "member": alumni.pk,
            "title": "Demo-day pitch",
            "title_id": "",
            "due_on": (timezone.localdate() - timedelta(days=1)).isoformat(),
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    old.refresh_from_db()
    assert old.reminded_at is None and old.state == "planned"
    assert jobs.remind_overdue() == 1


def test_hostile_text_is_harmless_on_every_milestone_screen(client, startup):
    w, _member, milestone = startup
    payload = "\n".join(XSS_PAYLOADS)[:4000]
    CohortMilestone.objects.filter(pk=milestone.pk).update(title=XSS_PAYLOADS[0][:200])
    services.take_step(w.owner, milestone, "start")
    services.take_step(w.owner, milestone, "submit", evidence=payload)
    client.force_login(w.owner)
    for address in (_page(milestone), reverse("programs:cohort_milestones")):
        assert_harmless(_main(client.get(address)), allowed_tags=("form", "input"))
    client.force_login(w.manager)
    for address in (reverse("cohort_milestones:review", args=[milestone.pk]), _index()):
        assert_harmless(_main(client.get(address)), allowed_tags=("form", "input", "svg"))


def _main(response):
    assert response.status_code == 200
    return response.content.decode().split("<main", 1)[1].split("</main>", 1)[0]


def _milestones(member, manager, count):
    for number in range(count):
        milestone = services.add_milestone(
            manager, member, title=f"Milestone {number}", due_on=timezone.localdate()
        )
        services.take_step(manager, milestone, "start")


def test_milestone_lists_cost_the_same_at_ten_times_the_milestones(client, startup):
    w, member, _milestone = startup
    _milestones(member, w.manager, 2)
    member_pages = [reverse("programs:cohort_milestones")]
    admin_pages = [_index(), _index("?state=in_progress")]
    client.force_login(w.owner)
    few = [page_queries(client, address) for address in member_pages]
    client.force_login(w.manager)
    few_admin = [page_queries(client, address) for address in admin_pages]
    _milestones(member, w.manager, 20)
    client.force_login(w.owner)
    assert [page_queries(client, address) for address in member_pages] == few
    client.force_login(w.manager)
    assert [page_queries(client, address) for address in admin_pages] == few_admin


def test_the_start_up_finds_its_milestones_from_the_dashboard(client, startup):
    w, _member, milestone = startup
    client.force_login(w.plain_member)
    dashboard = client.get("/en/me/").content.decode()
    assert reverse("programs:cohort_milestones") in dashboard
    services.take_step(w.owner, milestone, "start")
    services.take_step(w.owner, milestone, "submit", evidence="Report")
    services.take_step(w.manager, milestone, "request_changes", comment="Add the letter.")
    dashboard = client.get("/en/me/").content.decode()
    assert "Milestone: changes requested" in dashboard and _page(milestone) in dashboard
    client.force_login(w.outsider)
    assert reverse("programs:cohort_milestones") not in client.get("/en/me/").content.decode()
