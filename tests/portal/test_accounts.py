"""Accounts: e-mail-only login, mandatory verification, rate limits, MFA for staff, admin login."""

import re

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.core import mail

from portal.models import User
from tests.factories import DEFAULT_PASSWORD, ProgramManagerFactory

pytestmark = pytest.mark.django_db


def _signup(client, email="new.member@example.org", name="Sari Wulandari"):
    return client.post(
        "/en/accounts/signup/",
        {
            "email": email,
            "name": name,
            "password1": DEFAULT_PASSWORD,
            "password2": DEFAULT_PASSWORD,
        },
    )


def test_signup_requires_e_mail_verification_before_login(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = _signup(client)
    assert response.status_code == 302
    assert response.url == "/en/accounts/confirm-email/"
    user = User.objects.get(email="new.member@example.org")
    assert user.name == "Sari Wulandari"
    assert not EmailAddress.objects.get(user=user).verified
    # Not signed in until the address is confirmed.
    assert client.get("/en/me/").status_code == 302

    assert len(mail.outbox) == 1
    link = re.search(
        r"https?://[^/\s]+(/en/accounts/confirm-email/[^\s]+/)", mail.outbox[0].body
    ).group(1)
    page = client.get(link)
    assert page.status_code == 200
    response = client.post(link)
    assert response.status_code == 302
    assert EmailAddress.objects.get(user=user).verified
    assert client.get("/en/me/").status_code == 200


def test_login_before_verification_is_refused(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _signup(client)
    client.logout()
    response = client.post(
        "/en/accounts/login/", {"login": "new.member@example.org", "password": DEFAULT_PASSWORD}
    )
    assert response.status_code == 302
    assert response.url == "/en/accounts/confirm-email/"
    assert client.get("/en/me/").status_code == 302


def test_signup_form_keeps_what_was_entered_and_explains_the_error(client):
    response = client.post(
        "/en/accounts/signup/",
        {
            "email": "kept@example.org",
            "name": "Kept Name",
            "password1": "short",
            "password2": "short",
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert 'value="kept@example.org"' in html
    assert 'value="Kept Name"' in html
    assert "too short" in html
    assert 'aria-invalid="true"' in html


def test_login_is_by_e_mail_only(client, member):
    response = client.post(
        "/en/accounts/login/", {"login": member.email, "password": DEFAULT_PASSWORD}
    )
    assert response.status_code == 302
    assert client.get("/en/me/").status_code == 200
    html = client.get("/en/accounts/login/").content.decode()
    assert "username" not in html.lower()


def test_failed_logins_are_rate_limited(client, member):
    for _ in range(5):
        response = client.post("/en/accounts/login/", {"login": member.email, "password": "wrong"})
        assert "Too many failed login attempts" not in response.content.decode()
    # The sixth try is refused even with the right password, with a clear message.
    response = client.post(
        "/en/accounts/login/", {"login": member.email, "password": DEFAULT_PASSWORD}
    )
    assert "Too many failed login attempts" in response.content.decode()
    assert client.get("/en/me/").status_code == 302


def test_password_reset_sends_a_link(client, member, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/en/accounts/password/reset/", {"email": member.email})
    assert response.status_code == 302
    assert "/accounts/password/reset/key/" in mail.outbox[0].body


def test_admin_login_goes_through_allauth(client):
    response = client.get("/admin/login/?next=/admin/")
    assert response.status_code == 302
    assert "/accounts/login/" in response.url
    response = client.get("/admin/")
    assert "/accounts/login/?next=/admin/" in response.url


def test_staff_without_totp_must_set_it_up_before_the_admin(client, settings):
    settings.PORTAL_REQUIRE_STAFF_MFA = True
    staff = ProgramManagerFactory()
    client.force_login(staff)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert "/accounts/2fa/totp/activate/" in response.url

    Authenticator.objects.create(user=staff, type=Authenticator.Type.TOTP, data={"secret": "x"})
    assert client.get("/admin/").status_code == 200


def test_mfa_is_optional_for_staff_when_the_setting_is_off(client, settings):
    settings.PORTAL_REQUIRE_STAFF_MFA = False
    client.force_login(ProgramManagerFactory())
    assert client.get("/admin/").status_code == 200


def test_admin_gets_a_relaxed_csp_the_public_site_a_strict_one(client):
    client.force_login(ProgramManagerFactory())
    admin_policy = client.get("/admin/").headers["Content-Security-Policy"]
    assert "'unsafe-inline'" in admin_policy


def test_me_is_private_and_never_cached(client, member):
    assert client.get("/en/me/").status_code == 302
    client.force_login(member)
    response = client.get("/en/me/")
    assert response.status_code == 200
    assert "no-cache" in response.headers["Cache-Control"]
    assert member.email in response.content.decode()


def test_too_many_sign_ups_from_one_address_get_a_friendly_429(client):
    for number in range(21):
        response = client.post(
            "/en/accounts/signup/",
            {"email": f"flood{number}@example.org", "password1": "x", "password2": "y"},
        )
    assert response.status_code == 429
    assert "Too many attempts" in response.content.decode()
