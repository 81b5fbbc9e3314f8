"""Every admin listing with a search box answers a query (SQLite and PostgreSQL alike)."""

import pytest
from django.urls import reverse
from wagtail.admin.viewsets import viewsets as admin_viewsets

from tests.factories import OrganisationFactory, SuperuserFactory

pytestmark = pytest.mark.django_db


def _searchable_viewsets():
    reverse("wagtailadmin_home")  # the admin's viewsets register their URLs on first use
    ours = ("portal.", "partners.", "events.", "programs.")
    for viewset in admin_viewsets.viewsets:
        if type(viewset).__module__.startswith(ours) and getattr(viewset, "search_fields", None):
            yield viewset


def test_searching_organisations_finds_them_by_name_short_name_and_city(client):
    OrganisationFactory(name="Kampung Hijau", short_name="KH", city="Bogor")
    OrganisationFactory(name="Jakarta Smart City", short_name="JSC", city="Jakarta")
    client.force_login(SuperuserFactory())
    url = reverse("organisations:index")
    for query, found, absent in [
        ("hijau", "Kampung Hijau", "Jakarta Smart City"),
        ("JSC", "Jakarta Smart City", "Kampung Hijau"),
        ("bogor", "Kampung Hijau", "Jakarta Smart City"),
    ]:
        response = client.get(url, {"q": query})
        assert response.status_code == 200, query
        html = response.content.decode()
        assert found in html and absent not in html, query


def test_every_admin_search_answers(client):
    client.force_login(SuperuserFactory())
    checked = []
    for viewset in _searchable_viewsets():
        url = viewset.menu_url
        assert client.get(url, {"q": "kampung air"}).status_code == 200, url
        checked.append(url)
    assert "/admin/organisations/" in checked
