"""The site search on the demo as `make run` seeds it: the names visitors type are found."""

import io
import re

import pytest
from django.core.management import call_command

from events.models import Submission
from partners.models import Organisation
from programs.models import Pilot

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("seed_demo", stdout=io.StringIO())


def _html(client, path, **params):
    response = client.get(path, params)
    assert response.status_code == 200
    return response.content.decode()


def _links(html, text):
    """The href of every link whose text contains ``text``."""
    return [
        href
        for href, inner in re.findall(r'<a href="([^"]*)"[^>]*>(.*?)</a>', html, re.S)
        if text in re.sub(r"<[^>]+>", "", inner)
    ]


def _follow(client, path, href):
    return _html(client, path + href.replace("&amp;", "&")) if href.startswith("?") else None


def test_the_demo_finds_qlue_water_resources_and_pintargo_in_both_languages(client, seeded):
    qlue = Organisation.objects.get(name="Qlue")
    water = Organisation.objects.get(name="Department of Water Resources")
    project = Submission.objects.public().get(title="PintarGo")
    pilot = Pilot.objects.published().filter(lead_organisation=qlue).first()
    for language, partners, agencies in (("en", "partners", "agencies"), ("id", "partners", "agencies")):
        html = _html(client, f"/{language}/search/", q="Qlue")
        assert f'href="/{language}/{partners}/{qlue.slug}/"' in html
        assert f"/{language}/pilots/{pilot.slug}/" in html
        html = _html(client, f"/{language}/search/", q="Water Resources")
        assert f'href="/{language}/{agencies}/{water.slug}/"' in html
        html = _html(client, f"/{language}/search/", q="PintarGo")
        assert f"/projects/{project.pk}/" in html
        assert "<mark>PintarGo</mark>" in html
