"""axe-core finds no WCAG 2.1 A/AA (or best-practice) violations on public pages, in both languages."""

import pytest

from tests.conftest import seed_demo_site
from tests.e2e.axe import assert_accessible
from tests.factories import DEFAULT_PASSWORD, UserFactory

# Transactional: the live server runs in another thread and must see the test's data.
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

PUBLIC_PATHS = [
    "",  # home
    "about/",  # a standard page
    "accounts/login/",
    "accounts/signup/",
    "accounts/password/reset/",
    "search/?q=jakarta",
    "partners/",
    "agencies/",
    "partners/qlue/",
    "challenges/",
    "challenges/flood-early-warning/",
    "agencies/department-of-water-resources/",  # lists the challenges it posed
    "calls/",
    "calls/flood-resilience-sandbox-2026/",
    "no-such-page/",  # the 404 page
]


def seed_partners():
    import io

    from partners import demo as partners_demo

    seed_demo_site()
    partners_demo.seed(io.StringIO())


@pytest.fixture
def portal(seeded):
    from wagtail.models import Site

    seeded(seed_partners)
    return Site.objects.get(is_default_site=True)


@pytest.mark.parametrize("language", ["en", "id"])
def test_public_pages_have_no_accessibility_violations(page, problems, portal, language):
    """Every public page in turn on one seeded site (a site per page cost minutes of CI); the
    failure lists every page that failed, with its violations."""
    failures = []
    for path in PUBLIC_PATHS:
        problems.expect_not_found = path == "no-such-page/"  # last: its console 404 is expected
        page.goto(f"/{language}/{path}")
        try:
            assert page.locator("html").get_attribute("lang") == language, "wrong lang attribute"
            assert_accessible(page)
        except AssertionError as error:
            failures.append(f"/{language}/{path}: {error}")
    assert failures == [], "\n".join(failures)


@pytest.mark.parametrize("language", ["en", "id"])
def test_member_pages_have_no_accessibility_violations(page, demo_site, language):
    from portal.notifications.services import notify

    member = UserFactory(email="dashboard@example.org")
    notify([member], title="Your proposal was accepted", body="Well done.", url="/", email=False)
    page.goto(f"/{language}/accounts/login/")
    page.fill("input[name=login]", member.email)
    page.fill("input[name=password]", DEFAULT_PASSWORD)
    page.locator("form.stack-form button[type=submit]").click()
    page.wait_for_url(f"**/{language}/me/")
    assert member.email in page.content()
    assert_accessible(page)
    from partners.models import Membership
    from tests.factories import OrganisationFactory

    organisation = OrganisationFactory(name="Kota Hijau")
    Membership.objects.create(organisation=organisation, user=member, role="owner")
    agency = OrganisationFactory(name="Department of Social Affairs", kind="agency")
    Membership.objects.create(organisation=agency, user=member, role="liaison")
    member_pages = (
        "me/notifications/",
        "accounts/2fa/",
        "accounts/2fa/totp/activate/",
        "me/organisations/",
        "me/organisations/new/",
        f"me/organisations/{organisation.slug}/",
        "me/challenges/",
        f"me/challenges/new/?agency={agency.slug}",
    )
    for path in member_pages:
        page.goto(f"/{language}/{path}")
        assert_accessible(page)
    # The challenge form with its errors shown (nothing filled in).
    page.locator("form.stack-form button[type=submit]").click()
    page.wait_for_selector(".field--error")
    assert_accessible(page)


def test_home_works_at_320_pixels_with_the_menu_collapsed(page, demo_site):
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto("/en/")
    toggle = page.get_by_role("button", name="Menu")
    menu_link = page.get_by_role("navigation", name="Main").get_by_role("link", name="About")
    assert toggle.is_visible()
    assert not menu_link.is_visible()
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true"
    assert menu_link.is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    assert_accessible(page)


def test_first_tab_reaches_the_skip_link_which_moves_focus_to_main(page, demo_site):
    page.goto("/en/about/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Skip to main content"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_errors_on_a_form_are_announced_and_accessible(page, demo_site):
    page.goto("/en/accounts/signup/")
    page.fill("input[name=email]", "not-an-email")
    page.fill("input[name=password1]", "short")
    page.fill("input[name=password2]", "short")
    page.locator("form.stack-form button[type=submit]").click()
    page.wait_for_selector(".field--error")
    assert page.locator("#id_email").get_attribute("aria-invalid") == "true"
    assert page.input_value("input[name=email]") == "not-an-email"
    assert_accessible(page)


def _sign_in(page, language, email, password):
    page.goto(f"/{language}/accounts/login/")
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", password)
    page.locator("form.stack-form button[type=submit]").click()
    page.wait_for_url(f"**/{language}/me/")


@pytest.mark.parametrize("language", ["en", "id"])
def test_proposal_and_review_pages_have_no_accessibility_violations(page, portal, language):
    from partners.demo import MEMBER_EMAIL, MEMBER_PASSWORD
    from partners.models import Proposal
    from partners.proposals.demo import REVIEWER_EMAIL, REVIEWER_PASSWORD
    from portal.models import ReviewAssignment

    draft = Proposal.objects.get(title="Community flood volunteers network")  # the member's
    _sign_in(page, language, MEMBER_EMAIL, MEMBER_PASSWORD)
    for path in (
        "me/proposals/",
        f"me/proposals/{draft.pk}/",
        f"me/proposals/{draft.pk}/edit/",
        "me/proposals/new/flood-resilience-sandbox-2026/",
    ):
        page.goto(f"/{language}/{path}")
        assert_accessible(page)
    # The edit form with an error shown (the title emptied).
    page.goto(f"/{language}/me/proposals/{draft.pk}/edit/")
    page.fill("input[name=title]", "")
    page.locator("form.proposal-form button[type=submit]").first.click()
    page.wait_for_selector(".field--error")
    assert_accessible(page)

    page.context.clear_cookies()
    _sign_in(page, language, REVIEWER_EMAIL, REVIEWER_PASSWORD)
    to_do = ReviewAssignment.objects.filter(reviewer__email=REVIEWER_EMAIL, review__isnull=True)
    for path in ("me/reviews/", f"me/reviews/{to_do.first().pk}/"):
        page.goto(f"/{language}/{path}")
        assert_accessible(page)
