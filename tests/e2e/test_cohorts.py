"""Journey: a start-up's owner finds the open cohort at /accelerator/, applies, is told what is
missing, completes and submits before the deadline; the program manager shortlists it from the
admin. axe checks every new public page in both languages and each member screen."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from partners.models import Membership
from programs.models import CohortApplication, CohortMember
from tests.e2e.axe import assert_accessible
from tests.e2e.test_journey_proposal import sign_in
from tests.factories import OrganisationFactory, ProgramManagerFactory, UserFactory
from tests.programs.cohorts import accelerator_index, make_cohort  # noqa: F401 - fixture

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PDF = b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


@pytest.fixture
def cast(accelerator_index):  # noqa: F811 - the imported fixture
    startup = OrganisationFactory(name="Kali Bersih Labs", kind="startup")
    owner = UserFactory(email="owner@kalibersih.example", name="Sari")
    Membership.objects.create(organisation=startup, user=owner, role="owner")
    cohort = make_cohort(
        "Future City Accelerator, batch 4",
        title_id="Future City Accelerator, angkatan 4",
        theme="Flood resilience",
        capacity=20,
    )
    cohort.questions = [
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
    cohort.save()
    past = make_cohort("Future City Accelerator, batch 1", past=True)
    CohortMember.objects.create(cohort=past, organisation=OrganisationFactory(name="Pasar Data"))
    return {
        "owner": owner,
        "cohort": cohort,
        "past": past,
        "manager": ProgramManagerFactory(email="manager@jdcn.example"),
    }


def test_a_start_up_applies_and_the_public_pages_are_accessible(page, cast, tmp_path):
    cohort = cast["cohort"]
    for language in ("en", "id"):
        page.goto(f"/{language}/accelerator/")
        assert_accessible(page)
        page.goto(f"/{language}/accelerator/{cast['past'].slug}/")
        assert page.get_by_text("Pasar Data").is_visible()
        assert_accessible(page)
    page.goto("/id/accelerator/")
    assert page.get_by_role("link", name="Future City Accelerator, angkatan 4").is_visible()

    sign_in(page, cast["owner"].email)
    page.goto("/en/accelerator/")
    page.get_by_role("link", name=cohort.title).click()
    assert_accessible(page)
    page.get_by_role("link", name="Apply for this cohort").click()
    assert_accessible(page)
    page.get_by_role("button", name="Create the draft").click()
    page.wait_for_url("**/edit/")
    assert_accessible(page)
    page.fill("textarea[name=pitch]", "Residents photograph blocked floodgates; we route crews.")
    page.get_by_role("button", name="Save and submit").click()
    page.wait_for_selector("text=Fill in these fields before you submit")
    page.fill("textarea[name=problem]", "Floodgates clog with waste before the rains.")
    page.fill("textarea[name=solution]", "A reporting app tied to the water agency's crews.")
    page.fill("textarea[name=team]", "Three engineers and a designer.")
    page.select_option("select[name=q0]", "Prototype")
    attachment = tmp_path / "deck.pdf"
    attachment.write_bytes(PDF)
    page.set_input_files("input[name=attachments]", str(attachment))
    page.get_by_role("button", name="Save and submit").click()
    page.wait_for_selector("text=The application is now “Submitted”.")
    assert page.get_by_role("link", name="deck.pdf").is_visible()
    assert_accessible(page)
    page.get_by_role("link", name="My accelerator applications").click()
    assert_accessible(page)
    application = CohortApplication.objects.get()
    assert application.state == "submitted" and application.answers["Stage of your product"]

    # The program manager starts the review and shortlists from the admin.
    sign_in(page, cast["manager"].email)
    page.goto(f"/admin/cohort-applications/decide/{application.pk}/")
    page.get_by_role("button", name="Start the review").click()
    page.wait_for_selector("text=The application is now “In review”.")
    page.get_by_role("button", name="Shortlist").click()
    page.wait_for_selector("text=The application is now “Shortlisted”.")

    # After the deadline, a new draft cannot be started.
    type(cohort).objects.filter(pk=cohort.pk).update(
        closes_at=timezone.now() - timedelta(minutes=1)
    )
    sign_in(page, cast["owner"].email)
    page.goto(f"/en/me/accelerator/apply/{cohort.slug}/")
    assert page.get_by_text("it is not open now").is_visible()


def test_a_start_up_submits_milestone_evidence_and_a_program_manager_accepts_it(
    page, cast, tmp_path
):
    """Journey: from the dashboard to an overdue milestone, the evidence refused until it is
    described, submitted with a file; the program manager accepts it in the admin."""
    from programs.cohorts import milestones

    startup = cast["owner"].memberships.get().organisation
    member = CohortMember.objects.create(cohort=cast["past"], organisation=startup)
    milestone = milestones.add_milestone(
        cast["manager"],
        member,
        title="Prototype tested with an agency",
        title_id="Prototipe diuji bersama perangkat daerah",
        due_on=timezone.localdate() - timedelta(days=3),
    )
    sign_in(page, cast["owner"].email)
    page.get_by_role("link", name="My milestones").first.click()
    assert page.get_by_text("overdue").first.is_visible()
    assert_accessible(page)
    page.get_by_role("link", name=milestone.title).click()
    assert_accessible(page)
    page.get_by_role("button", name="Start the work").click()
    page.wait_for_selector("text=The milestone is now “In progress”.")
    page.get_by_role("button", name="Submit the evidence").click()
    page.wait_for_selector("text=Describe the evidence first")
    assert_accessible(page)
    page.fill("textarea[name=evidence]", "The agency's test report, signed on 3 May.")
    evidence = tmp_path / "report.pdf"
    evidence.write_bytes(PDF)
    page.set_input_files("input[name=evidence_file]", str(evidence))
    page.get_by_role("button", name="Submit the evidence").click()
    page.wait_for_selector("text=The milestone is now “Evidence submitted”.")
    expect(page.get_by_role("link", name="Download the evidence file")).to_be_visible()
    assert_accessible(page)
    page.goto("/id/me/accelerator/milestones/")
    expect(page.get_by_role("link", name=milestone.title_id)).to_be_visible()
    assert_accessible(page)

    sign_in(page, cast["manager"].email)
    page.goto("/admin/startup-milestones/?state=submitted")
    expect(page.get_by_role("heading", name="Start-up milestones")).to_be_visible()
    page.get_by_role("link", name=milestone.title).click()
    # The evidence is shown once as the milestone's evidence (with its file) and again in the
    # timeline; the first is the one under review.
    evidence_shown = page.locator("dd", has_text="The agency's test report, signed on 3 May.")
    expect(evidence_shown.get_by_role("link", name="Download the evidence file")).to_be_visible()
    page.get_by_role("button", name="Accept as done").click()
    page.wait_for_selector("text=The milestone is now “Done”.")
    milestone.refresh_from_db()
    assert milestone.state == "done" and milestone.evidence_type == "application/pdf"
