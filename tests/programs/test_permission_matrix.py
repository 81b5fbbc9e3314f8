"""Every private programmes URL and export, for every role: allowed, or 404 (login for visitors)."""

import pytest
from django.urls import reverse

from programs.models import GovernmentResponse
from tests.factories import UserFactory
from tests.programs.conftest import make_recommendation

pytestmark = pytest.mark.django_db

ROLES = ["visitor", "outsider", "member", "liaison", "other_liaison", "manager"]
MATRIX = {
    "responses": {"liaison", "other_liaison", "manager"},
    "response": {"liaison", "manager"},
    "admin_index": {"manager"},
    "export_csv": {"manager"},
    "export_xlsx": {"manager"},
    "overdue": {"manager"},
    "inspect": {"manager"},
}


@pytest.fixture
def world(indexes, cast):
    page = make_recommendation(indexes[1], agencies=[cast.agency])
    response = GovernmentResponse.objects.get(recommendation=page)
    people = {
        "visitor": None,
        "outsider": UserFactory(email="outsider@example.org"),
        "member": cast.member,
        "liaison": cast.liaison,
        "other_liaison": cast.other_liaison,
        "manager": cast.manager,
    }
    index = reverse("government_responses:index")
    urls = {
        "responses": reverse("programs:responses"),
        "response": reverse("programs:response", args=[response.pk]),
        "admin_index": index,
        "export_csv": index + "?export=csv",
        "export_xlsx": index + "?export=xlsx",
        "overdue": index + "?overdue=true",
        "inspect": reverse("government_responses:inspect", args=[response.pk]),
    }
    return people, urls, page


@pytest.mark.parametrize("role", ROLES)
def test_each_role_reaches_exactly_what_it_may(client, world, role):
    people, urls, _page = world
    user = people[role]
    if user is not None:
        client.force_login(user)
    for name, address in urls.items():
        response = client.get(address)
        if user is None:
            assert response.status_code == 302, (role, name)
            assert "/accounts/login/" in response.url or "/admin/login" in response.url
        elif role in MATRIX[name]:
            assert response.status_code == 200, (role, name, response.status_code)
        else:
            assert response.status_code in (404, 302), (role, name, response.status_code)
            if response.status_code == 302:  # the admin sends non-staff to its login page
                assert name not in ("responses", "response"), (role, name)
                assert "login" in response.url, (role, name)


def test_the_export_holds_the_responses_for_managers(client, world, cast):
    _people, urls, page = world
    client.force_login(cast.manager)
    response = client.get(urls["export_csv"])
    content = b"".join(response.streaming_content) if response.streaming else response.content
    assert page.title.encode() in content and cast.agency.name.encode() in content
