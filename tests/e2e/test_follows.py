"""Following in the browser: a member follows a pilot with the keyboard alone, sees it on /me/,
and chooses a daily digest for pilots on their profile; axe checks both pages."""

import pytest
from playwright.sync_api import expect
from wagtail.models import Locale

from portal.follows import services
from portal.models import HomePage
from programs.models import Pilot, PilotIndexPage
from tests.conftest import seed_demo_site
from tests.e2e.axe import assert_accessible
from tests.e2e.test_keyboard_journey import tab_to
from tests.factories import DEFAULT_PASSWORD, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def seed_one_pilot():
    """The demo site, the /pilots/ tracker and one published pilot."""
    from portal.i18n import synchronise_page_trees
    from programs.pilots import demo as pilots_demo
    from tests.factories import OrganisationFactory

    seed_demo_site()
    home = HomePage.objects.get(locale__language_code="en")
    pilots_demo.index(home, Locale.objects.get(language_code="id"))
    synchronise_page_trees()
    Pilot.objects.create(
        title="River sensors for flood warning",
        slug="river-sensors",
        summary="Sensors on the Ciliwung.",
        lead_organisation=OrganisationFactory(name="Braga Technologies", kind="startup"),
        is_published=True,
    )


@pytest.fixture
def pilot(seeded):
    seeded(seed_one_pilot)
    return Pilot.objects.get(slug="river-sensors")


def test_a_member_follows_a_pilot_by_keyboard_and_picks_a_daily_digest(browser, live_server, pilot):
    member = UserFactory(email="rina@example.org", name="Rina")
    context = browser.new_context(locale="en-GB", base_url=live_server.url)
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.goto("/en/accounts/login/")
    page.fill("input[name=login]", member.email)
    page.fill("input[name=password]", DEFAULT_PASSWORD)
    page.locator("form.stack-form button[type=submit]").click()
    page.wait_for_url("**/en/me/")

    address = PilotIndexPage.objects.get(locale__language_code="en").pilot_url(pilot)
    page.goto(address)
    button = page.get_by_role("button", name="Follow", exact=True)
    assert button.get_attribute("aria-pressed") == "false"
    assert_accessible(page)
    tab_to(page, lambda el: el["tag"] == "BUTTON" and el["text"].strip() == "Follow", limit=80)
    page.keyboard.press("Enter")
    following = page.get_by_role("button", name="Following", exact=True)
    expect(following).to_have_attribute("aria-pressed", "true")
    assert services.is_following(member, pilot)

    page.goto("/en/me/")
    followed = page.locator("section[aria-labelledby=follows-heading]")
    assert pilot.title in followed.inner_text()

    page.goto("/en/me/profile/")
    assert_accessible(page)
    tab_to(page, lambda el: el["id"] == "id_follow-pilots", limit=80)
    page.select_option("#id_follow-pilots", "daily")  # the focused list, as arrow keys would
    tab_to(page, lambda el: el["tag"] == "BUTTON" and "Save profile" in el["text"], limit=40)
    page.keyboard.press("Enter")
    expect(page.get_by_text("Your profile was saved.")).to_be_visible()
    assert services.preferences(member)["pilots"] == "daily"
    context.close()
