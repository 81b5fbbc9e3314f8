"""Shared set-up for programme tests: the demo indexes, pages built in code, and a cast."""

import io
from dataclasses import dataclass
from datetime import date

import pytest
from wagtail.models import Locale
from wagtail_localize.synctree import create_aliases_for_new_page

from partners.models import Membership
from portal.i18n import synchronise_page_trees
from portal.models import HomePage
from programs import demo
from programs.models import PolicyRecommendationPage, ProgrammePage
from tests.factories import OrganisationFactory, ProgramManagerFactory, UserFactory


@pytest.fixture
def indexes(demo_site):
    """/programs/ and /policy/ in both languages, under moderation, with no children yet."""
    home = HomePage.objects.get(locale__language_code="en")
    programme_index, policy_index = demo._indexes(home, Locale.objects.get(language_code="id"))
    synchronise_page_trees()
    return programme_index, policy_index


@pytest.fixture
def demo_programs(demo_site, django_capture_on_commit_callbacks):
    from partners import demo as partners_demo

    with django_capture_on_commit_callbacks(execute=True):
        partners_demo.seed(io.StringIO())
        demo.seed(io.StringIO())
    return demo_site


def make_programme(index, *, title="Flood resilience exchange", live=True, **fields):
    fields.setdefault("start_date", date(2022, 1, 1))
    page = ProgrammePage(title=title, summary=f"Summary of {title}", live=live, **fields)
    index.add_child(instance=page)
    create_aliases_for_new_page(page)
    revision = page.save_revision()
    if live:
        revision.publish()
    return page


def make_recommendation(
    index, *, title="Open the sensor data", agencies=(), pillars=(), live=True, **fields
):
    """A published (or draft) recommendation; publishing asks each agency for a response."""
    fields.setdefault("date", date(2023, 5, 4))
    page = PolicyRecommendationPage(
        title=title,
        summary=fields.pop("summary", f"Summary of {title}"),
        body=[("rich_text", "<p>The full text.</p>")],
        live=live,
        **fields,
    )
    page.pillars.set(pillars)
    page.target_agencies.set(agencies)
    index.add_child(instance=page)
    create_aliases_for_new_page(page)
    revision = page.save_revision()
    if live:
        revision.publish()
    return page


@dataclass
class Cast:
    agency: object
    other_agency: object
    liaison: object
    other_liaison: object
    member: object
    manager: object


@pytest.fixture
def cast(db):
    agency = OrganisationFactory(name="Department of Water Resources", kind="agency")
    other_agency = OrganisationFactory(name="Department of Environment", kind="agency")
    liaison = UserFactory(email="liaison@water.example")
    Membership.objects.create(organisation=agency, user=liaison, role="liaison")
    other_liaison = UserFactory(email="liaison@environment.example")
    Membership.objects.create(organisation=other_agency, user=other_liaison, role="liaison")
    member = UserFactory(email="member@water.example")
    Membership.objects.create(organisation=agency, user=member, role="member")
    return Cast(
        agency=agency,
        other_agency=other_agency,
        liaison=liaison,
        other_liaison=other_liaison,
        member=member,
        manager=ProgramManagerFactory(email="manager@jdcn.example"),
    )


from tests.events.conftest import event_index  # noqa: E402, F401 - programmes count events
from tests.programs.cohorts import accelerator_index, cohort_world  # noqa: E402, F401 - cohort fixtures
from tests.programs.demo_day import demo_day  # noqa: E402, F401 - demo-day fixtures
from tests.programs.pilots import pilot_index, world  # noqa: E402, F401 - pilot fixtures
