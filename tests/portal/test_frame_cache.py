"""The shared frame (menu, language links, footer, home sections) is cached per site and
language: a repeated render skips its queries, and an editor's change shows on the next request."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from portal.models import HomePage, SiteSettings

pytestmark = pytest.mark.django_db


def render(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured), response.content.decode()


def test_the_frame_is_cached_and_follows_every_change(client, demo_site):
    cold, _html = render(client, "/en/")
    warm, _html = render(client, "/en/")
    assert warm <= cold - 5, f"the frame cost {cold} queries cold and still {warm} warm"
    home = HomePage.objects.get(locale__language_code="en")
    section = home.get_children().live().in_menu().first().specific
    section.title = "Renamed section"
    section.save_revision().publish()
    _count, html = render(client, "/en/")
    assert html.count("Renamed section") >= 2  # the menu and the home page's sections
    site_settings = SiteSettings.for_site(demo_site)
    site_settings.organisation_name = "Kolaborasi Jakarta Baru"
    site_settings.save()
    assert "Kolaborasi Jakarta Baru" in render(client, "/en/")[1]
    assert "Kolaborasi Jakarta Baru" in render(client, "/id/")[1]
    # Each language keeps its own frame.
    assert 'lang="id"' in render(client, "/id/")[1]
