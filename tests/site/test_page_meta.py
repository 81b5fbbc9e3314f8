"""Every page carries a description, Open Graph tags, hreflang links (self and x-default) and the
schema.org data of its kind."""

import pytest
from django.conf import settings

from events.models import EventPage, HackathonPage
from partners.models import Organisation
from portal.sites import absolute
from tests.site.readers import head, hreflang, json_ld, meta

pytestmark = pytest.mark.django_db


def test_every_page_has_a_description_open_graph_hreflang_and_schema_org(client, demo):
    hackathon = HackathonPage.objects.live().filter(locale__language_code="en").first()
    event = EventPage.objects.live().filter(locale__language_code="en").first()
    agency = Organisation.objects.verified().agencies().first()
    partner = Organisation.objects.verified().exclude(kind="agency").first()
    paths = [
        ("/{lang}/", {"WebSite"}),
        ("/{lang}/about/", set()),
        ("/{lang}/events/", {"Event"}),
        (event.url.replace("/en/", "/{lang}/", 1), {"Event"}),
        (hackathon.url.replace("/en/", "/{lang}/", 1), {"Event"}),
        ("/{lang}/hackathons/", set()),
        (f"/{{lang}}/agencies/{agency.slug}/", {"GovernmentOrganization"}),
        (f"/{{lang}}/partners/{partner.slug}/", {"Organization"}),
        ("/{lang}/pilots/", set()),
        ("/{lang}/policy/", set()),
        ("/{lang}/programs/", set()),
        ("/{lang}/challenges/", set()),
        ("/{lang}/calls/", set()),
        ("/{lang}/search/?q=jakarta", set()),
        ("/{lang}/accounts/login/", set()),
    ]
    failures = []
    for template, types in paths:
        for lang in ("en", "id"):
            path = template.format(lang=lang)
            html = head(client, path)
            url = settings.SITE_URL + path.split("?")[0]
            descriptions = meta(html, "name", "description")
            links = dict(hreflang(html))
            found = {
                "description": len(descriptions) == 1 and bool(descriptions[0].strip()),
                "og:description": meta(html, "property", "og:description") == descriptions,
                "og:title": bool("".join(meta(html, "property", "og:title")).strip()),
                "og:url": meta(html, "property", "og:url") == [url],
                "hreflang self": links.get(lang) == url,
                "hreflang": set(links) == {"en", "id", "x-default"},
                "x-default": links.get("x-default") == links.get("en"),
                "schema.org": types <= {data["@type"] for data in json_ld(html)},
            }
            failures += [f"{path}: {name}" for name, ok in found.items() if not ok]
    assert failures == []


def test_an_empty_search_description_falls_back_to_the_summary_and_events_show_a_logo(client, demo):
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    event = EventPage.objects.live().filter(locale__language_code="en").first()
    assert not event.search_description
    assert meta(head(client, event.url), "name", "description") == [event.summary]
    event.search_description = "What the editor wrote for search engines."
    event.save_revision().publish()
    assert meta(head(client, event.url), "name", "description") == [event.search_description]

    # The event's own picture comes first; without one, its organiser's logo.
    html = head(client, event.url)
    (image,) = meta(html, "property", "og:image")
    assert image == absolute(event.image.get_rendition("fill-1200x630").url)
    (data,) = json_ld(html)
    assert data["@type"] == "Event" and data["image"] == [image]
    EventPage.objects.filter(translation_key=event.translation_key).update(image=None)
    organiser = event.organisers.first()
    organiser.logo = Image.objects.create(title="logo", file=get_test_image_file())
    organiser.save()
    html = head(client, event.url)
    (image,) = meta(html, "property", "og:image")
    assert image.startswith(settings.SITE_URL + "/")
    assert image == absolute(organiser.logo.get_rendition("fill-1200x630").url)
    (data,) = json_ld(html)
    assert data["@type"] == "Event" and data["image"] == [image]
