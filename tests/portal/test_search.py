import pytest
from django.utils.html import escape

from portal.models import HomePage, StandardPage
from tests.conftest import XSS_PAYLOADS, page_queries

pytestmark = pytest.mark.django_db


def _add_pages(count, start=0):
    home = HomePage.objects.get(locale__language_code="en")
    for number in range(start, start + count):
        page = StandardPage(
            title=f"Flood sensor report {number}",
            slug=f"flood-report-{number}",
            intro="River water-level sensors along the Ciliwung.",
        )
        home.add_child(instance=page)
        page.save_revision().publish()


_queries = page_queries


def test_search_finds_pages_in_the_visitor_language_only(client, demo_site):
    html = client.get("/en/search/", {"q": "network"}).content.decode()
    assert "About the network" in html
    assert "Tentang jaringan" not in html
    html = client.get("/id/search/", {"q": "jaringan"}).content.decode()
    assert "Tentang jaringan" in html


def test_search_is_paginated_and_its_query_count_does_not_grow(client, demo_site):
    _add_pages(3)
    small = _queries(client, "/en/search/?q=flood")
    _add_pages(27, start=3)
    large = _queries(client, "/en/search/?q=flood")
    assert large == small
    html = client.get("/en/search/", {"q": "flood", "page": 2}).content.decode()
    assert "Page 2 of 3" in html
    assert 'rel="prev"' in html


def test_hostile_queries_are_answered_and_shown_as_text(client, demo_site):
    for payload in XSS_PAYLOADS:
        response = client.get("/en/search/", {"q": payload})
        assert response.status_code == 200, payload
        html = response.content.decode()
        if "<" in payload:
            assert payload not in html
            assert escape(payload) in html


def test_overlong_queries_are_cut_not_rejected(client, demo_site):
    response = client.get("/en/search/", {"q": "banjir " * 200})
    assert response.status_code == 200
