"""`seed_demo` as `make run` runs it: the Smart Change figures from records, the admin login
printed, and a second run that changes nothing."""

import io

import pytest
from django.core.management import call_command
from wagtail.images import get_image_model
from wagtail.models import Page

from portal import demo as portal_demo
from portal.models import Pillar, User

pytestmark = pytest.mark.django_db


# What the Smart Change programme reported (reference/jakarta-facts.md), key -> at least.
SMART_CHANGE_REPORTED = {
    "participants": 13000,
    "events": 89,
    "speakers": 314,
    "startups": 84,
    "ssos": 24,
    "recommendations": 40,
    "pilots": 61,
}


def test_the_demo_reproduces_the_reported_figures_from_its_records(client, demo):
    # On /impact/ in both languages.
    from programs.impact.figures import by_key

    network = by_key(keys=list(SMART_CHANGE_REPORTED))
    for key, reported in SMART_CHANGE_REPORTED.items():
        assert network[key].total >= reported, key
    for language in ("en", "id"):
        html = client.get(f"/{language}/impact/").content.decode()
        separator = "." if language == "id" else ","
        assert f"{network['participants'].total:,}".replace(",", separator) in html, language


def test_seed_demo_prints_the_admin_login(seed_output):
    assert f"{portal_demo.ADMIN_EMAIL} / {portal_demo.ADMIN_PASSWORD}" in seed_output


def test_seed_demo_is_idempotent(demo):
    def counts():
        images = get_image_model().objects.count()
        return (Page.objects.count(), User.objects.count(), Pillar.objects.count(), images)

    before = counts()
    call_command("seed_demo", stdout=io.StringIO())
    assert counts() == before


def test_every_demo_programme_event_hackathon_and_challenge_has_a_picture(demo):
    from events.models import EventPage, HackathonPage
    from partners.models import ChallengePage
    from programs.models import ProgrammePage

    for model in (ProgrammePage, EventPage, HackathonPage, ChallengePage):
        pages = model.objects.live()
        assert pages.exists() and not pages.filter(image__isnull=True).exists(), model
        indonesian = pages.filter(locale__language_code="id").exclude(image_alt="")
        assert all(page.image_alt.startswith("Ilustrasi") for page in indonesian), model
    # Drawn on the machine: one per programme, hackathon, challenge and event type, and logos.
    assert 25 <= get_image_model().objects.count() <= 45
