"""One canonical host (SITE_URL) for every absolute URL: sitemap, hreflang, og:url, JSON-LD,
feed guids; the demo serves the address `make run` prints."""

import re

import pytest
from django.core.exceptions import ImproperlyConfigured
from wagtail.models import Site

from portal.sites import site_address, sync_default_site
from programs.models import PolicyRecommendationPage
from tests.site.readers import head, hreflang, json_ld, meta, sitemap

CANONICAL = "https://portal.example.org"


def test_site_url_must_be_an_address_wagtail_can_write_back():
    assert site_address("https://portal.example.org") == ("portal.example.org", 443)
    assert site_address("http://127.0.0.1:8000/") == ("127.0.0.1", 8000)
    wrong_addresses = [
        "https://portal.example.org:8443",
        "http://example.org:443",
        "example.org",
        "https://example.org/portal",
    ]
    for wrong in wrong_addresses:
        with pytest.raises(ImproperlyConfigured):
            site_address(wrong)


@pytest.mark.django_db
def test_every_absolute_url_is_on_the_canonical_host(client, demo, settings):
    site = Site.objects.get(is_default_site=True)
    assert site.root_url == settings.SITE_URL == "http://127.0.0.1:8000"  # what `make run` prints

    settings.SITE_URL = CANONICAL
    sync_default_site()
    entries = sitemap(client)
    urls = list(entries) + [href for links in entries.values() for href in links.values()]
    assert len(entries) > 400
    assert [url for url in urls if not url.startswith(f"{CANONICAL}/")] == []

    recommendation = PolicyRecommendationPage.objects.live().filter(locale__language_code="en")[0]
    html = head(client, recommendation.url)
    assert meta(html, "property", "og:url") == [f"{CANONICAL}{recommendation.url}"]
    links = hreflang(html)
    assert links and all(href.startswith(f"{CANONICAL}/") for _, href in links)
    assert json_ld(html)[0]["url"] == f"{CANONICAL}{recommendation.url}"

    feed = client.get("/en/policy/feed/").content.decode()
    guids = re.findall(r"<guid[^>]*>([^<]+)</guid>", feed)
    assert guids and all(guid.startswith(f"{CANONICAL}/en/policy/") for guid in guids)
    assert "localhost" not in feed and "testserver" not in feed
    assert settings.SITE_URL == CANONICAL
