"""Records in both languages: one helper picks the reader's language, with English as fallback.

(The seeded demo read in Bahasa Indonesia, page by page, is tests/site/test_indonesian.py.)
"""

import pytest
from django.template import Context, Template
from django.utils import translation

from events.models import Speaker
from portal.i18n import in_english, localised
from tests.conftest import XSS_PAYLOADS, assert_harmless
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

FILTER = Template('{% load portal_tags %}<p>{{ record|localised:"name" }}</p>')


def _render(record, language):
    with translation.override(language):
        return FILTER.render(Context({"record": record}))


def test_indonesian_name_is_shown_to_indonesian_readers_and_english_to_english_ones():
    agency = OrganisationFactory(
        name="Department of Water Resources", name_id="Dinas Sumber Daya Air", kind="agency"
    )
    assert _render(agency, "id") == "<p>Dinas Sumber Daya Air</p>"
    assert _render(agency, "en") == "<p>Department of Water Resources</p>"
    with translation.override("id"):
        assert localised(agency, "name") == "Dinas Sumber Daya Air"
        assert not in_english(agency, "name")


def test_an_empty_indonesian_twin_falls_back_to_english():
    partner = OrganisationFactory(name="Deutsche Gesellschaft für Internationale Zusammenarbeit")
    assert (
        _render(partner, "id") == "<p>Deutsche Gesellschaft für Internationale Zusammenarbeit</p>"
    )
    with translation.override("id"):
        assert in_english(partner, "name")
    with translation.override("en"):
        assert not in_english(partner, "name")
    assert localised(None, "name") == ""


def test_hostile_text_in_either_language_is_escaped():
    for payload in XSS_PAYLOADS[:40]:
        record = OrganisationFactory(name=f"EN {payload}", name_id=f"ID {payload}")
        for language in ("id", "en"):
            html = _render(record, language)
            assert_harmless(html)
            assert "<script" not in html.lower()


def test_speakers_use_the_same_rule():
    speaker = Speaker.objects.create(
        name="Ayu Santoso", slug="ayu-santoso", title="Researcher", title_id="Peneliti"
    )
    organisation = OrganisationFactory(name="Department of Health", name_id="Dinas Kesehatan")
    speaker.organisation = organisation
    with translation.override("id"):
        assert (speaker.display_title, speaker.affiliation) == ("Peneliti", "Dinas Kesehatan")
    with translation.override("en"):
        assert (speaker.display_title, speaker.affiliation) == (
            "Researcher",
            "Department of Health",
        )
    speaker.title_id = ""
    with translation.override("id"):
        assert speaker.display_title == "Researcher"


def test_the_indonesian_name_is_searchable():
    from wagtail.search.backends import get_search_backend

    from partners.models import Organisation

    OrganisationFactory(name="Department of Water Resources", name_id="Dinas Sumber Daya Air")
    OrganisationFactory(name="Department of Health", name_id="Dinas Kesehatan")
    found = get_search_backend().search("Sumber Daya Air", Organisation)
    assert [o.name for o in found] == ["Department of Water Resources"]
