"""The member's profile at /me/profile/: reached from /me/ and from the sign-up form, private,
keeps what was typed when refused, and its e-mail switch decides whether notices are e-mailed."""

import re

import pytest
from django.core import mail

from portal.notifications.services import notify
from tests.conftest import XSS_PAYLOADS, assert_harmless
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _profile_link(html):
    return re.search(r'<a href="([^"]*/me/profile/)">', html).group(1)


def test_a_member_follows_the_dashboard_link_and_saves_their_profile(client, member):
    client.force_login(member)
    address = _profile_link(client.get("/en/me/").content.decode())
    assert address == "/en/me/profile/"

    response = client.post(
        address,
        {"name": "Sari Wulandari", "preferred_language": "id", "email_notifications": ""},
        follow=True,
    )

    # Saved, and the page answers in the language the member chose, with a message.
    assert response.redirect_chain[-1][0] == "/id/me/profile/"
    html = response.content.decode()
    assert '<html lang="id"' in html
    assert "message--success" in html
    member.refresh_from_db()
    assert (member.name, member.preferred_language, member.email_notifications) == (
        "Sari Wulandari",
        "id",
        False,
    )


def test_the_profile_is_private_and_never_cached(client, member):
    response = client.get("/en/me/profile/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    client.force_login(member)
    response = client.get("/en/me/profile/")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]


def test_a_refused_profile_keeps_what_was_typed(client, member):
    client.force_login(member)
    response = client.post(
        "/en/me/profile/",
        {"name": "Budi\nSantoso", "preferred_language": "en", "email_notifications": "on"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Please keep this on one line." in html
    assert "Budi\nSantoso" in html  # the textbox still holds what was typed
    response = client.post("/en/me/profile/", {"name": "Budi Santoso", "preferred_language": "fr"})
    html = response.content.decode()
    assert 'value="Budi Santoso"' in html
    assert "Select a valid choice" in html
    member.refresh_from_db()
    assert member.name != "Budi Santoso"


def test_a_hostile_name_is_shown_as_text(client, member):
    client.force_login(member)
    for payload in XSS_PAYLOADS[:20]:
        single_line = " ".join(payload.split())[:150]
        client.post(
            "/en/me/profile/",
            {"name": single_line, "preferred_language": "en", "email_notifications": "on"},
        )
        assert_harmless(client.get("/en/me/profile/").content.decode())
        assert_harmless(client.get("/en/me/").content.decode())


def test_turning_e_mail_off_keeps_the_notice_in_the_portal_only(
    member, django_capture_on_commit_callbacks
):
    other = UserFactory()
    member.email_notifications = False
    member.save()
    with django_capture_on_commit_callbacks(execute=True):
        notify([member, other], title="The pilot moved to piloting", kind="test")
    assert [message.to for message in mail.outbox] == [[other.email]]
    assert member.notifications.get().title == "The pilot moved to piloting"


def test_the_sign_up_hint_links_to_the_profile(client):
    html = client.get("/en/accounts/signup/").content.decode()
    assert "You can change it later on" in html
    assert _profile_link(html) == "/en/me/profile/"
