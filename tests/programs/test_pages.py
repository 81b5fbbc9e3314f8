"""Programme and policy pages: figures from records, filters, search, drafts invisible, feed."""

import xml.etree.ElementTree as ET
from datetime import date

import pytest
from django.core.management import call_command
from django.utils import translation

from portal.models import Pillar
from programs.models import GovernmentResponse, PolicyRecommendationPage
from programs.services import take_step
from tests.factories import OrganisationFactory
from tests.programs.conftest import make_programme, make_recommendation

pytestmark = pytest.mark.django_db


def test_key_figures_match_a_count_of_the_records(client, indexes):
    programme_index, policy_index = indexes
    funder = OrganisationFactory(name="European Union", kind="international")
    partner = OrganisationFactory(name="Berlin Senate", kind="sister_city")
    programme = make_programme(programme_index, title="Smart Change")
    programme.funders.set([funder])
    programme.partner_organisations.set([partner, funder])  # counted once
    programme.save_revision().publish()
    for number in range(3):
        make_recommendation(policy_index, title=f"Rec {number}", programme=programme)
    make_recommendation(policy_index, title="Draft rec", programme=programme, live=False)
    programme.refresh_from_db()
    with translation.override("en"):  # labels are lazy; an earlier test may leave "id" active
        figures = {str(label): number for label, number in programme.key_figures()}
    assert figures == {"policy recommendations": 3, "partner organisations": 2}
    html = client.get(programme.url).content.decode()
    assert "Draft rec" not in html and "Rec 2" in html
    # Indonesian tree: the same count from its own (alias) pages.
    id_programme = programme.get_translation(
        programme_index.locale.__class__.objects.get(language_code="id")
    )
    assert {str(k): v for k, v in id_programme.specific.key_figures()}[
        "policy recommendations"
    ] == 3


def test_a_programme_without_records_shows_no_figures(indexes):
    programme = make_programme(indexes[0], title="Empty")
    assert programme.key_figures() == []


def test_programme_index_filters_by_pillar_city_and_status(client, indexes):
    programme_index, _ = indexes
    governance = Pillar.objects.get(slug="smart-governance", locale__language_code="en")
    old = make_programme(programme_index, title="Old exchange", end_date=date(2020, 1, 1))
    new = make_programme(programme_index, title="New exchange")
    new.pillars.set([governance])
    new.cities.create(name="Bangkok")
    new.save_revision().publish()
    old.save_revision().publish()

    def titles(query):
        return client.get(programme_index.url + query).content.decode()

    assert "Old exchange" in titles("?status=completed")
    assert "New exchange" not in titles("?status=completed")
    assert "New exchange" in titles("?status=running")
    assert "Old exchange" not in titles("?status=running")
    assert "Old exchange" not in titles("?pillar=smart-governance")
    assert "New exchange" in titles("?city=Bangkok")
    assert "Old exchange" not in titles("?city=Bangkok")
    assert old.status == "completed" and new.status == "running"


def test_policy_index_filters_and_search(client, indexes, cast):
    _, policy_index = indexes
    environment = Pillar.objects.get(slug="smart-environment", locale__language_code="en")
    water = make_recommendation(
        policy_index,
        title="Floodgate data",
        agencies=[cast.agency],
        pillars=[environment],
        date=date(2021, 3, 1),
    )
    make_recommendation(
        policy_index, title="Parking tariffs", agencies=[cast.other_agency], date=date(2023, 1, 1)
    )
    response = GovernmentResponse.objects.get(recommendation=water)
    for step in ("consider", "accept", "implement"):
        take_step(cast.manager, response, step, text="Done.", date=date(2023, 2, 1))

    def page(query):
        return client.get(policy_index.url + query).content.decode()

    assert "Floodgate data" in page("?pillar=smart-environment")
    assert "Parking tariffs" not in page("?pillar=smart-environment")
    assert "Parking tariffs" not in page(f"?agency={cast.agency.slug}")
    assert "Floodgate data" in page("?response=implemented")
    assert "Parking tariffs" not in page("?response=implemented")
    assert "Parking tariffs" in page("?response=awaiting")
    assert "Floodgate data" not in page("?response=awaiting")
    assert "Floodgate data" not in page("?year=2023")
    assert "Parking tariffs" in page("?q=tariffs")
    assert "Floodgate data" not in page("?q=tariffs")
    # Nonsense filters are ignored rather than failing.
    assert "Floodgate data" in page("?sdg=x&year=abcd&response=nope")
    assert client.get(policy_index.url + "?q=%22%3A*&page=999").status_code == 200


