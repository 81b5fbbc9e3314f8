"""Events in the browser: a member registers, a second is waitlisted, the first cancels and the
second is promoted and checked in by a program manager; axe finds no violations on the events
index, an event page, a speaker page, the ticket and the check-in page, in both languages."""

import pytest
from django.core import mail

from events import services
from events.models import Registration, Speaker
from tests.conftest import seed_demo_site
from tests.e2e.axe import assert_accessible
from tests.events.conftest import make_event
from tests.factories import DEFAULT_PASSWORD, ProgramManagerFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in(page, email, language="en"):
    page.context.clear_cookies()
    page.goto(f"/{language}/accounts/login/")
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", DEFAULT_PASSWORD)
    page.locator("form.stack-form button[type=submit]").click()
    page.wait_for_url(f"**/{language}/me/")


def seed_events():
    from events.demo import _index
    from portal.i18n import synchronise_page_trees
    from portal.models import HomePage

    seed_demo_site()
    home = HomePage.objects.get(locale__language_code="en")
    index = _index(home, home.locale.__class__.objects.get(language_code="id"))
    synchronise_page_trees()
    speaker = Speaker.objects.create(name="Ayu Santoso", title="Researcher", bio="Works on floods.")
    event = make_event(
        index,
        title="Sandbox session on floods",
        capacity=1,
        attendance_mode="hybrid",
        join_url="https://meet.example.org/secret-room",
    )
    make_event(index, title="Reading group on open data", days=-40, recorded_attendance=80)
    event.speakers.add(speaker)
    event.save_revision().publish()


@pytest.fixture
def events(seeded):
    from events.models import EventPage

    seeded(seed_events)
    return EventPage.objects.get(title="Sandbox session on floods", locale__language_code="en")


def test_register_waitlist_cancel_promote_and_check_in(page, events):
    first = UserFactory(email="first@example.org", name="Sari First")
    second = UserFactory(email="second@example.org", name="Dimas Second")
    manager = ProgramManagerFactory(email="manager@example.org", name="Manager")

    sign_in(page, first.email)
    page.goto("/en/events/")
    page.get_by_role("link", name="Sandbox session on floods").click()
    page.get_by_role("button", name="Register").click()
    page.wait_for_selector("text=You are registered.")
    assert "secret-room" in page.content()

    sign_in(page, second.email)
    page.goto(events.url)
    assert "secret-room" not in page.content()
    page.get_by_role("button", name="Join the waiting list").click()
    page.wait_for_selector("text=number 1")
    assert "secret-room" not in page.content()

    sign_in(page, first.email)
    page.goto("/en/me/events/")
    assert_accessible(page)
    mail.outbox.clear()
    page.get_by_role("link", name="Cancel").click()
    assert page.get_by_role("heading", name="Cancel your registration").is_visible()
    assert Registration.objects.get(user=first).state == "confirmed"  # asked, not yet done
    assert_accessible(page)
    page.get_by_role("button", name="Yes, cancel my registration").click()
    page.wait_for_selector("text=Your registration is cancelled.")
    promoted = Registration.objects.get(user=second)
    assert promoted.state == "confirmed"
    assert any(second.email in m.to for m in mail.outbox)

    sign_in(page, second.email)
    page.goto(f"/en/me/events/{promoted.pk}/ticket/")
    assert page.locator("svg.ticket__qr").count() == 1
    assert_accessible(page)

    sign_in(page, manager.email)
    page.goto(f"/en/events/check-in/code/{promoted.code}/")
    assert_accessible(page)
    page.get_by_role("button", name="Mark attended").click()
    page.wait_for_selector("text=Checked in.")
    promoted.refresh_from_db()
    assert promoted.state == "attended"


@pytest.mark.parametrize("language", ["en", "id"])
def test_event_pages_have_no_accessibility_violations(page, events, language):
    member = UserFactory(email="axe@example.org")
    manager = ProgramManagerFactory(email="axe-manager@example.org")
    registration = services.register(member, events)
    slug = events.slug
    for path in (
        "events/",
        f"events/{slug}/",
        "events/speakers/",
        "events/speakers/ayu-santoso/",
        "events/?type=talk&mode=online",
    ):
        page.goto(f"/{language}/{path}")
        assert page.locator("html").get_attribute("lang") == language
        assert_accessible(page)
    sign_in(page, member.email, language)
    for path in (
        f"events/{slug}/",
        "me/events/",
        f"me/events/{registration.pk}/ticket/",
        f"me/events/register/{events.pk}/",
    ):
        page.goto(f"/{language}/{path}")
        assert_accessible(page)
    sign_in(page, manager.email, language)
    for path in (
        f"events/check-in/{events.pk}/",
        f"events/check-in/{events.pk}/?q=axe",
        f"events/check-in/code/{registration.code}/",
    ):
        page.goto(f"/{language}/{path}")
        assert_accessible(page)
