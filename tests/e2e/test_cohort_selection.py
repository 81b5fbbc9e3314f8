"""Journey: a program manager assigns reviewers from the admin; a reviewer scores a blind-round
application without seeing who applied; the selection screen shows the three rankings side by
side and flags where they disagree (the hand-checked example of docs/reviews.md)."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from partners.models import Membership
from portal.models import ReviewAssignment
from portal.reviews.services import save_review
from programs.cohorts import services
from tests.e2e.axe import assert_accessible
from tests.e2e.test_journey_proposal import sign_in
from tests.factories import OrganisationFactory, ProgramManagerFactory, RubricFactory, UserFactory
from tests.programs.cohorts import accelerator_index, complete, make_cohort  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def selection(accelerator_index):  # noqa: F811 - the imported fixture
    rubric = RubricFactory(criteria=[("Overall", 1)])
    rubric.criteria.update(min_score=0, max_score=10)
    cohort = make_cohort(rubric=rubric, blind_review=True)
    applications = {}
    for name in "XYZ":
        startup = OrganisationFactory(name=f"Start-up {name}", kind="startup")
        owner = UserFactory()
        Membership.objects.create(organisation=startup, user=owner, role="owner")
        application = complete(services.start_application(owner, cohort, startup))
        services.take_step(owner, application, "submit")
        applications[name] = application
    return {
        "cohort": cohort,
        "applications": applications,
        "harsh": UserFactory(email="harsh@reviewers.example", name="Harsh"),
        "kind": UserFactory(email="kind@reviewers.example", name="Kind"),
        "manager": ProgramManagerFactory(email="manager@jdcn.example"),
    }


def _score(application, reviewer, score):
    assignment = ReviewAssignment.objects.for_item(application).get(reviewer=reviewer)
    criterion = assignment.rubric.criteria.get()
    save_review(
        reviewer, assignment, scores={criterion.pk: score}, recommendation="accept", submit=True
    )


def test_reviewers_score_blind_and_the_selection_shows_three_rankings(page, selection):
    x, y, z = (selection["applications"][name] for name in "XYZ")
    harsh, kind, manager = selection["harsh"], selection["kind"], selection["manager"]

    sign_in(page, manager.email)
    page.goto(reverse("cohort_applications:decide", args=[x.pk]))
    page.get_by_label("Assign reviewers (e-mail addresses, separated by commas)").fill(
        f"{harsh.email}, {kind.email}"
    )
    page.get_by_role("button", name="Assign").click()
    expect(page.get_by_text("Reviewers assigned and told.")).to_be_visible()
    services.assign_reviewers(manager, y, [harsh, kind])
    services.assign_reviewers(manager, z, [kind])

    # The harsh reviewer scores X in the blind round: the reference, never the start-up's name.
    sign_in(page, harsh.email)
    page.get_by_role("link", name="My reviews").first.click()
    page.get_by_role("link", name=str(x)).click()
    expect(page.get_by_text("blind round", exact=False).first).to_be_visible()
    assert "Start-up X" not in page.content()
    assert_accessible(page)
    page.get_by_role("group", name="Overall").get_by_label("6", exact=True).check()
    page.get_by_label("Accept", exact=True).check()
    page.get_by_role("button", name="Submit review").click()
    expect(page.get_by_text("Thank you. Your review is submitted.")).to_be_visible()
    for application, reviewer, score in ((y, harsh, 5), (x, kind, 7), (y, kind, 9), (z, kind, 2)):
        _score(application, reviewer, score)

    sign_in(page, manager.email)
    page.goto(reverse("cohorts:selection", args=[selection["cohort"].pk]))
    expect(page.get_by_role("columnheader", name="Offset rank")).to_be_visible()

    def ranks(name):
        row = page.get_by_role("row").filter(has_text=f"Start-up {name}")
        cells = row.get_by_role("cell").all_inner_texts()
        return cells[5], cells[7], cells[9], cells[10]

    # Raw rank, z rank, offset rank, disagreement: X 2 1 2; Y 1 2 1; Z 3 3 3.
    assert ranks("X") == ("2", "1", "2", "Yes")
    assert ranks("Y") == ("1", "2", "1", "Yes")
    assert ranks("Z") == ("3", "3", "3", "No")
