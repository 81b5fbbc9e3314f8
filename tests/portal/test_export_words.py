"""Admin exports read in plain words: headings are labels (no field paths, none twice), states
are their labels, and registration answers are a readable line, not a Python dict."""

import csv
import io

import pytest
from django.test import RequestFactory

from events.models import Registration
from tests.events.conftest import event_index, make_event  # noqa: F401 - fixture
from tests.factories import SuperuserFactory, UserFactory
from tests.site.test_exports import _exporting_viewsets

pytestmark = pytest.mark.django_db


def _headings(viewset):
    view = viewset.index_view_class(**viewset.index_view.view_initkwargs)
    view.setup(RequestFactory().get("/"))
    queryset = viewset.model._default_manager.none()
    return [view.get_heading(queryset, field) for field in viewset.list_export]


def test_every_export_heading_is_a_label_and_none_is_repeated():
    checked = {}
    for viewset in _exporting_viewsets():
        headings = _headings(viewset)
        name = viewset.model.__name__
        assert not [h for h in headings if "." in h or "_" in h], (name, headings)
        assert len(set(headings)) == len(headings), (name, headings)
        checked[name] = headings
    assert "Programme" in checked["GovernmentResponse"]
    assert "Track" in checked["Submission"]
    assert "E-mail address" in checked["Membership"]
    assert checked["Pilot"].count("Published") == 1 and "Published on" in checked["Pilot"]


def _csv(client, url):
    response = client.get(url, {"export": "csv"})
    assert response.status_code == 200
    return list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))


def test_the_registrations_export_shows_answers_and_states_in_words(client, event_index):  # noqa: F811
    event = make_event(event_index)
    member = UserFactory(email="sari@example.org")
    Registration.objects.create(
        event=event,
        user=member,
        state="waitlisted",
        position=1,
        answers={"Dietary needs": "Vegetarian", "T-shirt size": "M"},
    )
    client.force_login(SuperuserFactory())
    (viewset,) = [vs for vs in _exporting_viewsets() if vs.model is Registration]
    (row,) = _csv(client, viewset.menu_url)
    assert row["Answers"] == "Dietary needs: Vegetarian; T-shirt size: M"
    assert row["State"] == "Waiting list"  # the label, not "waitlisted"
    assert row["E-mail"] == "sari@example.org"


def test_several_choices_export_as_their_labels(client, db):
    from partners.models import Organisation
    from programs.models import Pilot

    lead = Organisation.objects.create(name="Qlue", slug="qlue", kind="company")
    Pilot.objects.create(
        title="Street-lighting fault reporting",
        slug="street-lighting",
        summary="Residents report dark street lights.",
        lead_organisation=lead,
        districts=["north", "south"],
        state="piloting",
    )
    client.force_login(SuperuserFactory())
    (viewset,) = [vs for vs in _exporting_viewsets() if vs.model is Pilot]
    (row,) = _csv(client, viewset.menu_url)
    assert row["Districts"] == "North Jakarta, South Jakarta"
    assert row["Stage"] == "Piloting"
