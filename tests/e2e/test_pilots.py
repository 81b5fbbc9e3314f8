"""Pilots in the browser: one journey through the whole lifecycle with the three roles (program
manager, the lead organisation, the liaisons of two host agencies), and axe on every new page
type in both languages."""

import io

import pytest
from wagtail.models import Locale

from partners.models import Membership, Organisation
from portal.models import HomePage
from programs.models import Pilot, PilotAgency
from tests.conftest import seed_demo_site
from tests.e2e.axe import assert_accessible
from tests.factories import DEFAULT_PASSWORD, ProgramManagerFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def seed_pilots():
    """Partners' demo (agencies, directories) and the 61 demo pilots at /pilots/."""
    from partners import demo as partners_demo
    from portal.i18n import synchronise_page_trees
    from programs.pilots import demo as pilots_demo

    seed_demo_site()
    partners_demo.seed(io.StringIO())
    home = HomePage.objects.get(locale__language_code="en")
    pilots_demo.seed(io.StringIO(), home, Locale.objects.get(language_code="id"))
    synchronise_page_trees()


@pytest.fixture
def portal(seeded):
    from wagtail.models import Site

    seeded(seed_pilots)
    return Site.objects.get(is_default_site=True)


def person(email, organisation=None, role="liaison"):
    user = UserFactory(email=email)
    if organisation is not None:
        Membership.objects.create(
            organisation=Organisation.objects.get(name=organisation), user=user, role=role
        )
    return user


def signed_in(browser, live_server, email, language="en"):
    context = browser.new_context(locale="en-GB", base_url=live_server.url)
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.goto(f"/{language}/accounts/login/")
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", DEFAULT_PASSWORD)
    page.locator("form.stack-form button[type=submit]").click()
    page.wait_for_url(f"**/{language}/me/")
    return page


def step(page, name, comment=""):
    if comment:
        page.fill("#id_comment", comment)
    page.get_by_role("button", name=name, exact=True).click()
    page.wait_for_load_state()


