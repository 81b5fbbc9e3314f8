"""Journey: an agency liaison opens a past cohort's demo-day programme and registers the
agency's interest in a start-up; the start-up's owner finds it and reports an outcome (a date
after today refused, what was typed kept, then reported). axe checks the cohort page in both
languages, each member screen, and the outcomes list in both languages."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from partners.models import Membership
from programs.models import CohortMember, DemoDayInterest, StartupOutcome
from tests.e2e.axe import assert_accessible
from tests.e2e.test_journey_proposal import sign_in
from tests.factories import OrganisationFactory, UserFactory
from tests.programs.cohorts import accelerator_index, make_cohort  # noqa: F401 - fixture

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def cast(accelerator_index):  # noqa: F811 - the imported fixture
    cohort = make_cohort(
        "Future City Accelerator, batch 3",
        title_id="Future City Accelerator, angkatan 3",
        past=True,
    )
    cohort.demo_day_on = cohort.ends_on - timedelta(days=2)
    cohort.save()
    startup = OrganisationFactory(name="Kali Bersih Labs", kind="startup")
    CohortMember.objects.create(cohort=cohort, organisation=startup)
    owner = UserFactory(email="owner@kalibersih.example", name="Sari")
    Membership.objects.create(organisation=startup, user=owner, role="owner")
    agency = OrganisationFactory(name="Department of Water Resources", kind="agency")
    liaison = UserFactory(email="liaison@sda.example", name="Budi")
    Membership.objects.create(organisation=agency, user=liaison, role="liaison")
    return {"cohort": cohort, "owner": owner, "liaison": liaison}


def test_a_liaison_registers_interest_and_the_start_up_reports_an_outcome(page, cast):
    cohort = cast["cohort"]
    for language in ("en", "id"):
        page.goto(f"/{language}/accelerator/{cohort.slug}/")
        assert_accessible(page)
    sign_in(page, cast["liaison"].email)
    page.goto(f"/en/accelerator/{cohort.slug}/")
    expect(page.get_by_role("heading", name="Demo day programme")).to_be_visible()
    page.get_by_role("link", name="Register interest · Kali Bersih Labs").click()
    assert_accessible(page)
    page.fill("textarea[name=note]", "Sensors on the floodgates before the rains.")
    page.get_by_role("button", name="Register interest").click()
    page.wait_for_url("**/me/accelerator/interests/*/")
    expect(page.get_by_text("Sensors on the floodgates before the rains.").first).to_be_visible()
    assert_accessible(page)
    assert DemoDayInterest.objects.get().state == "open"

    sign_in(page, cast["owner"].email)
    page.goto("/en/me/accelerator/interests/")
    page.get_by_role("link", name="Department of Water Resources").click()
    page.wait_for_url("**/me/accelerator/interests/*/")
    page.goto("/en/me/accelerator/outcomes/")
    assert_accessible(page)
    page.select_option("select[name=kind]", "jobs")
    page.fill("input[name=value]", "12")
    page.fill("input[name=period_on]", (timezone.localdate() + timedelta(days=5)).isoformat())
    page.fill("textarea[name=evidence]", "Payroll summary for the year")
    page.get_by_role("button", name="Report the outcome").click()
    expect(page.get_by_text("cannot be later than today").first).to_be_visible()
    expect(page.locator("textarea[name=evidence]")).to_have_value("Payroll summary for the year")
    assert_accessible(page)
    page.fill("input[name=period_on]", (timezone.localdate() - timedelta(days=5)).isoformat())
    page.get_by_role("button", name="Report the outcome").click()
    page.wait_for_url("**/me/accelerator/outcomes/*/")
    assert_accessible(page)
    assert StartupOutcome.objects.get().state == "reported"
    page.goto("/id/me/accelerator/outcomes/")
    expect(page.get_by_role("heading", name="Hasil", exact=True)).to_be_visible()
    assert_accessible(page)
