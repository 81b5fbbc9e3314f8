"""Page pictures in the browser: the programme list and a programme with its hero load their
images (WebP in Chromium), axe finds nothing in either language, and pages with a hero image or a
facts list fit a 320 px screen."""

import pytest

from tests.e2e.axe import assert_accessible
from tests.e2e.test_programs import seed_programmes

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LOADED = "img => img.complete && img.naturalWidth > 0"


def seed_programmes_with_pictures():
    import io

    from portal import demo_images

    seed_programmes()
    demo_images.seed(io.StringIO())


@pytest.fixture
def portal(seeded):
    seeded(seed_programmes_with_pictures)


def assert_pictures_load(page):
    """Every page picture, scrolled into view (cards load lazily), arrives and is WebP."""
    images = page.locator("main picture img")
    assert images.count() > 0
    for number in range(images.count()):
        image = images.nth(number)
        image.scroll_into_view_if_needed()
        page.wait_for_function(LOADED, arg=image.element_handle())
        assert image.evaluate("img => img.currentSrc").endswith(".webp")


@pytest.mark.parametrize("language", ["en", "id"])
def test_programme_list_and_page_show_their_pictures_accessibly(page, portal, language):
    page.goto(f"/{language}/programs/")
    assert page.locator("main .card picture").count() == 3
    assert_pictures_load(page)
    assert page.locator("main .card img").first.get_attribute("loading") == "lazy"
    assert_accessible(page)

    page.locator("main .card__title a").first.click()
    hero = page.locator("main .hero-image img")
    assert hero.get_attribute("alt")
    assert hero.get_attribute("loading") is None
    assert_pictures_load(page)
    assert_accessible(page)


@pytest.mark.parametrize("language", ["en", "id"])
def test_pages_with_a_hero_or_facts_fit_320_pixels(page, portal, language):
    from partners.models import ChallengePage

    page.set_viewport_size({"width": 320, "height": 800})
    challenges = ChallengePage.objects.live().filter(locale__language_code=language)
    addresses = [f"/{language}/programs/smart-change/", f"/{language}/challenges/"]
    addresses += [challenge.url for challenge in challenges.order_by("pk")]
    for address in addresses:
        page.goto(address)
        hero = page.locator("main .hero-image img")
        if hero.count():
            page.wait_for_function(LOADED, arg=hero.element_handle())
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 320, f"{address} is {width} px wide"
