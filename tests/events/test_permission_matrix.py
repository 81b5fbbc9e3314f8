"""Every private events URL and export, for each role: the unauthorised get 404 (or the login)."""

import pytest
from django.urls import reverse

from events import services
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

ROLES = ["visitor", "member", "registered", "waitlisted", "manager"]


@pytest.fixture
def setting(event, manager):
    registered, other, waitlisted = UserFactory(), UserFactory(), UserFactory()
    registration = services.register(registered, event)
    services.register(other, event)
    waiting = services.register(waitlisted, event)
    users = {
        "member": UserFactory(),
        "registered": registered,
        "waitlisted": waitlisted,
        "manager": manager,
    }
    return {"event": event, "registration": registration, "waiting": waiting, "users": users}


def _as(client, setting, role):
    if role != "visitor":
        client.force_login(setting["users"][role])


def _urls(setting):
    registration, event = setting["registration"], setting["event"]
    return {
        # url: roles that may open it
        reverse("events:ticket", args=[registration.pk]): {"registered"},
        reverse("events:ticket", args=[setting["waiting"].pk]): set(),  # no ticket while waiting
        reverse("events:check_in", args=[event.pk]): {"manager"},
        reverse("events:check_in_code", args=[registration.code]): {"manager"},
        "/admin/registrations/": {"manager"},
        "/admin/registrations/?export=csv": {"manager"},
        "/admin/registrations/?export=xlsx": {"manager"},
        f"/admin/registrations/events/{event.pk}/": {"manager"},
        "/admin/registrations/events/": {"manager"},
        f"/admin/registrations/inspect/{registration.pk}/": {"manager"},
        "/admin/snippets/events/speaker/": {"manager"},
    }


@pytest.mark.parametrize("role", ROLES)
def test_private_urls_answer_404_to_those_without_access(client, setting, role):
    _as(client, setting, role)
    for url, allowed in _urls(setting).items():
        response = client.get(url)
        if role in allowed:
            assert response.status_code == 200, (role, url)
        elif role == "visitor":
            assert response.status_code in (302, 404), (role, url)
            if response.status_code == 302:
                assert "login" in response["Location"], (role, url)
        else:
            assert response.status_code == 404, (role, url, response.status_code)


@pytest.mark.parametrize("role", ROLES)
def test_only_the_owner_cancels_and_only_managers_check_in(client, setting, role):
    _as(client, setting, role)
    registration = setting["registration"]
    response = client.post(reverse("events:cancel", args=[registration.pk]))
    registration.refresh_from_db()
    if role == "registered":
        assert registration.state == "cancelled"
    else:
        assert registration.state == "confirmed"
        assert (
            response.status_code in (302, 404) if role == "visitor" else response.status_code == 404
        )
    client.post(reverse("events:check_in_code", args=[setting["waiting"].code]))
    other = (
        setting["event"].registrations.filter(state="confirmed").exclude(pk=registration.pk).first()
    )
    response = client.post(reverse("events:check_in_code", args=[other.code]))
    other.refresh_from_db()
    assert (other.state == "attended") == (role == "manager")


def test_exports_carry_no_check_in_codes_or_join_links(client, setting):
    client.force_login(setting["users"]["manager"])
    response = client.get("/admin/registrations/?export=csv")
    body = b"".join(response.streaming_content).decode()
    assert setting["registration"].user.email in body
    assert setting["registration"].code not in body
    assert "secret-room" not in body


def test_registration_posts_are_rate_limited(client, event_index):
    from tests.events.conftest import make_event

    client.force_login(UserFactory())
    events = [make_event(event_index, title=f"E{n}", days=5, capacity=1) for n in range(2)]
    statuses = [
        client.post(reverse("events:register", args=[events[n % 2].pk])).status_code
        for n in range(35)
    ]
    assert statuses[-1] == 429
