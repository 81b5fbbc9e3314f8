"""Rate limits per client (anonymous by IP address, higher with an API key), API keys issued by
program managers and shown once, and nothing private in any dataset for anyone."""

import pytest
from django.test import override_settings
from django.urls import reverse

from api.models import ApiKey, digest
from api.services import create_key
from partners.models import Organisation
from portal import datasets as registry
from portal.models import HomePage, StandardPage
from tests.api.conftest import API, follow, make_pilot
from tests.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db

RATES = {"anonymous": "2/minute", "key": "4/minute"}


@override_settings(PORTAL_API_RATES=RATES)
def test_anonymous_clients_are_limited_by_address(client):
    for _ in range(2):
        assert client.get(API).status_code == 200
    response = client.get(API)
    assert response.status_code == 429
    assert response["Content-Type"] == "application/json"
    assert int(response["Retry-After"]) > 0
    assert response.json()["status"] == 429 and "throttled" in response.json()["detail"]
    # A forwarded-for header from an untrusted peer changes nothing; another address does.
    assert client.get(API, HTTP_X_FORWARDED_FOR="198.51.100.7").status_code == 429
    assert client.get(API, REMOTE_ADDR="203.0.113.9").status_code == 200


@override_settings(PORTAL_API_RATES=RATES)
def test_an_api_key_raises_the_limit(client, db):
    _key, secret = create_key(name="Jakarta open data portal harvester")
    for number in range(4):
        header = (
            {"HTTP_X_API_KEY": secret}
            if number % 2
            else {"HTTP_AUTHORIZATION": f"Api-Key {secret}"}
        )
        assert client.get(API, **header).status_code == 200, number
    assert client.get(API, HTTP_X_API_KEY=secret).status_code == 429
    assert client.get(API).status_code == 200  # the anonymous bucket is another one


def test_an_unknown_or_inactive_key_is_refused(client, db):
    api_key, secret = create_key(name="Old")
    api_key.active = False
    api_key.save()
    for sent in (secret, "jkt_made-up"):
        response = client.get(API, HTTP_X_API_KEY=sent)
        assert response.status_code == 401
        assert response["WWW-Authenticate"] == "Api-Key"
        assert response.json()["detail"] == "Unknown or inactive API key."


def test_a_program_manager_issues_a_key_that_is_shown_once(client, network):
    client.force_login(network.manager)
    index = client.get(reverse("api_keys:index"))
    assert index.status_code == 200
    add = reverse("api_keys:add")
    assert add in index.content.decode()
    response = client.post(
        add, {"name": "Satu Data Jakarta", "owner": network.manager.pk, "active": "on"}
    )
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]
    api_key = ApiKey.objects.get()
    secret = response.context["secret"]
    assert secret.startswith("jkt_") and secret in response.content.decode()
    assert api_key.hashed_key == digest(secret)
    assert secret not in {api_key.name, api_key.prefix, api_key.hashed_key}
    for address in (reverse("api_keys:index"), reverse("api_keys:edit", args=[api_key.pk])):
        assert secret not in client.get(address).content.decode()
    client.logout()
    assert client.get(API, HTTP_X_API_KEY=secret).status_code == 200


def test_members_do_not_reach_the_keys(client, db):
    client.force_login(UserFactory())
    assert client.get(reverse("api_keys:index")).status_code == 404
    assert client.get(reverse("api_keys:add")).status_code == 404


def _everything(client, **headers):
    """Every page of every dataset, as one text."""
    texts = []
    for dataset in client.get(API, **headers).json()["datasets"]:
        items, _pages = follow(client, dataset["url"] + "?page_size=100", **headers)
        texts += [str(item) for item in items]
    return "\n".join(texts)


def test_nothing_private_is_in_any_dataset_for_anyone(client, network, demo_site):
    hidden = make_pilot(network, "Secret unpublished pilot", published=False)
    shown = make_pilot(network, "Public pilot")
    OrganisationFactory(name="Secret unverified organisation", verification_state="pending")
    home = HomePage.objects.get(locale__language_code="en")
    home.add_child(
        instance=StandardPage(title="Secret draft page", slug="secret-draft", live=False)
    )
    _key, secret = create_key(name="Harvester")
    assert Organisation.objects.filter(verification_state="pending").exists()
    for headers in ({}, {"HTTP_X_API_KEY": secret}):
        text = _everything(client, **headers)
        assert "Public pilot" in text
        assert "Secret" not in text, headers
        assert client.get(f"{API}pilots/{hidden.pk}/", **headers).status_code == 404
        assert client.get(f"{API}pilots/{shown.pk}/", **headers).status_code == 200
    assert {d.slug for d in registry.datasets()} >= {"pilots"}