def test_a_pilot_from_proposal_to_adoption(browser, live_server, portal):
    manager = ProgramManagerFactory(email="pm@jdcn.example")
    lead = person("lead@braga.example", "PT Braga Teknologi Nusantara", role="owner")
    water = person("water@jakarta.example", "Department of Water Resources")
    environment = person("environment@jakarta.example", "Department of Environment")
    outsider = person("transport@jakarta.example", "Department of Transportation")
    pm = signed_in(browser, live_server, manager.email)
    pm.goto("/en/me/pilots/new/")
    pm.fill("#id_title", "Floodgate camera alerts")
    pm.fill("#id_summary", "Cameras warn operators when waste blocks a floodgate.")
    pm.select_option("#id_lead_organisation", label="PT Braga Teknologi Nusantara")
    pm.get_by_role("button", name="Propose the pilot").click()
    pm.wait_for_url("**/me/pilots/*/")
    pilot = Pilot.objects.get(title="Floodgate camera alerts")
    manage = f"/en/me/pilots/{pilot.pk}/"
    for agency in ("Department of Water Resources", "Department of Environment"):
        pm.select_option("#id_agency", label=agency)
        pm.get_by_role("button", name="Invite the agency").click()
        pm.wait_for_load_state()
    step(pm, "Ask the agencies to review")
    assert "Agency review" in pm.locator(".facts").inner_text()
    # A liaison of an uninvolved agency finds nothing at the decision address.
    decision = f"/en/me/pilots/agencies/{PilotAgency.objects.get(pilot=pilot, agency__name__contains='Water').pk}/"
    stranger = signed_in(browser, live_server, outsider.email)
    assert stranger.goto(decision).status == 404
    liaison = signed_in(browser, live_server, water.email)
    liaison.goto("/en/me/pilots/")
    liaison.get_by_role("link", name="Floodgate camera alerts").click()
    liaison.get_by_role("button", name="Accept").click()
    liaison.wait_for_load_state()
    assert "decision is recorded" in liaison.content()
    # Approval waits for the second host.
    pm.goto(manage)  # not reload(): that would send the last form again
    step(pm, "Approve")
    assert "Still waiting for: Department of Environment" in pm.content()
    other = signed_in(browser, live_server, environment.email)
    other.goto("/en/me/pilots/")
    other.get_by_role("link", name="Floodgate camera alerts").click()
    other.get_by_role("button", name="Accept").click()
    other.wait_for_load_state()
    pm.goto(manage)  # not reload(): that would send the last form again
    step(pm, "Approve")
    assert "now “Approved”" in pm.content()
    # The lead organisation runs the pilot and reports its results.
    runner = signed_in(browser, live_server, lead.email)
    runner.goto(f"/en/me/pilots/{pilot.pk}/")
    step(runner, "Start piloting")
    step(runner, "Start the evaluation")
    assert "Upload the evaluation report first" in runner.content()
    runner.get_by_text("Add an indicator").click()
    runner.fill("#id_indicator-name", "Blockages cleared within 6 hours")
    runner.fill("#id_indicator-target", "80")
    runner.fill("#id_indicator-measured", "84")
    runner.get_by_role("button", name="Add the indicator").click()
    runner.wait_for_load_state()
    runner.get_by_text("Add a document").click()
    runner.select_option("#id_document-kind", value="evaluation_report")
    runner.fill("#id_document-title", "Evaluation report")
    runner.fill("#id_document-reference", "EVAL-2025-07")
    runner.get_by_role("button", name="Add the document").click()
    runner.wait_for_load_state()
    step(runner, "Start the evaluation")
    assert "now “Evaluation”" in runner.content()
    # Adoption needs the agency's adoption record first.
    pm.goto(manage)
    step(pm, "Mark as adopted")
    assert "must record the adoption first" in pm.content()
    liaison.goto(decision)
    liaison.fill("#id_adoption-adopted_on", "2025-09-01")
    liaison.fill("#id_adoption-legal_basis", "Governor Regulation No. 31/2025")
    liaison.select_option("#id_adoption-scale", value="city_wide")
    liaison.fill("#id_adoption-service", "Floodgate alerts in JAKI")
    liaison.get_by_role("button", name="Record adoption").click()
    liaison.wait_for_load_state()
    pm.goto(manage)  # not reload(): that would send the last form again
    step(pm, "Mark as adopted")
    pm.get_by_role("button", name="Publish").click()
    pm.wait_for_load_state()
    pm.get_by_role("link", name="View the public page").click()
    public = pm.locator("main").inner_text()
    assert "Adopted" in public and "Floodgate alerts in JAKI" in public
    assert "Governor Regulation No. 31/2025" in public
    for page in (pm, stranger, liaison, other, runner):
        page.context.close()


def test_pilot_pages_have_no_accessibility_violations(browser, live_server, portal):
    manager = ProgramManagerFactory(email="pm@jdcn.example")
    liaison = person("water@jakarta.example", "Department of Water Resources")
    pilot = Pilot.objects.filter(is_published=True, state="adopted").first()
    involvement = PilotAgency.objects.filter(
        agency__name="Department of Water Resources", state="invited"
    ).first()
    public = browser.new_context(locale="en-GB", base_url=live_server.url).new_page()
    for language in ("en", "id"):
        for path in (
            f"/{language}/pilots/",
            f"/{language}/pilots/?status=adopted&district=north",
            f"/{language}/pilots/{pilot.slug}/",
            f"/{language}/agencies/department-of-water-resources/",
        ):
            public.goto(path)
            assert public.locator("html").get_attribute("lang") == language
            assert_accessible(public)
        member = signed_in(browser, live_server, liaison.email, language)
        for path in (
            f"/{language}/me/pilots/",
            f"/{language}/me/pilots/agencies/{involvement.pk}/",
        ):
            member.goto(path)
            assert_accessible(member)
        pm = signed_in(browser, live_server, manager.email, language)
        for path in (
            f"/{language}/me/pilots/{pilot.pk}/",
            f"/{language}/me/pilots/new/",
            f"/{language}/me/pilots/{involvement.pilot_id}/edit/",
        ):
            pm.goto(path)
            assert_accessible(pm)
        member.context.close()
        pm.context.close()
    public.context.close()
