"""The site search on the demo as `make run` seeds it: the names visitors type are found."""

import re

import pytest

from events.models import Submission
from partners.models import Organisation
from programs.models import Pilot

pytestmark = pytest.mark.django_db


def _html(client, path, **params):
    response = client.get(path, params)
    assert response.status_code == 200
    return response.content.decode()


def _results(html):
    return re.findall(r'<h2 class="result-list__title"><a href="([^"]*)"', html)


def _facet(html, param):
    match = re.search(rf'<a href="(\?[^"]*{re.escape(param)}[^"]*)"', html.replace("&amp;", "&"))
    assert match, param
    return match.group(1)


def test_the_demo_finds_qlue_water_resources_and_pintargo_in_both_languages(client, demo):
    qlue = Organisation.objects.get(name="Qlue")
    water = Organisation.objects.get(name="Department of Water Resources")
    project = Submission.objects.public().get(title="PintarGo")
    led_by_qlue = list(Pilot.objects.published().filter(lead_organisation=qlue))
    for language in ("en", "id"):
        search = f"/{language}/search/"
        html = _html(client, search, q="Qlue")
        # The organisation of that name comes first; its pilots are one facet away.
        assert _results(html)[0] == f"/{language}/partners/{qlue.slug}/"
        pilots = _html(client, search + _facet(html, "type=pilots"))
        found = _results(pilots)
        assert found and all(f"/{language}/pilots/" in href for href in found)
        assert {f"/{language}/pilots/{pilot.slug}/" for pilot in led_by_qlue} & set(found)
        html = _html(client, search, q="Water Resources")
        assert _results(html)[0] == f"/{language}/agencies/{water.slug}/"
        html = _html(client, search, q="PintarGo")
        assert f"/projects/{project.pk}/" in _results(html)[0]
        assert "<mark>PintarGo</mark>" in html
        # Each result opens its public page.
        for href in _results(html)[:3] + _results(pilots)[:3]:
            assert client.get(href).status_code == 200, href


def test_accelerator_cohorts_are_found_by_their_title_in_each_language(client, demo):
    from programs.models import Cohort

    training = Cohort.objects.get(title="Training for start-up support organisations")
    html = _html(client, "/en/search/", q="support organisations training")
    assert f"/en/accelerator/{training.slug}/" in _results(html)
    # The Indonesian title finds it too, and the result is the Indonesian page.
    html = _html(client, "/id/search/", q="Pelatihan organisasi pendukung")
    assert f"/id/accelerator/{training.slug}/" in _results(html)
    assert "Pelatihan bagi organisasi pendukung start-up" in re.sub(r"</?mark>", "", html)
    assert client.get(f"/id/accelerator/{training.slug}/").status_code == 200
    # A cohort program managers have not published is never found.
    Cohort.objects.filter(pk=training.pk).update(published=False)
    html = _html(client, "/en/search/", q="support organisations training")
    assert f"/en/accelerator/{training.slug}/" not in _results(html)
