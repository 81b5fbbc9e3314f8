"""Accessible beyond axe, in the shared components every page uses: a rejected form names each
error with a link to its field, messages wait for a live region present at load, focus rings
stand out 3:1, untranslated text under /id/ says it is English, every page has its own title,
landmarks are named, and words do not break mid-letter."""

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.conf import settings

from tests.events.conftest import event_index, hackathon, hackathon_index, make_event, make_team  # noqa: F401

SITE_CSS = Path(settings.BASE_DIR) / "static" / "css" / "site.css"


def soup(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content.decode(), "html.parser")


# --- Error summary --------------------------------------------------------------------------
@pytest.mark.django_db
def test_a_rejected_project_form_names_each_error_with_a_link_to_its_field(
    client,
    hackathon,  # noqa: F811
    member,
):
    team = make_team(hackathon, member)
    client.force_login(member)
    address = f"/en/me/hackathons/teams/{team.pk}/project/"
    html = soup(
        client.post(
            address,
            {
                "title": "Banjir Alert",
                "repository_url": "not a link",
                "demo_url": "also wrong",
                "action": "save",
            },
        )
    )

    summary = html.select_one("form .error-summary")
    assert summary is not None and summary["role"] == "alert" and summary["tabindex"] == "-1"
    assert summary.find_parent("form").select_one("input[name=repository_url]") is not None
    heading = summary.select_one(f"#{summary['aria-labelledby']}")
    assert heading.get_text(strip=True) == "There are 2 problems with this form"
    links = {a["href"]: a.get_text(" ", strip=True) for a in summary.select("a")}
    assert set(links) == {"#id_repository_url", "#id_demo_url"}
    assert links["#id_repository_url"].startswith("Repository URL: Enter a valid URL")
    for name in ("repository_url", "demo_url"):
        field = html.select_one(f"#id_{name}")
        assert field["aria-invalid"] == "true"
        error = html.select_one(f"#id_{name}_error")
        assert error is not None and f"id_{name}_error" in field["aria-describedby"].split()
    # What was typed stays.
    assert html.select_one("#id_title")["value"] == "Banjir Alert"
    assert html.select_one("#id_repository_url")["value"] == "not a link"


@pytest.mark.django_db
def test_a_refusal_from_the_server_is_named_in_the_summary_too(client, hackathon, member):  # noqa: F811
    team = make_team(hackathon, member)
    client.force_login(member)
    address = f"/en/me/hackathons/teams/{team.pk}/project/"
    html = soup(client.post(address, {"title": "", "action": "submit"}))
    summary = html.select_one(".error-summary")
    assert summary is not None
    assert summary.select("li") and not summary.select("a")  # a form-wide error has no field
    assert len(html.select("[role=alert]")) == 1  # announced once, not twice


@pytest.mark.django_db
def test_a_form_shown_first_has_no_summary_and_no_invalid_fields(client, hackathon, member):  # noqa: F811
    team = make_team(hackathon, member)
    client.force_login(member)
    html = soup(client.get(f"/en/me/hackathons/teams/{team.pk}/project/"))
    assert html.select(".error-summary") == [] and html.select("[aria-invalid]") == []


@pytest.mark.django_db
def test_the_signup_form_has_the_summary_as_well(client, demo_site):
    html = soup(client.post("/en/accounts/signup/", {"email": "not-an-email", "password1": "x"}))
    summary = html.select_one(".error-summary")
    assert summary is not None
    assert "#id_email" in [a["href"] for a in summary.select("a")]
    assert html.select_one("#id_email")["value"] == "not-an-email"


# --- Messages -------------------------------------------------------------------------------
@pytest.mark.django_db
def test_messages_after_a_post_are_put_into_a_live_region_that_is_empty_at_load(
    client,
    hackathon,  # noqa: F811
    member,
):
    team = make_team(hackathon, member)
    client.force_login(member)
    address = f"/en/me/hackathons/teams/{team.pk}/project/"
    html = soup(client.post(address, {"title": "Banjir Alert", "action": "save"}, follow=True))
    region = html.select_one("#messages-region")
    assert region["role"] == "status" and region.get_text(strip=True) == ""
    assert "Saved." in html.select_one("[data-messages]").get_text()
    # Every page has the region, even without a message (it must be there before it is filled).
    assert soup(client.get(address)).select_one("#messages-region") is not None


