"""The reviewer's screens at /me/reviews/: the list, the form, errors, hostile input, access."""

import pytest

from portal.models import Review, ReviewAssignment
from portal.reviews.services import assign_reviewer, save_review
from tests.conftest import XSS_PAYLOADS, assert_harmless, count_queries
from tests.factories import RubricFactory, UserFactory
from tests.portal.reviews.helpers import make_application, submit
from tests.workflow_app.models import Application

pytestmark = pytest.mark.django_db


def _login(client, user):
    client.force_login(user)
    return client


def test_the_reviewer_sees_their_assignments_and_progress(client, manager, rubric):
    reviewer = UserFactory()
    first = assign_reviewer(manager, make_application("Flood sensors"), reviewer, rubric)
    assign_reviewer(manager, make_application("Bus data"), reviewer, rubric)
    submit(first, 3)
    html = _login(client, reviewer).get("/en/me/reviews/").content.decode()
    assert "Flood sensors" in html and "Bus data" in html
    assert "1 of 2 reviewed" in html
    assert "Submitted" in html and "Not started" in html
    dashboard = client.get("/en/me/").content.decode()
    assert 'href="/en/me/reviews/"' in dashboard


def test_the_dashboard_links_to_reviews_only_for_reviewers(client):
    html = _login(client, UserFactory()).get("/en/me/").content.decode()
    assert "/me/reviews/" not in html


def _queries_for_my_reviews(client, manager, reviewer, count):
    for n in range(count):
        assignment = assign_reviewer(
            manager, make_application(f"Item {n}"), reviewer, RubricFactory()
        )
        if n % 2:
            save_review(reviewer, assignment, scores={}, recommendation="")
    with count_queries() as queries:
        assert client.get("/en/me/reviews/").status_code == 200
    return queries


def test_my_reviews_takes_the_same_number_of_queries_for_ten_times_the_items(client, manager):
    reviewer = UserFactory()
    _login(client, reviewer).get("/en/me/reviews/")  # warm the site and settings caches
    few = _queries_for_my_reviews(client, manager, reviewer, 2)
    ReviewAssignment.objects.all().delete()
    many = _queries_for_my_reviews(client, manager, reviewer, 20)
    assert few == many


def test_the_form_shows_the_item_the_rubric_and_its_anchors(client, assignment):
    response = _login(client, assignment.reviewer).get(f"/en/me/reviews/{assignment.pk}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "no-cache" in response["Cache-Control"] or "no-store" in response["Cache-Control"]
    assert 'class="panel review-item"' in html  # the item's own review_template
    assert "1: weak · 3: sound · 5: outstanding" in html
    assert html.count("<fieldset") == 4  # three criteria and the recommendation
    assert "Comment for program managers only" in html
    assert "Comment shared with the applicant" in html
    assert "Save draft" in html and "Submit review" in html


def test_someone_else_or_unassigned_staff_get_404(client, assignment, manager):
    url = f"/en/me/reviews/{assignment.pk}/"
    assert _login(client, UserFactory()).get(url).status_code == 404
    assert _login(client, manager).get(url).status_code == 404
    assert client.post(url, {"save": "1"}).status_code == 404
    assert client.get("/en/me/reviews/999999/").status_code == 404


def test_a_conflict_that_arose_later_hides_the_assignment(client, assignment):
    Application.objects.filter(pk=assignment.item.pk).update(owner=assignment.reviewer)
    assert (
        _login(client, assignment.reviewer).get(f"/en/me/reviews/{assignment.pk}/").status_code
        == 404
    )


def test_anonymous_visitors_are_sent_to_sign_in(client, assignment):
    response = client.get(f"/en/me/reviews/{assignment.pk}/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def _post_data(rubric, value, **extra):
    data = {f"criterion_{c.pk}": value for c in rubric.criteria.all()}
    return {**data, **extra}


def test_saving_a_draft_then_submitting(client, assignment, rubric):
    url = f"/en/me/reviews/{assignment.pk}/"
    _login(client, assignment.reviewer)
    first = rubric.criteria.first()
    response = client.post(
        url, {f"criterion_{first.pk}": "4", "comment_for_staff": "Hm.", "save": "1"}
    )
    assert response.status_code == 302 and response["Location"] == url
    html = client.get(url).content.decode()
    assert f'value="4" id="id_criterion_{first.pk}_3" checked' in html
    assert "Hm.</textarea>" in html
    response = client.post(url, _post_data(rubric, "4", recommendation="accept", submit="1"))
    assert response.status_code == 302 and response["Location"] == "/en/me/reviews/"
    assert Review.objects.get().is_submitted
    locked = client.get(url).content.decode()
    assert (
        "It can no longer be changed" in locked
        and '<form class="stack-form review-form"' not in locked
    )
    client.post(url, _post_data(rubric, "1", recommendation="decline", submit="1"))
    assert Review.objects.get().recommendation == "accept"


def test_bad_input_keeps_what_the_reviewer_typed_with_a_message_per_field(
    client, assignment, rubric
):
    url = f"/en/me/reviews/{assignment.pk}/"
    first, second, _team = rubric.criteria.all()
    data = {
        f"criterion_{first.pk}": "4",
        f"criterion_{second.pk}": "9",
        "comment_for_applicant": "Clear plan, thin budget.",
        "submit": "1",
    }
    response = _login(client, assignment.reviewer).post(url, data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "“Feasibility” takes a score from 1 to 5." in html
    assert "Clear plan, thin budget." in html
    assert f'value="4" id="id_criterion_{first.pk}_3" checked' in html
    # The form is valid once the range is right; the service then names what is missing.
    data[f"criterion_{second.pk}"] = "2"
    html = client.post(url, data).content.decode()
    assert "Score “Team” before submitting." in html
    assert "Choose a recommendation before submitting." in html
    assert f'value="2" id="id_criterion_{second.pk}_1" checked' in html
    assert "Clear plan, thin budget." in html
    assert not Review.objects.filter(submitted_at__isnull=False).exists()


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_hostile_comments_are_rendered_harmless(client, assignment, rubric, payload):
    url = f"/en/me/reviews/{assignment.pk}/"
    _login(client, assignment.reviewer)
    client.post(
        url,
        _post_data(
            rubric,
            "3",
            recommendation="changes",
            comment_for_staff=payload,
            comment_for_applicant=payload,
            submit="1",
        ),
    )
    assert Review.objects.get().is_submitted  # shown read-only, as program managers would see it
    html = client.get(url).content.decode()
    start = html.index('<main id="main"')
    assert_harmless(html[start : html.index("</main>")], allowed_tags=())


def test_the_form_needs_a_csrf_token(assignment, rubric):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(assignment.reviewer)
    response = client.post(f"/en/me/reviews/{assignment.pk}/", _post_data(rubric, "3", save="1"))
    assert response.status_code == 403
    assert not Review.objects.exists()
