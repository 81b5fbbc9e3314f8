"""Intake: who may apply, drafts, questions, co-authors, attachments, the deadline on the server,
and the pipeline through the workflow engine up to accepted, waitlisted and declined, with the
freed seat offered to the first one waiting."""

from datetime import date, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from partners.models import Membership
from portal.models import Notification, TimelineEntry
from portal.services import ActionRefused
from programs.cohorts import services
from programs.models import Cohort, CohortApplication, CohortMember
from tests.factories import OrganisationFactory, UserFactory
from tests.programs.cohorts import complete

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"


def _applicant(cohort, name):
    organisation = OrganisationFactory(name=name, kind="startup")
    owner = UserFactory()
    Membership.objects.create(organisation=organisation, user=owner, role="owner")
    application = complete(services.start_application(owner, cohort, organisation))
    return application, owner


def test_owners_and_editors_of_a_verified_eligible_organisation_apply(cohort_world):
    w = cohort_world
    assert services.start_application(w.editor, w.cohort, w.startup).state == "draft"
    with pytest.raises(ActionRefused, match="already applied"):
        services.start_application(w.owner, w.cohort, w.startup)
    with pytest.raises(ActionRefused, match="owners and editors"):
        services.start_application(w.plain_member, w.cohort, w.startup)
    pending = OrganisationFactory(kind="startup", verification_state="pending")
    Membership.objects.create(organisation=pending, user=w.owner, role="owner")
    with pytest.raises(ActionRefused, match="verified"):
        services.start_application(w.owner, w.cohort, pending)
    ngo = OrganisationFactory(kind="ngo")
    Membership.objects.create(organisation=ngo, user=w.owner, role="owner")
    with pytest.raises(ActionRefused, match="not open to organisations of this kind"):
        services.start_application(w.owner, w.cohort, ngo)


def test_submitting_names_what_is_missing_including_required_questions(cohort_world):
    w = cohort_world
    w.cohort.questions = [
        (
            "question",
            {
                "question": "Stage of your product",
                "help_text": "",
                "required": True,
                "choices": "Idea\nPrototype",
            },
        )
    ]
    w.cohort.save()
    application = services.start_application(w.owner, w.cohort, w.startup)
    with pytest.raises(
        ActionRefused, match="pitch, problem, solution, team, Stage of your product"
    ):
        services.take_step(w.owner, application, "submit")
    with pytest.raises(ActionRefused, match="one of the answers"):
        services.save_draft(w.owner, application, {"answers": {"Stage of your product": "Unicorn"}})
    services.save_draft(
        w.owner,
        application,
        {
            "pitch": "Floodgate <b>reports</b>\x00",
            "problem": "p",
            "solution": "s",
            "team": "t",
            "answers": {"Stage of your product": "Prototype"},
        },
    )
    application.refresh_from_db()
    assert application.pitch == "Floodgate <b>reports</b>"  # stored as typed, escaped when shown
    services.take_step(w.owner, application, "submit")
    application.refresh_from_db()
    assert application.state == "submitted" and application.submitted_at


def test_the_deadline_is_enforced_on_the_server(cohort_world, client):
    w = cohort_world
    application = complete(services.start_application(w.owner, w.cohort, w.startup))
    Cohort.objects.filter(pk=w.cohort.pk).update(closes_at=timezone.now() - timedelta(minutes=1))
    application.refresh_from_db()
    with pytest.raises(ActionRefused, match=r"Applications closed on .* WIB; this one"):
        services.take_step(w.owner, application, "submit")
    # Through the screens too: the button posts, the server refuses and nothing moves.
    client.force_login(w.owner)
    client.post(
        reverse("programs:cohort_application_step", args=[application.pk]), {"action": "submit"}
    )
    application.refresh_from_db()
    assert application.state == "draft"
    other = OrganisationFactory(kind="startup")
    Membership.objects.create(organisation=other, user=w.owner, role="owner")
    w.cohort.refresh_from_db()
    with pytest.raises(ActionRefused, match="not open for applications"):
        services.start_application(w.owner, w.cohort, other)


def test_a_requested_resubmission_may_come_after_the_deadline(cohort_world):
    w = cohort_world
    application = complete(services.start_application(w.owner, w.cohort, w.startup))
    services.take_step(w.owner, application, "submit")
    services.take_step(w.manager, application, "start_review")
    services.take_step(w.manager, application, "request_changes", comment="Add your traction.")
    Cohort.objects.filter(pk=w.cohort.pk).update(closes_at=timezone.now() - timedelta(days=1))
    application.refresh_from_db()
    services.take_step(w.editor, application, "submit")
    assert CohortApplication.objects.get(pk=application.pk).state == "submitted"


def test_co_authors_come_from_the_organisation(cohort_world):
    w = cohort_world
    application = services.start_application(w.owner, w.cohort, w.startup)
    with pytest.raises(ActionRefused, match="Co-authors must be members"):
        services.save_draft(w.owner, application, {"co_authors": [w.outsider]})
    services.save_draft(w.owner, application, {"co_authors": [w.plain_member]})
    services.save_draft(w.plain_member, application, {"pitch": "Edited by a co-author"})
    assert CohortApplication.objects.get(pk=application.pk).pitch == "Edited by a co-author"


