"""Selection: conflicts of interest are never assigned, a blind round hides who applied from the
reviewer's pages and the review exports, and the selection screen shows three rankings."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from partners.models import Membership
from portal.models import CriterionScore, Review, ReviewAssignment
from portal.reviews.services import save_review
from portal.services import ActionRefused
from programs.cohorts import services
from programs.models import ReviewerConflict
from tests.factories import OrganisationFactory, UserFactory
from tests.programs.cohorts import complete

pytestmark = pytest.mark.django_db


def _submitted(world, name="Kali Bersih Labs", organisation=None):
    organisation = organisation or OrganisationFactory(name=name, kind="startup")
    owner = UserFactory()
    Membership.objects.create(organisation=organisation, user=owner, role="owner")
    application = complete(services.start_application(owner, world.cohort, organisation))
    application.team = "Founded by Sari Kusuma, formerly at the water agency."
    application.save()
    services.take_step(owner, application, "submit")
    application.refresh_from_db()
    return application


def test_a_reviewer_from_the_applicants_organisation_is_never_assigned(cohort_world):
    w = cohort_world
    application = _submitted(w, organisation=w.startup)
    with pytest.raises(ActionRefused, match="belongs to the applying organisation"):
        services.assign_reviewers(w.manager, application, [w.plain_member])
    ReviewerConflict.objects.create(
        cohort=w.cohort, reviewer=w.reviewer, organisation=w.startup, reason="Former adviser"
    )
    with pytest.raises(ActionRefused, match="declared a conflict of interest: Former adviser"):
        services.assign_reviewers(w.manager, application, [w.reviewer])
    clean = UserFactory()
    result = services.auto_assign(w.manager, w.cohort, [w.plain_member, w.reviewer, clean], 3)
    assert [a.reviewer for a in result] == [clean]
    assert result.shortfalls == {application: 2}
    application.refresh_from_db()
    assert application.state == "in_review"


def test_a_blind_round_hides_the_applicant_from_the_reviewers_pages_and_exports(
    cohort_world, client
):
    w = cohort_world
    w.cohort.blind_review = True
    w.cohort.save()
    application = _submitted(w)
    services.assign_reviewers(w.manager, application, [w.reviewer])
    assignment = ReviewAssignment.objects.get(reviewer=w.reviewer)
    client.force_login(w.reviewer)
    pages = [
        client.get(reverse("portal:my_reviews")),
        client.get(reverse("portal:review", args=[assignment.pk])),
    ]
    for page in pages:
        html = page.content.decode()
        assert page.status_code == 200
        assert "Kali Bersih Labs" not in html and "Sari Kusuma" not in html
        assert str(application) in html
    assert "blind round" in pages[1].content.decode().lower()
    assert "We map blocked floodgates" in pages[1].content.decode()  # the substance is shown
    notice = w.reviewer.notifications.get()
    assert "Kali Bersih Labs" not in f"{notice.title} {notice.body}"
    # Reviewers have no admin; the review exports name the reference, not the organisation.
    assert client.get("/admin/review_assignments/?export=csv").status_code in (302, 404)
    client.force_login(w.manager)
    export = b"".join(client.get("/admin/review_assignments/?export=csv").streaming_content)
    assert str(application).encode() in export and b"Kali Bersih Labs" not in export
    # After the first round the reviewer may see who it is.
    services.take_step(w.manager, application, "shortlist")
    client.force_login(w.reviewer)
    assert (
        "Kali Bersih Labs"
        in client.get(reverse("portal:review", args=[assignment.pk])).content.decode()
    )


def _score(assignment, score):
    criterion = assignment.rubric.criteria.get()
    save_review(
        assignment.reviewer,
        assignment,
        scores={criterion.pk: score},
        recommendation="accept",
        submit=True,
    )


def test_the_selection_screen_ranks_three_ways_and_flags_disagreement(cohort_world, client):
    w = cohort_world
    apps = {name: _submitted(w, f"Start-up {name}") for name in "XYZ"}
    a, b = UserFactory(email="harsh@reviewers.example"), UserFactory(email="kind@reviewers.example")
    services.assign_reviewers(w.manager, apps["X"], [a, b])
    services.assign_reviewers(w.manager, apps["Y"], [a, b])
    services.assign_reviewers(w.manager, apps["Z"], [b])
    # The hand-checked example of docs/reviews.md: A gives X 6, Y 5; B gives X 7, Y 9, Z 2.
    for item, reviewer, score in (("X", a, 6), ("Y", a, 5), ("X", b, 7), ("Y", b, 9), ("Z", b, 2)):
        _score(ReviewAssignment.objects.for_item(apps[item]).get(reviewer=reviewer), score)
    assert Review.objects.filter(submitted_at__isnull=False).count() == 5
    assert CriterionScore.objects.count() == 5
    client.force_login(w.manager)
    html = client.get(reverse("cohorts:selection", args=[w.cohort.pk])).content.decode()
    rows = {name: html.split(f"Start-up {name}</td>")[1].split("</tr>")[0] for name in "XYZ"}
    # Raw rank, z rank, offset rank, disagreement: X 2 1 2 yes; Y 1 2 1 yes; Z 3 3 3 no.
    for name, ranks, flag in (
        ("X", ("2", "1", "2"), "Yes"),
        ("Y", ("1", "2", "1"), "Yes"),
        ("Z", ("3", "3", "3"), "No"),
    ):
        cells = [c.split(">", 1)[1].split("<", 1)[0] for c in rows[name].split("<td")[1:]]
        assert (cells[3], cells[5], cells[7]) == ranks, name
        assert flag in rows[name]


def test_decisions_come_from_the_admin_with_the_reason(cohort_world, client):
    w = cohort_world
    application = _submitted(w)
    client.force_login(w.manager)
    address = reverse("cohort_applications:decide", args=[application.pk])
    assert "Kali Bersih Labs" in client.get(address).content.decode()
    client.post(address, {"reviewers": w.reviewer.email, "assign": "1"})
    for action in ("shortlist",):
        client.post(address, {"action": action, "expected_state": "in_review"})
    client.post(
        address,
        {"action": "waitlist", "comment": "Full this time.", "expected_state": "shortlisted"},
    )
    application.refresh_from_db()
    assert application.state == "waitlisted"
    owner = application.organisation.memberships.get().user
    assert "Full this time." in owner.notifications.get(title__contains="waiting list").body
    assert timezone.now() - application.updated_at < timedelta(minutes=5)
