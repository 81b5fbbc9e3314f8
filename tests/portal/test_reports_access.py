"""Who reaches the report screens (a permission matrix, as tests/partners does), and hidden
organisation profiles and pilots leaving the public site while their authors still see them."""

import pytest
from django.urls import reverse
from wagtail.models import Locale

from events.hackathons import submissions
from partners import demo as partners_demo
from partners.models import Membership
from portal.i18n import synchronise_page_trees
from portal.models import HomePage
from portal.reports import services
from portal.reports.models import Report
from portal.reports.registry import get
from programs.pilots import demo as pilots_demo
from programs.pilots import services as pilot_services
from tests.events.conftest import fill, hackathon, hackathon_index, make_team  # noqa: F401
from tests.factories import OrganisationFactory, ProgramManagerFactory, UserFactory

pytestmark = pytest.mark.django_db

ROLES = ["visitor", "member", "author", "staff", "manager"]
SIGNED_IN = {"member", "author", "staff", "manager"}
# url name -> roles that may open it (everyone else signed in: 404; visitors: the login page).
MATRIX = {
    "report_form": SIGNED_IN,
    "queue": {"manager"},
    "moderate": {"manager"},
    "inspect": {"manager"},
    "export_csv": {"manager"},
    "export_xlsx": {"manager"},
}


@pytest.fixture
def world(hackathon):  # noqa: F811
    author = UserFactory()
    team = make_team(hackathon, author, UserFactory(), name="Matrix Team")
    fill(team.submission, title="Matrix Project")
    submissions.submit(author, team.submission)
    report = services.submit_report(
        UserFactory(), get("project"), team.submission, reason="spam", details="Matrix details"
    )
    people = {
        "visitor": None,
        "member": UserFactory(),
        "author": author,
        "staff": UserFactory(is_staff=True),  # admin access, not a program manager
        "manager": ProgramManagerFactory(),
    }
    urls = {
        "report_form": reverse("reports_public:report", args=["project", team.submission.pk]),
        "queue": reverse("reports:index"),
        "moderate": reverse("reports:moderate", args=[report.pk]),
        "inspect": reverse("reports:inspect", args=[report.pk]),
        "export_csv": reverse("reports:index") + "?export=csv",
        "export_xlsx": reverse("reports:index") + "?export=xlsx",
    }
    return people, urls, report


@pytest.mark.parametrize("role", ROLES)
def test_each_role_reaches_exactly_what_it_may(client, world, role):
    people, urls, report = world
    user = people[role]
    if user is not None:
        client.force_login(user)
    for name, address in urls.items():
        response = client.get(address)
        if user is None:
            assert response.status_code == 302, (role, name)
            assert "/accounts/login/" in response.url, (role, name)
        elif role in MATRIX[name]:
            assert response.status_code == 200, (role, name, response.status_code)
        elif role == "staff":
            # Wagtail's own answer to admin users without the permission: not the report.
            assert response.status_code in (302, 403, 404), (role, name, response.status_code)
            assert report.details not in response.content.decode()
        else:
            assert response.status_code == 404, (role, name, response.status_code)
    if role != "manager":
        moderate = urls["moderate"]
        response = client.post(moderate, {"action": "hide", "note": "x", "expected_state": "open"})
        assert response.status_code in (302, 404)
        report.refresh_from_db()
        assert report.state == "open"


def test_the_export_lists_the_reports_for_managers(client, world):
    people, urls, _report = world
    client.force_login(people["manager"])
    response = client.get(urls["export_csv"])
    content = b"".join(response.streaming_content) if response.streaming else response.content
    assert b"Matrix Project" in content


@pytest.fixture
def directories(demo_site):
    home = HomePage.objects.get(locale__language_code="en")
    partners_demo._directories(home, Locale.objects.get(language_code="id"))
    pilots_demo.index(home, Locale.objects.get(language_code="id"))
    synchronise_page_trees()


def test_a_hidden_organisation_profile_answers_404_to_the_public(client, directories):
    organisation = OrganisationFactory(name="Shouty Start-up", slug="shouty")
    owner = UserFactory()
    Membership.objects.create(organisation=organisation, user=owner, role="owner")
    profile = "/en/partners/shouty/"
    page = client.get(profile).content.decode()
    assert "Sign in to report" in page
    reporter = UserFactory()
    client.force_login(reporter)
    assert client.post(
        reverse("reports_public:report", args=["organisation", organisation.pk]),
        {"reason": "misleading", "details": "Claims awards it never won."},
    ).url.endswith(profile)
    report = Report.objects.get()
    services.take_step(ProgramManagerFactory(), report, "hide", note="Unverified claims.")
    client.logout()
    assert client.get(profile).status_code == 404
    assert "Shouty Start-up" not in client.get("/en/partners/").content.decode()
    assert "/partners/shouty/" not in client.get("/sitemap.xml").content.decode()
    client.force_login(owner)
    page = client.get(profile).content.decode()
    assert "Hidden after a report." in page and "Unverified claims." in page
    client.force_login(reporter)
    assert client.get(profile).status_code == 404


def test_a_hidden_pilot_leaves_the_tracker_feed_and_export(client, directories):
    lead_org = OrganisationFactory(name="Braga Technologies")
    manager = ProgramManagerFactory()
    pilot = pilot_services.propose_pilot(
        by=manager,
        origin="direct",
        title="Quietly wrong pilot",
        summary="Sensors.",
        lead_organisation=lead_org,
    )
    pilot_services.set_published(manager, pilot, True)
    page = f"/en/pilots/{pilot.slug}/"
    surfaces = ["/en/pilots/", "/en/pilots/feed/", "/en/pilots/export/", "/en/search/?q=Quietly"]
    assert client.get(page).status_code == 200
    assert all("Quietly wrong pilot" in client.get(url).content.decode() for url in surfaces[:3])
    report = services.submit_report(UserFactory(), get("pilot"), pilot, reason="misleading")
    services.take_step(manager, report, "hide", note="Wrong figures.")
    assert client.get(page).status_code == 404
    for url in surfaces:
        assert "Quietly wrong pilot" not in client.get(url).content.decode(), url
    client.force_login(manager)
    assert "Hidden after a report." in client.get(page).content.decode()
