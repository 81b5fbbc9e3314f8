"""A keyboard-only visitor on a phone: signs up with a mistake, lands on the error summary that
names it, follows its link into the field; Escape closes the menu only while it is open and
leaves focus alone everywhere else."""

import pytest

from tests.e2e.axe import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def focused(page):
    return page.evaluate(
        "() => { const el = document.activeElement;"
        " return {id: el.id, cls: el.className, tag: el.tagName, text: el.innerText || ''}; }"
    )


def tab_to(page, predicate, limit=40, key="Tab"):
    for _ in range(limit):
        page.keyboard.press(key)
        if predicate(focused(page)):
            return focused(page)
    raise AssertionError(f"Tab never reached the element; last focus {focused(page)}")


def test_a_keyboard_user_lands_on_the_summary_that_names_the_error(page, demo_site):
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto("/en/accounts/signup/")

    tab_to(page, lambda el: el["id"] == "id_email")
    page.keyboard.type("not-an-email")
    page.keyboard.press("Enter")
    page.wait_for_load_state("load")
    page.wait_for_selector(".error-summary")

    landed = focused(page)
    assert "error-summary" in landed["cls"], landed
    assert "Email" in landed["text"] and "problem" in landed["text"], landed["text"]
    assert page.input_value("#id_email") == "not-an-email"  # what was typed stays
    assert_accessible(page)

    # The summary's first link takes the visitor into the field to correct it.
    link = tab_to(page, lambda el: el["tag"] == "A")
    assert "Email" in link["text"]
    page.keyboard.press("Enter")
    assert focused(page)["id"] == "id_email"

    # Escape with the menu closed: focus stays where the visitor is.
    page.keyboard.press("Escape")
    assert focused(page)["id"] == "id_email"
    toggle = page.locator(".nav-toggle")
    assert toggle.get_attribute("aria-expanded") == "false"

    # The menu opened from its button closes with Escape and gives focus back to the button.
    tab_to(page, lambda el: "nav-toggle" in el["cls"], key="Shift+Tab")
    page.keyboard.press("Enter")
    assert toggle.get_attribute("aria-expanded") == "true"
    page.keyboard.press("Tab")  # into the menu
    page.keyboard.press("Escape")
    assert toggle.get_attribute("aria-expanded") == "false"
    assert "nav-toggle" in focused(page)["cls"]

    # Open, but focus back in the form: Escape closes the menu and leaves focus in the form.
    page.keyboard.press("Enter")
    assert toggle.get_attribute("aria-expanded") == "true"
    tab_to(page, lambda el: el["id"] == "id_email")  # through the open menu, into the form
    page.keyboard.press("Escape")
    assert toggle.get_attribute("aria-expanded") == "false"
    assert focused(page)["id"] == "id_email"
