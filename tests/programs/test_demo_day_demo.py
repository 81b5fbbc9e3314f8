"""The demo seed's demo day and outcomes: batch 3's demo-day event in both languages, agencies'
interest in its start-ups (open, withdrawn, one became a pilot through the service), pilots
traced to their cohort start-up, outcomes in every state; the demo member sees an interest and
a returned outcome; seeding again adds nothing."""

import io

import pytest
from django.urls import reverse
from wagtail.models import Locale

from events import demo as events_demo
from partners import demo as partners_demo
from portal.models import HomePage, User
from programs import demo
from programs.cohorts import demo_outcomes
from programs.models import Cohort, DemoDayInterest, Pilot, StartupOutcome

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded(demo_site, django_capture_on_commit_callbacks):
    home = HomePage.objects.get(locale__language_code="en")
    with django_capture_on_commit_callbacks(execute=True):
        partners_demo.seed(io.StringIO())
        events_demo._index(home, Locale.objects.get(language_code="id"))
        demo.seed(io.StringIO())
    return demo_site


def test_the_demo_has_a_demo_day_with_interest_pilots_and_outcomes(client, seeded):
    batch = Cohort.objects.get(kind="accelerator", batch=3)
    event = batch.demo_day_event
    assert event is not None and event.live and event.event_type == "demo_day"
    assert event.get_translation(Locale.objects.get(language_code="id")).title.startswith(
        "Demo day Future City Accelerator"
    )
    states = set(DemoDayInterest.objects.values_list("state", flat=True))
    assert states == {"open", "withdrawn", "pilot"}
    turned = DemoDayInterest.objects.get(state="pilot")
    assert turned.pilot.origin == "cohort_startup" and turned.pilot.source == turned.member
    traced = Pilot.objects.filter(origin="cohort_startup", origin_content_type__isnull=False)
    assert traced.filter(state="adopted").count() >= 3
    assert set(StartupOutcome.objects.values_list("state", flat=True)) == {
        "reported",
        "verified",
        "returned",
    }
    html = client.get(f"/en/accelerator/{batch.slug}/").content.decode()
    assert "Demo day programme" in html and "Outcomes of the cohort" in html
    member = User.objects.get(email="member@example.org")
    client.force_login(member)
    interests = client.get(reverse("programs:demo_day_interests")).content.decode()
    assert "Department of Food, Marine and Agricultural Security" in interests
    returned = StartupOutcome.objects.get(state="returned")
    assert returned.member.organisation.name == "8 Villages Indonesia"
    page = client.get(reverse("programs:startup_outcome", args=[returned.pk])).content.decode()
    assert "investor" in page and "Report again" in page
    counts = (
        DemoDayInterest.objects.count(),
        StartupOutcome.objects.count(),
        Pilot.objects.count(),
    )
    demo_outcomes.seed(io.StringIO(), Locale.objects.get(language_code="id"))
    demo.seed(io.StringIO())
    assert (
        DemoDayInterest.objects.count(),
        StartupOutcome.objects.count(),
        Pilot.objects.count(),
    ) == counts
