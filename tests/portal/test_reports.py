"""Reporting member-written content and moderating it (portal/reports, docs/moderation.md):
a member reports a hackathon project, a program manager hides it, it leaves every public surface
and comes back when restored; the author is told; duplicates, floods and visitors are refused."""

import json

import pytest
from django.core import mail
from django.urls import reverse
from wagtail.models import ModelLogEntry

from events.hackathons import submissions
from events.models import Submission, Team
from portal.models import Notification, TimelineEntry
from portal.reports import services
from portal.reports.hidden import is_hidden, visible
from portal.reports.models import Report
from portal.reports.registry import get
from portal.search.indexing import reindex
from tests.conftest import XSS_PAYLOADS, assert_harmless, page_queries
from tests.events.conftest import fill, hackathon, hackathon_index, make_team  # noqa: F401
from tests.factories import ProgramManagerFactory, UserFactory

pytestmark = pytest.mark.django_db

# What the admin's own frame legitimately holds after its main landmark (forms, icons).
ADMIN_TAGS = ("script", "form", "input", "link", "meta", "style", "svg", "use")


@pytest.fixture
def project(hackathon):  # noqa: F811
    author = UserFactory(name="Ayu Author", email_notifications=True)
    team = make_team(hackathon, author, UserFactory(), name="Banjir Team")
    fill(team.submission, title="Zorvex Radar")
    submissions.submit(author, team.submission)
    reindex(Submission.objects.filter(pk=team.submission.pk))  # fill() wrote with update()
    return Submission.objects.get(pk=team.submission.pk)


@pytest.fixture
def manager(db):
    return ProgramManagerFactory()


def author_of(project):
    return project.team.leader()


def hidden_now(obj):
    return is_hidden(type(obj).objects.get(pk=obj.pk))  # a fresh read: is_hidden keeps its answer


def report_url(kind, pk, language="en"):
    return f"/{language}" + reverse("reports_public:report", args=[kind, pk])[3:]


def project_url(project):
    return f"{project.hackathon.url}projects/{project.pk}/"


def submit(client, project, reason="spam", details="Advertises a casino."):
    return client.post(report_url("project", project.pk), {"reason": reason, "details": details})


def moderate(client, report, action, note="Against the rules.", expected=None):
    return client.post(
        reverse("reports:moderate", args=[report.pk]),
        {"action": action, "note": note, "expected_state": expected or report.state},
    )


def public_surfaces(client, project):
    """What an anonymous reader finds of the project, surface by surface."""
    client.logout()
    slug = project.hackathon.slug
    api = client.get("/api/v1/hackathon-results/").json()
    return {
        "gallery": "Zorvex Radar" in client.get(f"/en/hackathons/{slug}/gallery/").content.decode(),
        "page": client.get(project_url(project)).status_code == 200,
        "search": f"projects/{project.pk}/" in client.get("/en/search/?q=Zorvex").content.decode(),
        "csv": "Zorvex Radar" in client.get("/en/open-data/hackathon-results.csv").content.decode(),
        "api": "Zorvex Radar" in json.dumps(api),
        "sitemap": f"projects/{project.pk}/" in client.get("/sitemap.xml").content.decode(),
    }


