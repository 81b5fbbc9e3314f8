"""The client's address comes from X-Forwarded-For only as far as trusted proxies wrote it."""

import pytest
from allauth.account.adapter import get_adapter
from django.test import RequestFactory, override_settings
from django.urls import reverse

from portal.clientip import client_ip

PROXY = "10.0.0.5"
TOO_MANY = "Too many failed login attempts"


def _request(peer, forwarded=None):
    extra = {"REMOTE_ADDR": peer}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **extra)


@override_settings(TRUSTED_PROXIES=[])
def test_without_trusted_proxies_the_header_is_ignored():
    assert client_ip(_request("198.51.100.7", "203.0.113.1")) == "198.51.100.7"


@override_settings(TRUSTED_PROXIES=["10.0.0.0/8"])
@pytest.mark.parametrize(
    ("peer", "forwarded", "expected"),
    [
        # A visitor that talks to the server directly cannot claim another address.
        ("198.51.100.7", "203.0.113.1", "198.51.100.7"),
        # Behind the proxy: the address the proxy appended, not what the client wrote before it.
        (PROXY, "6.6.6.6, 203.0.113.1", "203.0.113.1"),
        # Two trusted hops: skipped right to left.
        (PROXY, "6.6.6.6, 203.0.113.1, 10.0.0.9", "203.0.113.1"),
        # The proxy sent no header: the proxy is all we know.
        (PROXY, None, PROXY),
        # Garbage before the trusted hops stops the walk at the last believable address.
        (PROXY, "203.0.113.1, not-an-ip, 10.0.0.9", "10.0.0.9"),
        (PROXY, " 2001:db8::1 ", "2001:db8::1"),
        (PROXY, "203.0.113.1:4711", "203.0.113.1"),
    ],
)
def test_forwarded_addresses_are_believed_only_from_trusted_proxies(peer, forwarded, expected):
    assert client_ip(_request(peer, forwarded)) == expected


@override_settings(TRUSTED_PROXIES=["10.0.0.0/8"])
def test_allauth_sees_the_same_address():
    request = _request(PROXY, "6.6.6.6, 203.0.113.1")
    assert get_adapter(request).get_client_ip(request) == "203.0.113.1"


def _fail_login(client, number, **extra):
    return client.post(
        reverse("account_login"),
        {"login": f"nobody{number}@example.org", "password": "wrong-password"},
        **extra,
    )


@pytest.mark.django_db
@override_settings(TRUSTED_PROXIES=["10.0.0.0/8"], ACCOUNT_RATE_LIMITS={"login_failed": "2/m/ip"})
def test_spoofing_does_not_escape_allauths_login_limit(client):
    # Straight to the server, inventing a new X-Forwarded-For each time: still one client.
    for number in range(2):
        _fail_login(
            client, number, REMOTE_ADDR="198.51.100.7", HTTP_X_FORWARDED_FOR=f"1.1.1.{number}"
        )
    limited = _fail_login(client, 9, REMOTE_ADDR="198.51.100.7", HTTP_X_FORWARDED_FOR="1.1.1.9")
    assert TOO_MANY in limited.content.decode()
    # Behind the proxy, two visitors are two clients: one's failures do not lock the other out.
    for number in range(3):
        _fail_login(client, number, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="203.0.113.1")
    other = _fail_login(client, 5, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="203.0.113.2")
    assert TOO_MANY not in other.content.decode()