# --- Focus rings and word breaks ------------------------------------------------------------
def _luminance(hex_colour):
    hex_colour = hex_colour.lstrip("#")
    if len(hex_colour) == 3:
        hex_colour = "".join(c * 2 for c in hex_colour)
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(one, other):
    high, low = sorted((_luminance(one), _luminance(other)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_contrast_is_computed_as_wcag_does():
    assert round(contrast("#000", "#fff"), 1) == 21.0
    assert round(contrast("#f2b134", "#ffffff"), 2) == 1.89  # the old amber card ring


def _css():
    css = re.sub(r"/\*.*?\*/", "", SITE_CSS.read_text(), flags=re.S)
    variables = dict(re.findall(r"--([\w-]+):\s*(#[0-9a-fA-F]{3,6})\s*;", css))
    rules = re.findall(r"([^{}]+)\{([^{}]*)\}", css)
    return variables, [(selector.strip(), body) for selector, body in rules]


def _colour(value, variables):
    value = value.strip()
    match = re.search(r"var\(--([\w-]+)\)", value)
    if match:
        return variables[match.group(1)]
    match = re.search(r"#[0-9a-fA-F]{3,6}\b", value)
    return match.group(0) if match else None


def test_every_focus_ring_stands_out_three_to_one_against_what_surrounds_it():
    variables, rules = _css()
    backgrounds = {
        ".site-header": [variables["brand"], variables["brand-dark"]],
        ".site-footer": [variables["ink"]],
    }
    light = ["#ffffff", variables["surface"], variables["surface-alt"]]
    checked = []
    for selector, body in rules:
        if "focus" not in selector:
            continue
        pairs = (d.partition(":") for d in body.split(";") if ":" in d)
        declarations = {name.strip(): value.strip() for name, _, value in pairs}
        colour = None
        if "outline-color" in declarations:
            colour = _colour(declarations["outline-color"], variables)
        elif "outline" in declarations and "none" not in declarations["outline"]:
            colour = _colour(declarations["outline"], variables)
        if colour is None:
            continue
        for single in selector.split(","):
            context = next(
                (bg for prefix, bg in backgrounds.items() if single.strip().startswith(prefix)),
                light,
            )
            for background in context:
                ratio = contrast(colour, background)
                checked.append(single.strip())
                assert ratio >= 3, f"{single.strip()}: {colour} on {background} is {ratio:.2f}:1"
    assert ":focus-visible" in checked and ".card:focus-within" in checked
    assert ".site-header :focus-visible" in checked and ".site-footer :focus-visible" in checked


def test_long_words_break_only_when_longer_than_the_line():
    css = SITE_CSS.read_text()
    assert "overflow-wrap: anywhere" not in css and "word-break: break-all" not in css
    assert re.search(r"body\s*\{[^}]*overflow-wrap:\s*break-word", css)


# --- Language of untranslated text -----------------------------------------------------------
@pytest.mark.django_db
def test_english_text_of_an_untranslated_page_is_marked_english_under_id(client, event_index):  # noqa: F811
    from wagtail.models import Locale

    index = event_index
    make_event(index, title="Policy dialogue on floods", summary="Flood resilience in English")
    indonesian = index.get_translation(Locale.objects.get(language_code="id"))

    listing = soup(client.get(indonesian.url))
    assert listing.html["lang"] == "id"
    card = listing.find("a", string="Policy dialogue on floods").find_parent(["h2", "h3"])
    assert card["lang"] == "en"
    assert listing.find("p", string="Flood resilience in English")["lang"] == "en"
    detail = soup(client.get(listing.find("a", string="Policy dialogue on floods")["href"]))
    assert detail.find("h1")["lang"] == "en"
    # The same page under /en/ needs no attribute: it is in the language of the page around it.
    english = soup(client.get(index.url))
    assert (
        english.find("a", string="Policy dialogue on floods").find_parent(["h2", "h3"]).get("lang")
        is None
    )


@pytest.mark.django_db
def test_a_translated_page_under_id_is_not_marked_english(client, demo_site):
    """The demo home page is translated through wagtail-localize: its text is Indonesian."""
    html = soup(client.get("/id/"))
    assert html.html["lang"] == "id" and html.find("h1").get("lang") is None


# --- Titles and landmarks -------------------------------------------------------------------
@pytest.mark.django_db
def test_the_hackathon_overview_teams_and_gallery_each_have_their_own_title(
    client,
    hackathon,  # noqa: F811
    member,
):
    overview = soup(client.get(hackathon.url))
    titles = {overview.title.string}
    for link in overview.select("nav.subnav a"):
        titles.add(soup(client.get(link["href"])).title.string)
    assert len(titles) == 3, titles


@pytest.mark.django_db
def test_search_landmarks_and_navigation_regions_are_each_named(client, hackathon):  # noqa: F811
    for address in ("/en/", "/en/search/?q=flood", hackathon.url + "gallery/", "/id/"):
        html = soup(client.get(address))
        searches = html.select("[role=search], search")
        assert searches, address
        for region in searches:
            assert region.get("aria-label") or region.get("aria-labelledby"), (
                address,
                str(region)[:80],
            )
        names = [nav.get("aria-label") for nav in html.select("nav")]
        assert all(names), (address, names)
        assert len(names) == len(set(names)), (address, names)


@pytest.mark.django_db
def test_the_unread_marker_is_part_of_the_notification_buttons_name(client, member):
    from portal.notifications.services import notify

    notify([member], title="Your team has a new member", email=False)
    client.force_login(member)
    html = soup(client.get("/en/me/notifications/"))
    button = html.find("button", class_="link-button")
    assert button.get_text(" ", strip=True) == "Unread: Your team has a new member"
    assert button.find(class_="visually-hidden").get_text(strip=True) == "Unread:"
