"""The public page tree: both languages, navigation, language switching, errors."""

import pytest
from django.test import Client
from wagtail.models import Page

from portal.models import HomePage, StandardPage

pytestmark = pytest.mark.django_db


def test_root_redirects_to_the_browser_language(demo_site):
    assert Client(HTTP_ACCEPT_LANGUAGE="id-ID,id;q=0.9").get("/").url == "/id/"
    assert Client(HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9").get("/").url == "/en/"


def test_unknown_browser_language_falls_back_to_english(demo_site):
    assert Client(HTTP_ACCEPT_LANGUAGE="fr-FR,fr;q=0.9").get("/").url == "/en/"


@pytest.mark.parametrize(
    ("language", "heading", "nav_title", "ui_string"),
    [
        ("en", "Co-creating Jakarta", "About the network", "Skip to main content"),
        (
            "id",
            "Bersama mencipta masa depan Jakarta",
            "Tentang jaringan",
            "Langsung ke konten utama",
        ),
    ],
)
def test_home_is_translated_with_its_navigation(
    client, demo_site, language, heading, nav_title, ui_string
):
    response = client.get(f"/{language}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{language}">' in html
    assert heading in html
    assert nav_title in html
    assert ui_string in html


def test_every_page_exists_and_answers_in_both_languages(client, demo_site):
    english = Page.objects.live().filter(locale__language_code="en", depth__gte=2)
    assert english.count() >= 4
    for page in english:
        indonesian = page.get_translation(page.locale.__class__.objects.get(language_code="id"))
        assert indonesian.live
        for url in (page.url, indonesian.url):
            assert client.get(url).status_code == 200, url


def test_language_switcher_links_to_the_translated_page(client, demo_site):
    html = client.get("/en/about/").content.decode()
    assert 'href="/id/about/" hreflang="id"' in html
    assert '<link rel="alternate" hreflang="id"' in html
    html = client.get("/id/about/").content.decode()
    assert 'href="/en/about/" hreflang="en"' in html


def test_language_switcher_on_non_page_views_keeps_the_path(client, demo_site):
    html = client.get("/en/accounts/login/").content.decode()
    assert 'href="/id/accounts/login/"' in html


def test_current_section_is_marked_in_the_menu(client, demo_site):
    html = client.get("/en/about/").content.decode()
    assert 'href="/en/about/" aria-current="page"' in html


def test_page_added_in_the_admin_appears_in_both_languages(client, demo_site):
    # Synchronised trees: a program manager publishes in English; the Indonesian site shows the
    # same page, with its English text, until someone translates it.
    from tests.factories import SuperuserFactory

    client.force_login(SuperuserFactory())
    home = HomePage.objects.get(locale__language_code="en")
    response = client.post(
        f"/admin/pages/add/portal/standardpage/{home.pk}/",
        {
            "title": "Open government",
            "slug": "open-government",
            "intro": "Datasets of the network.",
            "body-count": "0",
            "action-publish": "publish",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    client.logout()
    response = client.get("/id/open-government/")
    assert response.status_code == 200
    assert "Datasets of the network." in response.content.decode()


def test_pages_created_in_code_are_synchronised_on_request(client, demo_site):
    from portal.i18n import synchronise_page_trees

    home = HomePage.objects.get(locale__language_code="en")
    page = StandardPage(title="Glossary", slug="glossary", intro="Words we use.")
    home.add_child(instance=page)
    page.save_revision().publish()
    assert client.get("/id/glossary/").status_code == 404
    synchronise_page_trees()
    assert client.get("/id/glossary/").status_code == 200


@pytest.mark.parametrize(
    ("language", "text"), [("en", "Page not found"), ("id", "Halaman tidak ditemukan")]
)
def test_not_found_page_is_helpful_and_translated(client, demo_site, language, text):
    response = client.get(f"/{language}/no-such-page/")
    assert response.status_code == 404
    assert text in response.content.decode()


def test_page_types_are_restricted_to_their_place():
    assert HomePage.can_create_at(Page.get_first_root_node())
    assert StandardPage.parent_page_types == ["portal.HomePage", "portal.StandardPage"]
    assert "portal.StandardPage" not in (HomePage.parent_page_types or [])


def test_footer_shows_site_settings_in_the_visitor_language(client, demo_site):
    assert "An open portal for the city" in client.get("/en/").content.decode()
    assert "Portal terbuka untuk jaringan" in client.get("/id/").content.decode()


def test_public_pages_send_strict_csp_with_a_nonce_matching_the_script(client, demo_site):
    response = client.get("/en/")
    policy = response.headers["Content-Security-Policy"]
    assert "'unsafe-inline'" not in policy
    nonce = policy.split("'nonce-")[1].split("'")[0]
    assert f'nonce="{nonce}"' in response.content.decode()
    assert "frame-ancestors 'none'" in policy
    assert response.headers["Permissions-Policy"].startswith("camera=")


def test_sitemap_and_robots(client, demo_site):
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "/en/about/" in sitemap and "/id/about/" in sitemap
    assert "Disallow: /admin/" in client.get("/robots.txt").content.decode()
