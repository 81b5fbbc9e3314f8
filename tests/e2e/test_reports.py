"""Reporting in the browser: a member reports a hackathon project from its page (the form's
error summary first, then the confirmation), a program manager hides it from the admin's
moderation screen, and the public gallery and project page no longer show it. axe finds no
violations on the project page with its Report link and on the report form, in both languages."""

import pytest

from events.hackathons import submissions
from events.models import HackathonPage
from portal.reports.models import Report
from tests.e2e.axe import assert_accessible
from tests.e2e.test_events import sign_in
from tests.e2e.test_hackathons import seed_hackathon
from tests.events.conftest import fill, make_team
from tests.factories import ProgramManagerFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def project(seeded):
    seeded(seed_hackathon)
    hackathon = HackathonPage.objects.get(
        title="Future City Hackathon 2026", locale__language_code="en"
    )
    team = make_team(hackathon, UserFactory(), UserFactory(), name="Tim Iklan")
    fill(team.submission, title="Casino Radar")
    submissions.submit(team.memberships.first().user, team.submission)
    return team.submission


def test_a_member_reports_a_project_and_a_program_manager_hides_it(page, problems, project):
    reporter = UserFactory(email="reporter@example.org")
    manager = ProgramManagerFactory(email="manager@example.org")
    hackathon = project.hackathon
    project_path = f"{hackathon.url}projects/{project.pk}/"

    page.goto(project_path)
    assert "Sign in to report" in page.locator("a.report-link__action").inner_text()
    sign_in(page, reporter.email)
    page.goto(project_path)
    assert_accessible(page)
    link = page.locator("a.report-link__action")
    assert link.inner_text().startswith("Report")
    link.click()
    page.wait_for_selector("h1:has-text('Report content')")
    assert_accessible(page)
    page.fill("textarea[name=details]", "It advertises an online casino.")
    page.get_by_role("button", name="Send the report").click()
    # No reason chosen: the error summary names it and takes the focus; the text stays.
    summary = page.locator(".error-summary")
    summary.wait_for()
    assert "Please choose a reason." in summary.inner_text()
    assert page.input_value("textarea[name=details]") == "It advertises an online casino."
    assert_accessible(page)
    page.get_by_label("Spam or advertising").check()
    page.get_by_role("button", name="Send the report").click()
    page.wait_for_selector("text=Your report was sent to the program managers")
    report = Report.objects.get()
    assert report.reason == "spam"

    sign_in(page, manager.email)
    page.goto(f"/admin/reports/moderate/{report.pk}/")
    page.fill("textarea[name=note]", "Advertising is not allowed in the gallery.")
    page.get_by_role("button", name="Hide the content").click()
    page.wait_for_selector("text=Content hidden")
    report.refresh_from_db()
    assert report.state == "hidden"

    page.context.clear_cookies()
    page.goto(f"{hackathon.url}gallery/")
    assert page.get_by_text("Casino Radar").count() == 0
    problems.expect_not_found = True
    assert page.goto(project_path).status == 404


def test_the_report_form_is_accessible_in_indonesian(page, project):
    sign_in(page, UserFactory(email="pelapor@example.org").email, language="id")
    page.goto(f"/id/report/project/{project.pk}/")
    page.wait_for_selector("h1")
    assert_accessible(page)