def test_a_hidden_project_leaves_every_public_surface_and_comes_back(
    client, project, manager, django_capture_on_commit_callbacks
):
    assert all(public_surfaces(client, project).values())
    reporter = UserFactory()
    client.force_login(reporter)
    form = client.get(report_url("project", project.pk))
    assert form.status_code == 200 and "Zorvex Radar" in form.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = submit(client, project)
    assert response.status_code == 302 and response.url == project_url(project)
    assert "Your report was sent" in client.get(response.url).content.decode()
    report = Report.objects.get()
    assert (report.state, report.reporter, report.kind) == ("open", reporter, "project")

    client.force_login(manager)
    queue = client.get(reverse("reports:index")).content.decode()
    assert "Zorvex Radar" in queue
    assert (
        "Hide the content"
        in client.get(reverse("reports:moderate", args=[report.pk])).content.decode()
    )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert (
            moderate(client, report, "hide", note="Advertising is not allowed.").status_code == 302
        )
    report.refresh_from_db()
    assert report.state == "hidden" and hidden_now(project)
    assert not any(public_surfaces(client, project).values())

    author = author_of(project)
    told = Notification.objects.get(recipient=author, kind="reports.report.hide")
    assert "Advertising is not allowed." in told.body
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        member.user.email for member in project.team.memberships.all()
    )
    assert reporter.email not in mail.outbox[0].body  # the author is not told who reported
    client.force_login(author)
    page = client.get(project_url(project)).content.decode()
    assert "Hidden after a report." in page and "Advertising is not allowed." in page
    client.force_login(manager)
    assert "Hidden after a report." in client.get(project_url(project)).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        assert (
            moderate(client, report, "restore", note="The team removed the ad.").status_code == 302
        )
    report.refresh_from_db()
    assert report.state == "restored" and not hidden_now(project)
    assert all(public_surfaces(client, project).values())
    assert Notification.objects.filter(recipient=author, kind="reports.report.restore").exists()

    # Every step is on the report's timeline and in Wagtail's audit log.
    steps = list(TimelineEntry.objects.for_object(report).values_list("action", flat=True))
    assert steps == ["hide", "restore"]
    logged = list(ModelLogEntry.objects.for_instance(report).values_list("action", flat=True))
    assert sorted(logged) == sorted(
        ["reports.report_submitted", "portal.workflow.transition", "portal.workflow.transition"]
    )


def test_every_step_needs_a_note_and_only_program_managers_take_it(client, project, manager):
    report = services.submit_report(UserFactory(), get("project"), project, reason="offensive")
    client.force_login(manager)
    response = client.post(
        reverse("reports:moderate", args=[report.pk]),
        {"action": "hide", "note": " ", "expected_state": "open"},
        follow=True,
    )
    assert "Please write a message explaining this step." in response.content.decode()
    report.refresh_from_db()
    assert report.state == "open"
    staff = UserFactory(is_staff=True)  # admin access without the program-manager role
    client.force_login(staff)
    assert moderate(client, report, "hide").status_code == 404
    assert client.get(reverse("reports:index")).status_code in (302, 403, 404)
    report.refresh_from_db()
    assert report.state == "open"
    client.force_login(manager)
    assert moderate(client, report, "dismiss", note="Not offensive.").status_code == 302
    report.refresh_from_db()
    assert report.state == "dismissed" and not hidden_now(project)


def test_a_second_report_by_the_same_member_is_refused_and_the_first_kept(client, project):
    client.force_login(UserFactory())
    assert submit(client, project, details="First words").status_code == 302
    again = submit(client, project, reason="other", details="Second words")
    page = again.content.decode()
    assert again.status_code == 200 and "You have already reported this" in page
    assert "Second words" in page  # what the member typed is still in the form
    assert list(Report.objects.values_list("details", flat=True)) == ["First words"]


def test_reports_are_rate_limited(client, hackathon):  # noqa: F811
    client.force_login(UserFactory())
    projects = []
    for number in range(11):
        leader = UserFactory()
        team = make_team(hackathon, leader, UserFactory(), name=f"Team {number}")
        fill(team.submission, title=f"Project {number}")
        submissions.submit(leader, team.submission)
        projects.append(team.submission)
    statuses = [submit(client, project).status_code for project in projects]
    assert statuses[:10] == [302] * 10 and statuses[10] == 429
    assert Report.objects.count() == 10


def test_visitors_cannot_report_and_are_asked_to_sign_in(client, project):
    page = client.get(project_url(project)).content.decode()
    assert "Sign in to report" in page
    response = submit(client, project)
    assert response.status_code == 302 and reverse("account_login") in response.url
    assert not Report.objects.exists()