def test_attachments_are_sniffed_and_private(cohort_world, client):
    w = cohort_world
    application = services.start_application(w.owner, w.cohort, w.startup)
    with pytest.raises(ActionRefused, match="not a PDF"):
        services.add_attachment(
            w.owner, application, SimpleUploadedFile("deck.pdf", b"MZ\x90\x00 a program")
        )
    attachment = services.add_attachment(
        w.owner, application, SimpleUploadedFile("../../deck.pdf", PDF)
    )
    assert attachment.name == "deck.pdf" and attachment.mime_type == "application/pdf"
    address = reverse(
        "programs:cohort_application_attachment", args=[application.pk, attachment.pk]
    )
    client.force_login(w.outsider)
    assert client.get(address).status_code == 404
    client.force_login(w.plain_member)
    response = client.get(address)
    assert response.status_code == 200 and b"".join(response.streaming_content) == PDF
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]


def test_the_whole_pipeline_tells_the_applicant_the_reason(cohort_world):
    w = cohort_world
    application = complete(services.start_application(w.owner, w.cohort, w.startup))
    services.take_step(w.owner, application, "submit")
    services.take_step(w.manager, application, "start_review")
    services.take_step(w.manager, application, "shortlist")
    with pytest.raises(ActionRefused, match="date"):
        services.take_step(w.manager, application, "invite_interview")
    services.take_step(w.manager, application, "invite_interview", date=date(2030, 1, 5))
    with pytest.raises(ActionRefused, match="Only program managers"):
        services.take_step(w.owner, application, "accept")
    services.take_step(w.manager, application, "accept", comment="Strong agency fit.")
    assert CohortMember.objects.filter(cohort=w.cohort, organisation=w.startup).exists()
    told = Notification.objects.filter(
        recipient=w.owner, title="Your application was accepted"
    ).get()
    assert "Strong agency fit." in told.body
    steps = list(TimelineEntry.objects.for_object(application).values_list("action", flat=True))
    assert steps == ["submit", "start_review", "shortlist", "invite_interview", "accept"]


def _to_interview(application, owner, manager):
    services.take_step(owner, application, "submit")
    for step in ("start_review", "shortlist"):
        services.take_step(manager, application, step)
    services.take_step(manager, application, "invite_interview", date=date(2030, 1, 5))


def test_capacity_waitlist_and_the_freed_seat_goes_to_the_first_waiting(cohort_world):
    w = cohort_world  # two places
    apps = [_applicant(w.cohort, f"Start-up {n}") for n in range(4)]
    for application, owner in apps:
        _to_interview(application, owner, w.manager)
    for application, _owner in apps[:2]:
        services.take_step(w.manager, application, "accept")
    with pytest.raises(ActionRefused, match="All 2 places are taken"):
        services.take_step(w.manager, apps[2][0], "accept")
    services.take_step(w.manager, apps[2][0], "waitlist", comment="Strong, but the batch is full.")
    services.take_step(w.manager, apps[3][0], "waitlist")
    services.take_step(w.manager, apps[3][0], "decline", comment="Too early for the programme.")
    # An accepted start-up withdraws: the first one waiting is offered its seat.
    services.take_step(apps[0][1], apps[0][0], "withdraw")
    states = [CohortApplication.objects.get(pk=a.pk).state for a, _o in apps]
    assert states == ["withdrawn", "accepted", "accepted", "declined"]
    assert not CohortMember.objects.filter(application=apps[0][0]).exists()
    assert CohortMember.objects.filter(application=apps[2][0]).exists()
    assert Notification.objects.filter(recipient=apps[2][1], title="A place in the cohort is yours")
    declined = Notification.objects.get(recipient=apps[3][1], title="Your application was declined")
    assert "Too early for the programme." in declined.body


def test_the_applicant_withdraws_from_any_open_state(cohort_world):
    w = cohort_world
    for state_steps in ([], ["submit"], ["submit", "start_review"]):
        application, owner = _applicant(w.cohort, f"Withdrawing {len(state_steps)}")
        for step in state_steps:
            services.take_step(w.manager if step == "start_review" else owner, application, step)
        services.take_step(owner, application, "withdraw")
        assert CohortApplication.objects.get(pk=application.pk).state == "withdrawn"


def test_the_member_screens_walk_intake(cohort_world, client):
    w = cohort_world
    client.force_login(w.owner)
    response = client.post(
        reverse("programs:cohort_apply", args=[w.cohort.slug]), {"organisation": w.startup.pk}
    )
    application = CohortApplication.objects.get(organisation=w.startup)
    assert response.url == reverse("programs:cohort_application_edit", args=[application.pk])
    edit = reverse("programs:cohort_application_edit", args=[application.pk])
    # Incomplete: saved, and submitting names what is missing.
    client.post(edit, {"pitch": "Our pitch", "then": "submit"}, follow=True)
    application.refresh_from_db()
    assert application.pitch == "Our pitch" and application.state == "draft"
    page = client.post(
        edit,
        {"pitch": "Our pitch", "problem": "p", "solution": "s", "team": "t", "then": "submit"},
        follow=True,
    )
    application.refresh_from_db()
    assert application.state == "submitted"
    assert "Submitted" in page.content.decode()
    listing = client.get(reverse("programs:cohort_applications")).content.decode()
    assert w.cohort.title in listing
    assert "My accelerator applications" in client.get(reverse("portal:me")).content.decode()
