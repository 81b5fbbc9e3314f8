import io

import pytest
from django.core.management import call_command
from wagtail.models import Page

from portal import demo
from portal.models import Pillar, SustainableDevelopmentGoal, User
from portal.taxonomy import PILLARS, SDGS

pytestmark = pytest.mark.django_db


def test_six_pillars_exist_in_both_languages_as_translations():
    english = Pillar.objects.filter(locale__language_code="en")
    assert [p.name for p in english] == [p[1] for p in PILLARS]
    for pillar in english:
        indonesian = pillar.get_translation(pillar.locale.__class__.objects.get(language_code="id"))
        assert indonesian.slug == pillar.slug
    assert (
        Pillar.objects.get(slug="smart-mobility", locale__language_code="id").name
        == "Mobilitas Cerdas"
    )


def test_seventeen_sdgs_exist_in_both_languages():
    assert SustainableDevelopmentGoal.objects.filter(locale__language_code="en").count() == 17
    assert SustainableDevelopmentGoal.objects.filter(locale__language_code="id").count() == 17
    goal = SustainableDevelopmentGoal.objects.get(number=11, locale__language_code="id")
    assert goal.name == "Kota dan Permukiman yang Berkelanjutan"
    assert str(goal) == "11. Kota dan Permukiman yang Berkelanjutan"
    assert all(len(colour) == 7 for *_, colour in SDGS)


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


def test_seed_demo_is_idempotent_and_prints_the_admin_login(client):
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    # The demo reproduces the reported figures from its records, on /impact/ in both languages.
    from programs.impact.figures import by_key

    network = by_key(keys=list(SMART_CHANGE_REPORTED))
    for key, reported in SMART_CHANGE_REPORTED.items():
        assert network[key].total >= reported, key
    for language in ("en", "id"):
        html = client.get(f"/{language}/impact/").content.decode()
        separator = "." if language == "id" else ","
        assert f"{network['participants'].total:,}".replace(",", separator) in html, language
    counts = (Page.objects.count(), User.objects.count(), Pillar.objects.count())
    call_command("seed_demo", stdout=io.StringIO())
    assert (Page.objects.count(), User.objects.count(), Pillar.objects.count()) == counts
    assert f"{demo.ADMIN_EMAIL} / {demo.ADMIN_PASSWORD}" in out.getvalue()


def test_demo_admin_can_sign_in_to_the_admin(client, demo_site):
    response = client.post(
        "/en/accounts/login/", {"login": demo.ADMIN_EMAIL, "password": demo.ADMIN_PASSWORD}
    )
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_taxonomy_snippets_are_listed_and_exportable_in_the_admin(admin_client):
    response = admin_client.get("/admin/snippets/portal/pillar/")
    assert response.status_code == 200
    assert "Smart Governance" in response.content.decode()
    export = admin_client.get("/admin/snippets/portal/sustainabledevelopmentgoal/?export=csv")
    assert export.status_code == 200
    assert "Zero Hunger" in b"".join(export.streaming_content).decode()
