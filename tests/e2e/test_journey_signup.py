"""Journey: a visitor reads the portal in both languages, signs up, confirms, and reaches /me/."""

import re

import pytest
from django.core import mail
from django.core.cache import cache

from tests.conftest import XSS_PAYLOADS
from tests.factories import DEFAULT_PASSWORD

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def _confirmation_path(email):
    for message in mail.outbox:
        if email in message.to:
            return re.search(
                r"https?://[^/\s]+(/\w\w/accounts/confirm-email/\S+/)", message.body
            ).group(1)
    raise AssertionError(f"no e-mail was sent to {email}")


def test_visitor_switches_language_signs_up_verifies_and_sees_the_dashboard(page, demo_site):
    # The browser asks for English first; the portal answers in English.
    page.goto("/")
    page.wait_for_url("**/en/")
    assert page.locator("h1").inner_text().startswith("Co-creating Jakarta")

    # Switch to Bahasa Indonesia and back with the language switcher.
    page.get_by_role("navigation", name="Language").get_by_role(
        "link", name="Bahasa Indonesia"
    ).click()
    page.wait_for_url("**/id/")
    assert page.locator("html").get_attribute("lang") == "id"
    assert page.get_by_role("link", name="Tentang jaringan").first.is_visible()
    page.get_by_role("navigation", name="Bahasa").get_by_role("link", name="English").click()
    page.wait_for_url("**/en/")

    # Sign up.
    page.get_by_role("link", name="Sign up").click()
    page.wait_for_url("**/en/accounts/signup/")
    page.fill("input[name=email]", "putri@example.org")
    page.fill("input[name=name]", "Putri Anggraini")
    page.fill("input[name=password1]", DEFAULT_PASSWORD)
    page.fill("input[name=password2]", DEFAULT_PASSWORD)
    page.locator("form.stack-form button[type=submit]").click()
    page.wait_for_url("**/en/accounts/confirm-email/")

    # Not in yet: the dashboard sends us to the login page.
    page.goto("/en/me/")
    page.wait_for_url("**/en/accounts/login/**")

    # Open the link from the e-mail the portal sent, and confirm.
    page.goto(_confirmation_path("putri@example.org"))
    page.locator("form.stack-form button[type=submit]").click()

    # Confirming signs the new member in; if not, the login form does.
    if "/accounts/login/" in page.url:
        page.fill("input[name=login]", "putri@example.org")
        page.fill("input[name=password]", DEFAULT_PASSWORD)
        page.locator("form.stack-form button[type=submit]").click()
    page.goto("/en/me/")
    assert page.locator("h1").inner_text() == "Welcome, Putri"
    assert "putri@example.org" in page.content()

    # Sign out and back in with e-mail and password.
    page.get_by_role("link", name="Sign out").click()
    page.locator("form.stack-form button[type=submit]").click()
    page.goto("/en/accounts/login/")
    page.fill("input[name=login]", "putri@example.org")
    page.fill("input[name=password]", DEFAULT_PASSWORD)
    page.locator("form.stack-form button[type=submit]").click()
    page.wait_for_url("**/en/me/")


def test_hostile_text_in_forms_runs_nothing_and_shows_as_text(page, demo_site):
    for number, payload in enumerate(XSS_PAYLOADS):
        cache.clear()  # sign-up is rate-limited per address; this test posts twenty forms
        page.goto("/en/search/")
        page.fill("#search-q", payload)
        page.locator("main form button[type=submit]").click()
        page.wait_for_load_state()
        assert page.input_value("#search-q") == payload[:200]

        page.goto("/en/accounts/signup/")
        page.fill("input[name=email]", f"hostile{number}@example.org")
        page.fill("input[name=name]", payload)
        page.fill("input[name=password1]", "short")
        page.fill("input[name=password2]", "different")
        page.locator("form.stack-form button[type=submit]").click()
        page.wait_for_selector(".field--error")
        # The form keeps what was typed, as text.
        assert page.input_value("input[name=name]") == payload
    # The `page` fixture fails the test if any dialog opened.
