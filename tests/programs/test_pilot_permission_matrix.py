"""Every private pilot URL and export, for every role: allowed, or 404 (login for visitors).

The decision URL of an agency's involvement answers only that agency's liaisons (and program
managers, who see but cannot decide); a liaison of any other agency gets 404.
"""

import pytest
from django.urls import reverse

from programs.pilots import services
from tests.programs.pilots import invite_hosts

pytestmark = pytest.mark.django_db

ROLES = [
    "visitor",
    "outsider",
    "lead",
    "host_liaison",
    "second_liaison",
    "third_liaison",
    "manager",
]
MATRIX = {
    "my_pilots": set(ROLES) - {"visitor"},
    "manage": {"lead", "host_liaison", "second_liaison", "manager"},
    "edit": {"lead", "manager"},
    "decision": {"host_liaison", "manager"},
    "document": {"lead", "host_liaison", "second_liaison", "manager"},
    "milestone": {"lead", "host_liaison", "second_liaison", "manager"},
    "milestone_evidence": {"lead", "host_liaison", "second_liaison", "manager"},
    "new": {"manager"},
    "admin_index": {"manager"},
    "export_csv": {"manager"},
    "export_xlsx": {"manager"},
    "overdue": {"manager"},
    "board": {"manager"},
    "involvements_export": {"manager"},
    "adoptions_export": {"manager"},
}
# POST endpoints: each role that may not see the pilot gets 404 and changes nothing.
POSTS = {
    "invite": {"manager"},
    "publish": {"manager"},
    "note": {"lead", "host_liaison", "second_liaison", "manager"},
    "milestone_add": {"lead", "host_liaison", "second_liaison", "manager"},
}


@pytest.fixture
def matrix(world):
    first, _second = invite_hosts(world)
    document = services.add_document(
        world.manager, world.pilot, kind="mou", title="MoU", reference="12/PKS/2024"
    )
    document.file.save("mou.pdf", __import__("io").BytesIO(b"%PDF-1.4\n%%EOF\n"))
    milestone = services.add_milestone(
        world.manager, world.pilot, title="Sensors installed", due_on="2024-03-01"
    )
    milestone.evidence_file.save("1.pdf", __import__("io").BytesIO(b"%PDF-1.4\n%%EOF\n"))
    people = {
        "visitor": None,
        "outsider": world.outsider,
        "lead": world.lead,
        "host_liaison": world.host_liaison,
        "second_liaison": world.second_liaison,
        "third_liaison": world.third_liaison,
        "manager": world.manager,
    }
    pk = world.pilot.pk
    admin = reverse("pilots:index")
    urls = {
        "my_pilots": reverse("programs:pilots"),
        "manage": reverse("programs:pilot", args=[pk]),
        "edit": reverse("programs:pilot_edit", args=[pk]),
        "decision": reverse("programs:pilot_decision", args=[first.pk]),
        "document": reverse("programs:pilot_document_download", args=[pk, document.pk]),
        "new": reverse("programs:pilot_new"),
        "milestone": reverse("programs:pilot_milestone_detail", args=[pk, milestone.pk]),
        "milestone_evidence": reverse("programs:pilot_milestone_evidence", args=[pk, milestone.pk]),
        "admin_index": admin,
        "export_csv": admin + "?export=csv",
        "export_xlsx": admin + "?export=xlsx",
        "overdue": reverse("pilot_agencies:index") + "?overdue=true",
        "board": reverse("pilots_board"),
        "involvements_export": reverse("pilot_agencies:index") + "?export=csv",
        "adoptions_export": reverse("adoption_records:index") + "?export=csv",
    }
    posts = {
        "invite": (
            reverse("programs:pilot_invite", args=[pk]),
            {"agency": world.third_agency.pk, "role": "observer"},
        ),
        "publish": (reverse("programs:pilot_publish", args=[pk]), {"published": "1"}),
        "note": (reverse("programs:pilot_note", args=[pk]), {"note-text": "Hello"}),
        "milestone_add": (
            reverse("programs:pilot_milestone", args=[pk]),
            {"milestone-title": "Hijacked", "milestone-due_on": "2024-05-01"},
        ),
    }
    return people, urls, posts


@pytest.mark.parametrize("role", ROLES)
def test_each_role_reaches_exactly_what_it_may(client, matrix, role):
    people, urls, _posts = matrix
    user = people[role]
    if user is not None:
        client.force_login(user)
    for name, address in urls.items():
        response = client.get(address)
        if user is None:
            assert response.status_code == 302, (role, name)
            assert "login" in response.url
        elif role in MATRIX[name]:
            assert response.status_code == 200, (role, name, response.status_code)
        else:
            assert response.status_code in (404, 302), (role, name, response.status_code)
            if response.status_code == 302:  # the admin sends non-staff to its login page
                assert address.startswith("/admin/"), (role, name)


@pytest.mark.parametrize("role", ROLES)
def test_posts_by_those_who_may_not_see_change_nothing(client, matrix, world, role):
    from portal.models import TimelineEntry

    people, _urls, posts = matrix
    user = people[role]
    if user is not None:
        client.force_login(user)
    for name, (address, data) in posts.items():
        before = TimelineEntry.objects.count()
        response = client.post(address, data)
        if user is None:
            assert response.status_code == 302 and "login" in response.url
        elif role not in MATRIX["manage"]:
            assert response.status_code == 404, (role, name)
            assert TimelineEntry.objects.count() == before
        else:
            assert response.status_code == 302, (role, name)
    world.pilot.refresh_from_db()
    assert world.pilot.is_published == (role == "manager")


def test_a_third_agency_liaison_cannot_decide_by_posting(client, matrix, world):
    _people, urls, _posts = matrix
    client.force_login(world.third_liaison)
    assert client.post(urls["decision"], {"decide": "accept"}).status_code == 404
    client.force_login(world.manager)  # sees the decision screen, but may not decide for them
    response = client.post(urls["decision"], {"decide": "accept"})
    assert "Only a liaison of" in response.content.decode()
    client.force_login(world.host_liaison)
    assert client.post(urls["decision"], {"decide": "accept"}).status_code == 302
    assert world.pilot.involvements.get(agency=world.host).state == "accepted"


def test_the_liaison_sees_what_awaits_a_decision(client, matrix, world):
    _people, urls, _posts = matrix
    client.force_login(world.host_liaison)
    html = client.get(urls["my_pilots"]).content.decode()
    assert world.pilot.title in html and urls["decision"] in html
    client.force_login(world.third_liaison)
    assert world.pilot.title not in client.get(urls["my_pilots"]).content.decode()


@pytest.mark.parametrize("role", [*ROLES, "api_key"])
def test_the_api_never_shows_the_unpublished_pilot(client, matrix, world, role):
    """The read API serves the public only: no role, and no API key, reaches an unpublished
    pilot through it (the detail is 404, the list leaves it out)."""
    from api.services import create_key

    people, _urls, _posts = matrix
    headers = {}
    if role == "api_key":
        headers["HTTP_X_API_KEY"] = create_key(name="Harvester")[1]
    elif people[role] is not None:
        client.force_login(people[role])
    listing = client.get("/api/v1/pilots/", **headers)
    assert listing.status_code == 200
    assert world.pilot.pk not in [item["id"] for item in listing.json()["results"]]
    assert client.get(f"/api/v1/pilots/{world.pilot.pk}/", **headers).status_code == 404
