import pytest

from portal import demo
from portal.models import Pillar, SustainableDevelopmentGoal
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
