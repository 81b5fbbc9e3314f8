"""Every private partners URL, API and export, for every role: allowed, or 404.

Anonymous visitors are sent to the login page (which reveals nothing about the object); signed-in
people without access get 404, never 403, so nobody learns what exists.
"""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from partners.proposals import services
from portal.models import ReviewAssignment

pytestmark = pytest.mark.django_db

ROLES = [
    "visitor",
    "outsider",
    "other_member",
    "member",
    "editor",
    "owner",
    "reviewer",
    "unassigned_reviewer",
    "liaison",
    "manager",
]
ORGANISATION = {"member", "editor", "owner"}

# url name -> roles that may open it (everyone else signed in: 404).
MATRIX = {
    "proposal": ORGANISATION | {"reviewer", "manager"},
    "proposal_edit": ORGANISATION | {"reviewer", "manager"},  # readers are sent to the detail
    "attachment": ORGANISATION | {"reviewer", "manager"},
    "members": ORGANISATION | {"manager"},
    "organisation_profile": {"editor", "owner"},  # program managers edit it in the admin
    "review": {"reviewer"},
    "decide": {"manager"},
    "queue": {"manager"},
    "export_csv": {"manager"},
    "export_xlsx": {"manager"},
    "calls_export": {"manager"},
    "inspect": {"manager"},
}


@pytest.fixture
def world(cast, django_capture_on_commit_callbacks):
    outsider = type(cast.owner).objects.create_user(email="outsider@example.org", password="x")
    attachment = services.add_attachment(
        cast.editor, cast.proposal, SimpleUploadedFile("plan.pdf", b"%PDF-1.7\n%%EOF\n")
    )
    # Back to a draft-like state where editors may edit: changes requested after a review.
    with django_capture_on_commit_callbacks(execute=True):
        services.take_step(cast.editor, cast.proposal, "submit")
        services.assign_reviewers(cast.manager, cast.proposal, [cast.reviewer])
    assignment = ReviewAssignment.objects.for_item(cast.proposal).get()
    people = {
        "visitor": None,
        "outsider": outsider,
        "other_member": cast.other_member,
        "member": cast.member,
        "editor": cast.editor,
        "owner": cast.owner,
        "reviewer": cast.reviewer,
        "unassigned_reviewer": cast.outsider_reviewer,
        "liaison": cast.liaison,
        "manager": cast.manager,
    }
    pk = cast.proposal.pk
    urls = {
        "proposal": reverse("partners:proposal", args=[pk]),
        "proposal_edit": reverse("partners:proposal_edit", args=[pk]),
        "attachment": reverse("partners:proposal_attachment", args=[pk, attachment.pk]),
        "members": reverse("partners:members", args=[cast.organisation.slug]),
        "organisation_profile": reverse("partners:edit_profile", args=[cast.organisation.slug]),
        "review": reverse("portal:review", args=[assignment.pk]),
        "decide": reverse("proposals:decide", args=[pk]),
        "queue": reverse("proposals:review_queue"),
        "export_csv": reverse("proposals:index") + "?export=csv",
        "export_xlsx": reverse("proposals:index") + "?export=xlsx",
        "calls_export": reverse("calls:index") + "?export=csv",
        "inspect": reverse("proposals:inspect", args=[pk]),
    }
    return people, urls


@pytest.mark.parametrize("role", ROLES)
def test_each_role_reaches_exactly_what_it_may(client, world, role):
    people, urls = world
    user = people[role]
    if user is not None:
        client.force_login(user)
    for name, address in urls.items():
        response = client.get(address)
        if user is None:
            assert response.status_code == 302, (role, name)
            assert "/accounts/login/" in response.url, (role, name)
        elif role in MATRIX[name]:
            assert response.status_code in (200, 302), (role, name, response.status_code)
            if response.status_code == 302:  # only a reader sent from the edit form
                assert name == "proposal_edit", (role, name)
                assert response.url == urls["proposal"]
        else:
            assert response.status_code == 404, (role, name, response.status_code)


@pytest.mark.parametrize("role", ["outsider", "other_member", "liaison", "unassigned_reviewer"])
def test_nobody_else_can_change_a_proposal_or_its_files(client, world, cast, role):
    people, _urls = world
    client.force_login(people[role])
    pk = cast.proposal.pk
    attachment = cast.proposal.attachments.get()
    posts = [
        (reverse("partners:proposal_step", args=[pk]), {"action": "withdraw"}),
        (reverse("partners:proposal_edit", args=[pk]), {"title": "Hijacked"}),
        (reverse("partners:proposal_attachment_remove", args=[pk, attachment.pk]), {}),
    ]
    for address, data in posts:
        assert client.post(address, data).status_code == 404, address
    cast.proposal.refresh_from_db()
    assert cast.proposal.state == "in_review" and cast.proposal.title != "Hijacked"
    assert cast.proposal.attachments.exists()


def test_my_proposals_lists_only_ones_own(client, world, cast):
    people, _urls = world
    client.force_login(people["other_member"])
    assert cast.proposal.title not in client.get(reverse("partners:proposals")).content.decode()
    client.force_login(people["member"])
    assert cast.proposal.title in client.get(reverse("partners:proposals")).content.decode()


def test_exports_hold_the_proposals_for_managers(client, world, cast):
    people, urls = world
    client.force_login(people["manager"])
    response = client.get(urls["export_csv"])
    content = b"".join(response.streaming_content) if response.streaming else response.content
    assert cast.proposal.title.encode() in content
    assert cast.organisation.name.encode() in content


def test_nobody_edits_or_deletes_a_proposal_in_the_admin(client, world, cast):
    from tests.factories import SuperuserFactory

    client.force_login(SuperuserFactory())
    for action in ("edit", "delete"):
        response = client.get(reverse(f"proposals:{action}", args=[cast.proposal.pk]))
        assert response.status_code in (302, 403), action  # Wagtail's "permission denied"
    assert client.get(reverse("proposals:inspect", args=[cast.proposal.pk])).status_code == 200
