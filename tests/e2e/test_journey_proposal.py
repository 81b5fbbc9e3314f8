"""Journey: an editor submits a proposal, a reviewer scores it, the program manager requests
changes, the editor resubmits, and the proposal is accepted; with axe checks on each new page."""

import pytest
from django.core import mail

from partners.models import Membership, Proposal
from tests.e2e.axe import assert_accessible
from tests.factories import (
    DEFAULT_PASSWORD,
    OrganisationFactory,
    ProgramManagerFactory,
    UserFactory,
)
from tests.partners.factories import CallFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

PDF = b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def sign_in(page, email, language="en"):
    page.context.clear_cookies()
    page.goto(f"/{language}/accounts/login/")
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", DEFAULT_PASSWORD)
    page.locator("form.stack-form button[type=submit]").click()
    page.wait_for_url(f"**/{language}/me/")


@pytest.fixture
def people(demo_site):
    organisation = OrganisationFactory(name="Banjir Tech")
    editor = UserFactory(email="editor@banjir.example", name="Sari")
    Membership.objects.create(organisation=organisation, user=editor, role="editor")
    return {
        "editor": editor,
        "reviewer": UserFactory(email="reviewer@university.example"),
        "manager": ProgramManagerFactory(email="manager@jdcn.example"),
        "call": CallFactory(title="Flood resilience 2026"),
    }


def test_a_proposal_goes_from_draft_to_accepted(page, people, tmp_path):
    call = people["call"]
    attachment = tmp_path / "plan.pdf"
    attachment.write_bytes(PDF)

    # The editor finds the call and writes a proposal.
    sign_in(page, people["editor"].email)
    page.goto("/en/calls/")
    assert_accessible(page)
    page.get_by_role("link", name=call.title).click()
    assert_accessible(page)
    page.get_by_role("link", name="Write a proposal").click()
    page.fill("input[name=title]", "Floodgate blockage alerts")
    page.get_by_role("button", name="Create the draft").click()
    page.wait_for_url("**/edit/")
    assert_accessible(page)
    page.fill("textarea[name=summary]", "Alerts when floodgates clog.")
    page.fill("textarea[name=problem]", "Operators learn about blockages too late.")
    page.fill("textarea[name=solution]", "Cameras and water-level sensors with alerts.")
    page.fill("input[name=budget_idr]", "450000000")
    page.set_input_files("input[name=attachments]", str(attachment))
    page.get_by_role("button", name="Save and submit").click()
    page.wait_for_selector("text=The proposal is now “Submitted”.")
    assert page.get_by_role("link", name="plan.pdf").is_visible()
    assert_accessible(page)
    proposal = Proposal.objects.get(title="Floodgate blockage alerts")
    assert proposal.state == "submitted"

    # The program manager assigns a reviewer in the admin; the reviewer is e-mailed.
    sign_in(page, people["manager"].email)
    page.goto(f"/admin/proposals/decide/{proposal.pk}/")
    page.fill("input[name=reviewers]", people["reviewer"].email)
    page.get_by_role("button", name="Assign").click()
    page.wait_for_selector("text=Reviewers assigned and told.")
    assert any(people["reviewer"].email in message.to for message in mail.outbox)

    # The reviewer scores it from their assignments.
    sign_in(page, people["reviewer"].email)
    page.goto("/en/me/reviews/")
    assert_accessible(page)
    page.get_by_role("link", name="Floodgate blockage alerts").click()
    assert_accessible(page)
    criteria = page.locator("fieldset.score-group").all()[:-1]  # the last is the recommendation
    assert len(criteria) == 3
    for fieldset in criteria:
        fieldset.get_by_label("4").check()
    page.check("input[name=recommendation][value=changes]")
    page.fill("textarea[name=comment_for_applicant]", "Explain who maintains the sensors.")
    page.get_by_role("button", name="Submit review").click()
    page.wait_for_selector(".message--success")
    assert proposal.state != "draft"

    # The program manager requests changes with a message.
    sign_in(page, people["manager"].email)
    page.goto(f"/admin/proposals/decide/{proposal.pk}/")
    page.fill("textarea[name=comment]", "Please add a maintenance plan.")
    page.get_by_role("button", name="Request changes").click()
    page.wait_for_selector("text=Changes requested")

    # The editor reads the request on the timeline, edits and resubmits.
    sign_in(page, people["editor"].email)
    page.goto(f"/en/me/proposals/{proposal.pk}/")
    assert page.get_by_text("Please add a maintenance plan.").is_visible()
    assert page.get_by_text("Explain who maintains the sensors.").is_visible()
    page.get_by_role("link", name="Edit the proposal").click()
    page.fill("textarea[name=requested_support]", "Maintenance by the agency after month 6.")
    page.get_by_role("button", name="Save and submit").click()
    page.wait_for_selector("text=The proposal is now “Submitted”.")

    # The program manager reviews again and accepts.
    sign_in(page, people["manager"].email)
    page.goto(f"/admin/proposals/decide/{proposal.pk}/")
    page.get_by_role("button", name="Start the review").click()
    page.wait_for_selector("text=The proposal is now “In review”.")
    page.get_by_role("button", name="Accept").click()
    page.wait_for_selector("text=The proposal is now “Accepted”.")

    # The editor sees the decision, in Indonesian too.
    sign_in(page, people["editor"].email, language="id")
    page.goto(f"/id/me/proposals/{proposal.pk}/")
    assert page.locator(".lead .badge").inner_text() == "Diterima"
    assert_accessible(page)
    page.goto(f"/id/me/proposals/{proposal.pk}/edit/")
    page.goto("/id/me/proposals/")
    assert_accessible(page)
