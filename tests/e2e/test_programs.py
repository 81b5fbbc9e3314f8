"""Programmes and policy recommendations in the browser: reading, a liaison responding, and axe
on every new page in both languages (the impact dashboard, open data and search included)."""

import pytest

from programs.models import GovernmentResponse
from tests.conftest import seed_demo_site
from tests.e2e.axe import assert_accessible
from tests.factories import DEFAULT_PASSWORD, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def seed_programmes():
    import io

    from partners import demo as partners_demo
    from programs import demo

    seed_demo_site()
    partners_demo.seed(io.StringIO())
    demo.seed(io.StringIO())


@pytest.fixture
def portal(seeded):
    from wagtail.models import Site

    seeded(seed_programmes)
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def liaison(portal):
    from partners.models import Membership, Organisation

    user = UserFactory(email="water-liaison@example.org")
    agency = Organisation.objects.get(name="Department of Water Resources")
    Membership.objects.create(organisation=agency, user=user, role="liaison")
    return user


def sign_in(page, email, language="en"):
    page.goto(f"/{language}/accounts/login/")
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", DEFAULT_PASSWORD)
    page.locator("form.stack-form button[type=submit]").click()
    page.wait_for_url(f"**/{language}/me/")


@pytest.mark.parametrize("language", ["en", "id"])
def test_programme_and_policy_pages_have_no_accessibility_violations(page, portal, language):
    from programs.models import PolicyRecommendationPage

    recommendation = PolicyRecommendationPage.objects.filter(
        locale__language_code=language, live=True
    ).first()
    for path in (
        f"/{language}/programs/",
        f"/{language}/programs/smart-change/",
        f"/{language}/policy/",
        f"/{language}/policy/?response=implemented",
        recommendation.url,
        # The impact dashboard, open data and search (the same seed holds their records).
        f"/{language}/impact/",
        f"/{language}/open-data/",
        f"/{language}/open-data/pilots/",
        f"/{language}/search/?q=flood",
        f"/{language}/search/?q=flood&type=pilots",
    ):
        page.goto(path)
        assert page.locator("html").get_attribute("lang") == language
        assert_accessible(page)


def test_reading_index_filter_recommendation_pdf(page, portal):
    page.goto("/en/policy/")
    assert "40 recommendations" in page.content()
    page.select_option("#filter-agency", label="Department of Water Resources")
    page.select_option("#filter-response", value="implemented")
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url("**/policy/?*agency=department-of-water-resources*")
    first = page.locator(".card__title a").first
    title = first.inner_text()
    first.click()
    assert page.locator("h1").inner_text() == title
    assert page.get_by_role("heading", name="Government responses").is_visible()
    assert "Implemented" in page.locator(".responses").inner_text()
    link = page.get_by_role("link", name="Download the PDF")
    from programs.models import PolicyRecommendationPage

    recommendation = PolicyRecommendationPage.objects.get(title=title, locale__language_code="en")
    assert link.get_attribute("href") == recommendation.document.url
    assert link.get_attribute("href").endswith(".pdf")


@pytest.mark.parametrize("language", ["en", "id"])
def test_a_liaison_records_a_response(page, liaison, language):
    sign_in(page, liaison.email, language)
    page.goto(f"/{language}/me/responses/")
    assert_accessible(page)
    response = (
        GovernmentResponse.objects.filter(
            agency__name="Department of Water Resources", state="pending"
        )
        .order_by("pk")
        .first()
    )
    page.locator(f"a[href$='/me/responses/{response.pk}/']").click()
    assert_accessible(page)
    page.locator("button[value=consider]").click()
    page.wait_for_selector("button[value=accept]")
    page.fill("textarea[name=text]", "The agency accepts and will open the data by June.")
    page.fill("input[name=date]", "2025-03-01")
    page.fill("input[name=reference]", "Letter 45/2025")
    page.locator("button[value=accept]").click()
    page.wait_for_selector("button[value=implement]")
    assert_accessible(page)
    response.refresh_from_db()
    assert response.state == "accepted" and response.reference == "Letter 45/2025"
    page.goto(response.recommendation.url)
    assert "Letter 45/2025" in page.content()