def test_drafts_and_pages_in_moderation_are_invisible_everywhere(client, indexes, cast):
    _, policy_index = indexes
    make_recommendation(policy_index, title="Published zebra", agencies=[cast.agency])
    draft = make_recommendation(policy_index, title="Secret zebra draft", live=False)
    moderated = make_recommendation(policy_index, title="Moderated zebra", live=False)
    moderated.get_workflow().start(moderated, cast.manager)
    call_command("update_index", verbosity=0)
    pages = [
        client.get(policy_index.url).content.decode(),
        client.get("/en/search/?q=zebra").content.decode(),
        client.get(policy_index.url + "feed/").content.decode(),
        client.get("/sitemap.xml").content.decode(),
    ]
    # The search marks the matched word in each result's title.
    assert "Published zebra" in pages[0] and "Published <mark>zebra</mark>" in pages[1]
    for html in pages:
        assert "Secret zebra" not in html and "Moderated zebra" not in html
        assert "secret-zebra" not in html and "moderated-zebra" not in html
    assert client.get(draft.url or "/en/policy/secret-zebra-draft/").status_code == 404
    # A draft asks nobody for a response until it is published.
    assert not GovernmentResponse.objects.filter(recommendation=draft).exists()


def test_the_feed_is_rss_with_the_live_recommendations_of_its_language(client, indexes):
    _, policy_index = indexes
    make_recommendation(policy_index, title="First & <best> idea")
    make_recommendation(policy_index, title="Second idea")
    make_recommendation(policy_index, title="Unpublished idea", live=False)
    for language in ("en", "id"):
        response = client.get(f"/{language}/policy/feed/")
        assert response.status_code == 200
        assert response["Content-Type"].startswith("application/rss+xml")
        root = ET.fromstring(response.content)  # noqa: S314 - our own response
        assert root.tag == "rss" and root.get("version") == "2.0"
        channel = root.find("channel")
        assert channel.findtext("language") == language
        titles = [item.findtext("title") for item in channel.findall("item")]
        assert sorted(titles) == ["First & <best> idea", "Second idea"]
        for item in channel.findall("item"):
            assert item.findtext("link").startswith("http")
            assert f"/{language}/policy/" in item.findtext("link")


def test_a_recommendation_page_has_citation_metadata_and_related(client, indexes, cast):
    programme_index, policy_index = indexes
    programme = make_programme(programme_index, title="Smart Change")
    page = make_recommendation(
        policy_index, title="Open the sensor data", programme=programme, agencies=[cast.agency]
    )
    make_recommendation(policy_index, title="A sibling", programme=programme)
    make_recommendation(policy_index, title="A stranger")
    html = client.get(page.url).content.decode()
    assert '<meta property="og:title" content="Open the sensor data">' in html
    assert 'type="application/ld+json"' in html and '"@type": "Report"' in html
    assert "Suggested citation" in html and "(2023). Open the sensor data." in html
    assert "A sibling" in html and "A stranger" not in html
    assert cast.agency.name in html and "Awaiting response" in html
    # Indonesian alias: English text shown, responses of the source page too.
    id_page = PolicyRecommendationPage.objects.get(
        translation_key=page.translation_key, locale__language_code="id"
    )
    id_html = client.get(id_page.url).content.decode()
    assert "Open the sensor data" in id_html and cast.agency.name in id_html


def test_the_page_links_its_pdf_document(client, indexes):
    from django.core.files.base import ContentFile
    from wagtail.documents.models import Document

    from programs.demo import pdf_bytes

    document = Document(title="Blueprint")
    document.file.save("blueprint.pdf", ContentFile(pdf_bytes("Blueprint")), save=False)
    document.save()
    page = make_recommendation(indexes[1], title="Blueprint", document=document)
    html = client.get(page.url).content.decode()
    assert f'href="{document.url}"' in html
    # Tests store files in memory, which Wagtail's serve view cannot stream: read the stored file.
    with document.file.open("rb") as handle:
        assert handle.read().startswith(b"%PDF-1.4")


def test_event_figures_come_from_the_programmes_events(client, indexes, event_index):
    """Participants = check-ins at portal events + recorded attendance of historic ones."""
    from events import services as event_services
    from tests.events.conftest import make_event
    from tests.factories import ProgramManagerFactory, UserFactory

    manager = ProgramManagerFactory()
    programme = make_programme(indexes[0], title="Smart Change")
    historic = make_event(
        event_index,
        title="Berlin study visit",
        days=-900,
        programme=programme,
        recorded_attendance=120,
    )
    held = make_event(
        event_index, title="Flood data dialogue", days=1, programme=programme, capacity=10
    )
    make_event(event_index, title="Unrelated talk", days=-2, recorded_attendance=999)
    for person in UserFactory.create_batch(3):
        registration = event_services.register(person, held)
        event_services.check_in(manager, registration)
    event_services.register(UserFactory(), held)  # registered, never came: not a participant
    with translation.override("en"):
        figures = {str(label): number for label, number in programme.key_figures()}
    assert figures["participants"] == 123 and figures["events"] == 2
    html = client.get(programme.url).content.decode()
    assert historic.title in html and held.title in html and "Unrelated talk" not in html
