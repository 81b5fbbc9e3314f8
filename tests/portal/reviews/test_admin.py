"""The review admin: reviews and assignments listed, inspected and exported, never edited;
rubrics with their criteria; the program managers' permissions."""

import pytest
from django.contrib.auth.models import Group

from portal.models import Review, Rubric
from portal.reviews.services import assign_reviewer
from tests.factories import ProgramManagerFactory, SuperuserFactory, UserFactory
from tests.portal.reviews.helpers import make_application, submit

pytestmark = pytest.mark.django_db


@pytest.fixture
def submitted(manager, rubric):
    assignment = assign_reviewer(manager, make_application("Flood sensors"), UserFactory(), rubric)
    review = submit(assignment, 4)
    Review.objects.filter(pk=review.pk).update(comment_for_staff="Strong pilot partner.")
    return review


def test_staff_list_inspect_and_export_reviews(client, submitted):
    client.force_login(SuperuserFactory())
    html = client.get("/admin/reviews/").content.decode()
    assert "Flood sensors" in html and "75.0" in html
    assert "Flood sensors" in client.get("/admin/reviews/?q=pilot").content.decode()
    assert "Flood sensors" not in client.get("/admin/reviews/?q=zebra").content.decode()
    assert client.get(f"/admin/reviews/inspect/{submitted.pk}/").status_code == 200
    export = client.get("/admin/reviews/?export=csv")
    assert export.status_code == 200
    rows = b"".join(export.streaming_content).decode().splitlines()
    assert rows[0].startswith("Reviewer,Reviewer e-mail,Item")
    assert "Flood sensors" in rows[1] and "75.0" in rows[1] and "Strong pilot partner." in rows[1]
    assert client.get("/admin/reviews/?export=xlsx").status_code == 200
    assert client.get("/admin/reviews/?recommendation=decline").status_code == 200


def test_staff_list_and_export_assignments(client, submitted):
    client.force_login(SuperuserFactory())
    html = client.get("/admin/review_assignments/").content.decode()
    assert "Flood sensors" in html and "Submitted" in html
    export = b"".join(client.get("/admin/review_assignments/?export=csv").streaming_content)
    assert "Flood sensors" in export.decode()


def test_reviews_are_never_edited_in_the_admin(client, submitted):
    client.force_login(SuperuserFactory())
    assert client.get(f"/admin/reviews/edit/{submitted.pk}/").status_code in (302, 403)
    assert client.get(
        f"/admin/review_assignments/delete/{submitted.assignment.pk}/"
    ).status_code in (
        302,
        403,
    )
    assert Review.objects.filter(pk=submitted.pk).exists()


def test_program_managers_edit_rubrics_with_their_criteria_inline(client):
    client.force_login(ProgramManagerFactory())
    html = client.get("/admin/rubrics/new/").content.decode()
    assert "criteria-TOTAL_FORMS" in html
    data = {
        "name": "Hackathon judging",
        "description": "",
        "criteria-TOTAL_FORMS": "1",
        "criteria-INITIAL_FORMS": "0",
        "criteria-MIN_NUM_FORMS": "1",
        "criteria-MAX_NUM_FORMS": "1000",
        "criteria-0-label": "Impact",
        "criteria-0-description": "",
        "criteria-0-weight": "2",
        "criteria-0-min_score": "1",
        "criteria-0-max_score": "5",
        "criteria-0-anchors": "",
        "criteria-0-ORDER": "1",
        "criteria-0-id": "",
        "criteria-0-DELETE": "",
    }
    assert client.post("/admin/rubrics/new/", data).status_code == 302
    rubric = Rubric.objects.get(name="Hackathon judging")
    assert [(c.label, c.weight) for c in rubric.criteria.all()] == [("Impact", 2)]
    assert client.get("/admin/reviews/").status_code == 200
    assert client.get("/admin/review_assignments/").status_code == 200


def test_program_managers_hold_the_review_permissions():
    group = Group.objects.get(name="Program managers")
    codenames = set(group.permissions.values_list("codename", flat=True))
    for model in ("rubric", "criterion", "reviewassignment", "review"):
        assert {f"add_{model}", f"change_{model}", f"view_{model}"} <= codenames