def test_authors_cannot_report_their_own_content(client, project):
    client.force_login(author_of(project))
    response = submit(client, project)
    assert "You cannot report your own content." in response.content.decode()
    assert not Report.objects.exists()


def test_drafts_and_unknown_items_cannot_be_reported(client, hackathon):  # noqa: F811
    leader = UserFactory()
    draft = make_team(hackathon, leader, name="Draft team").submission
    client.force_login(UserFactory())
    assert client.get(report_url("project", draft.pk)).status_code == 404
    assert client.get(report_url("project", 999999)).status_code == 404
    assert client.get(report_url("nothing", 1)).status_code == 404


def test_hostile_reasons_are_harmless_in_the_admin_and_in_emails(
    client, project, manager, django_capture_on_commit_callbacks
):
    for payload in XSS_PAYLOADS:
        client.force_login(UserFactory())
        with django_capture_on_commit_callbacks(execute=True):
            assert submit(client, project, details=payload[:1000]).status_code == 302
    client.force_login(manager)
    assert Report.objects.count() == len(XSS_PAYLOADS)
    pages = [reverse("reports:index")]
    pages += [
        reverse("reports:moderate", args=[pk]) for pk in Report.objects.values_list("pk", flat=True)
    ]
    for url in pages:
        html = client.get(url).content.decode()
        assert_harmless(html.split('id="main"', 1)[-1], allowed_tags=ADMIN_TAGS)
    to_managers = [m for m in mail.outbox if manager.email in m.to]
    assert len(to_managers) == len(XSS_PAYLOADS)
    for message in to_managers:
        for body, _kind in message.alternatives:
            assert_harmless(body)


def test_hidden_teams_and_organisations_leave_their_lists(client, hackathon, manager):  # noqa: F811
    team = make_team(hackathon, UserFactory(), name="Loud Team")
    Team.objects.filter(pk=team.pk).update(looking_for_members=True)
    team.refresh_from_db()
    teams_url = f"{hackathon.url}teams/"
    assert "Loud Team" in client.get(teams_url).content.decode()
    report = services.submit_report(UserFactory(), get("team"), team, reason="offensive")
    services.take_step(manager, report, "hide", note="Offensive name.")
    assert "Loud Team" not in client.get(teams_url).content.decode()
    assert not visible(Team.objects.filter(pk=team.pk)).exists()


def test_the_gallery_costs_the_same_queries_with_hidden_projects(client, hackathon, manager):  # noqa: F811
    gallery = f"{hackathon.url}gallery/"

    def add(count):
        for _number in range(count):
            leader = UserFactory()
            team = make_team(hackathon, leader, UserFactory(), name=f"T{Team.objects.count()}")
            fill(team.submission, title=f"P{team.pk}")
            submissions.submit(leader, team.submission)
            report = services.submit_report(
                UserFactory(), get("project"), team.submission, reason="spam"
            )
            services.take_step(manager, report, "hide", note="Spam.")

    add(1)
    few = page_queries(client, gallery)
    add(10)
    assert page_queries(client, gallery) == few


def test_program_managers_see_open_reports_on_the_admin_home_and_in_their_to_do(
    client, project, manager
):
    services.submit_report(UserFactory(), get("project"), project, reason="spam")
    client.force_login(manager)
    assert "1 open report" in client.get(reverse("wagtailadmin_home")).content.decode()
    dashboard = client.get("/en/me/").content.decode()
    assert "Report to moderate" in dashboard and "Zorvex Radar" in dashboard


def test_a_members_reports_are_in_their_data_and_their_words_go_with_the_account(project):
    from portal.personal_data import export_personal_data
    from portal.privacy.erasure import delete_account

    reporter = UserFactory()
    services.submit_report(reporter, get("project"), project, reason="other", details="My words")
    exported = export_personal_data(reporter)["reports"]
    assert [(r["content"], r["details"]) for r in exported] == [("Zorvex Radar", "My words")]
    delete_account(reporter, reporter)
    report = Report.objects.get()
    assert report.details == "" and report.state == "open"  # the moderation record stays
