"""Public partner and agency directories: verified only, filters, search, pagination, profiles."""

import pytest

from partners.models import Organisation
from portal.models import Pillar
from tests.conftest import XSS_PAYLOADS, assert_harmless, page_queries
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def _html(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, url
    return response.content.decode()


def test_demo_lists_the_37_agencies(client, demo_partners):
    html = _html(client, "/en/agencies/")
    assert "37 organisations" in html
    assert "Board of Regional Disaster Management" in html
    assert "Qlue" not in html  # a company, not an agency
    assert "Department of Transportation" in _html(client, "/en/agencies/?page=2")


def test_only_verified_organisations_are_public(client, directories):
    OrganisationFactory(name="Visible Start-up")
    for state in ("pending", "rejected", "suspended"):
        OrganisationFactory(
            name=f"Hidden {state}", slug=f"hidden-{state}", verification_state=state
        )
    html = _html(client, "/en/partners/")
    assert "Visible Start-up" in html
    assert "Hidden" not in html
    for state in ("pending", "rejected", "suspended"):
        _html(client, f"/en/partners/hidden-{state}/", status=404)
    assert "Hidden" not in _html(client, "/en/partners/?q=hidden")


def test_profiles_live_in_their_own_directory(client, directories):
    agency = OrganisationFactory(name="Department of Water Resources", kind="agency")
    company = OrganisationFactory(name="Nodeflux", kind="company")
    assert "Department of Water Resources" in _html(client, f"/en/agencies/{agency.slug}/")
    _html(client, f"/en/agencies/{company.slug}/", status=404)
    assert "Nodeflux" in _html(client, f"/id/partners/{company.slug}/")


def test_an_agency_has_one_profile_address_in_the_agency_directory(client, directories):
    """The partner directory lists agencies too; their one profile is under /agencies/."""
    import csv
    import io

    agency = OrganisationFactory(name="Department of Water Resources", kind="agency")
    company = OrganisationFactory(name="Nodeflux", kind="company")
    for language in ("en", "id"):
        listing = _html(client, f"/{language}/partners/")
        assert f'href="/{language}/agencies/{agency.slug}/"' in listing
        assert f'href="/{language}/partners/{company.slug}/"' in listing
        moved = client.get(f"/{language}/partners/{agency.slug}/")
        assert moved.status_code == 301
        assert moved["Location"] == f"/{language}/agencies/{agency.slug}/"
    sitemap = client.get("/sitemap.xml").content.decode()
    assert f"/en/agencies/{agency.slug}/<" in sitemap
    assert f"/en/partners/{agency.slug}/" not in sitemap
    assert f"/en/partners/{company.slug}/<" in sitemap
    rows = csv.DictReader(io.StringIO(client.get("/en/open-data/organisations.csv").text))
    addresses = {row["name"]: row["url"] for row in rows}
    assert addresses["Department of Water Resources"].endswith(f"/en/agencies/{agency.slug}/")
    assert addresses["Nodeflux"].endswith(f"/en/partners/{company.slug}/")


def test_filters_by_kind_pillar_sdg_and_city_and_searches(client, directories):
    mobility = Pillar.objects.get(slug="smart-mobility", locale__language_code="en")
    a = OrganisationFactory(name="Transit Lab", kind="startup", city="Jakarta")
    a.pillars.add(mobility)
    OrganisationFactory(name="Berlin Senate", kind="sister_city", city="Berlin")
    OrganisationFactory(name="Campus Research Centre", kind="university", city="Depok")
    assert "Transit Lab" in _html(client, "/en/partners/?pillar=smart-mobility")
    assert "Campus Research" not in _html(client, "/en/partners/?pillar=smart-mobility")
    html = _html(client, "/en/partners/?kind=sister_city")
    assert "Berlin Senate" in html and "Transit Lab" not in html
    html = _html(client, "/en/partners/?city=depok")
    assert "Campus Research Centre" in html and "Berlin Senate" not in html
    html = _html(client, "/en/partners/?q=transit")
    assert "1 organisation" in html and "Transit Lab" in html
    # Pillar names follow the visitor's language.
    assert "Mobilitas Cerdas" in _html(client, "/id/partners/")


def test_unknown_filter_values_are_ignored_not_errors(client, directories):
    OrganisationFactory(name="Anything")
    html = _html(client, "/en/partners/?kind=spaceship&sdg=abc&pillar=nope&page=99")
    assert "0 organisations" in html or "Anything" in html


def test_directory_is_paginated_with_a_constant_query_count(client, directories):
    mobility = Pillar.objects.get(slug="smart-mobility", locale__language_code="en")

    def add(count, start):
        for number in range(start, start + count):
            OrganisationFactory(name=f"Org {number:03d}").pillars.add(mobility)

    def queries():
        return page_queries(client, "/en/partners/")

    add(5, 0)
    small = queries()
    add(45, 5)
    assert queries() == small
    html = _html(client, "/en/partners/?page=3")
    assert "Page 3 of 3" in html


def test_profile_query_count_does_not_grow_with_tags(client, directories):
    organisation = OrganisationFactory(name="Tagged")
    url = f"/en/partners/{organisation.slug}/"
    few = page_queries(client, url)
    organisation.pillars.set(Pillar.objects.filter(locale__language_code="en"))
    organisation.sectors.add(*[f"sector {n}" for n in range(10)])
    assert page_queries(client, url) == few


def test_hostile_profile_text_is_harmless(client, directories):
    organisation = OrganisationFactory(name="Hostile")
    for payload in XSS_PAYLOADS:
        Organisation.objects.filter(pk=organisation.pk).update(description=payload, name=payload)
        html = _html(client, f"/en/partners/{organisation.slug}/")
        main = html.split('<main id="main"')[1].split("</main>")[0]
        assert_harmless(main, allowed_tags=())
    assert "{{ 7*7 }}" in main


def test_slugs_are_unique_and_derived_from_the_name():
    first = Organisation.objects.create(name="Kota Hijau", kind="ngo")
    second = Organisation.objects.create(name="Kota Hijau", kind="ngo")
    assert (first.slug, second.slug) == ("kota-hijau", "kota-hijau-2")


def test_program_managers_list_filter_and_export_organisations(admin_client, directories):
    OrganisationFactory(name="Pending Collective", verification_state="pending", kind="ngo")
    OrganisationFactory(name="Verified Start-up")
    html = admin_client.get("/admin/organisations/?verification_state=pending").content.decode()
    assert "Pending Collective" in html and "Verified Start-up" not in html
    export = admin_client.get("/admin/organisations/?export=csv")
    csv = b"".join(export.streaming_content).decode()
    assert "Pending Collective" in csv and "Verified Start-up" in csv


def test_members_without_admin_access_cannot_reach_the_organisation_admin(client, member):
    client.force_login(member)
    # Signed in without admin access: 404, like any private object (it confirms nothing).
    assert client.get("/admin/organisations/").status_code == 404
    assert client.get("/admin/organisations/?export=csv").status_code == 404
