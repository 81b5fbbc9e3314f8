"""/sitemap.xml lists every public page and profile in both languages with hreflang alternates,
and nothing unpublished, private or unverified."""

import pytest
from django.conf import settings
from wagtail.models import Page, PageViewRestriction

from events.models import EventPage, HackathonPage, Speaker, Submission
from partners.models import Call, Organisation
from programs.models import PolicyRecommendationPage
from tests.factories import OrganisationFactory
from tests.site.readers import sitemap

pytestmark = pytest.mark.django_db


def test_every_public_page_and_profile_in_both_languages_and_nothing_private(client, demo):
    base = settings.SITE_URL
    agency = Organisation.objects.verified().agencies().first()
    partner = Organisation.objects.verified().exclude(kind="agency").first()
    speaker = Speaker.objects.first()
    hackathon = HackathonPage.objects.live().filter(locale__language_code="en").first()
    project = Submission.objects.public().filter(hackathon=hackathon).first()
    call = Call.objects.public().first()
    year = EventPage.objects.live().order_by("start").first().start.year
    expected = [
        "/{lang}/",
        "/{lang}/about/",
        f"/{{lang}}/agencies/{agency.slug}/",
        f"/{{lang}}/partners/{partner.slug}/",
        "/{lang}/events/speakers/",
        f"/{{lang}}/events/speakers/{speaker.slug}/",
        f"/{{lang}}/events/archive/{year}/",
        f"/{{lang}}/hackathons/{hackathon.slug}/gallery/",
        f"/{{lang}}/hackathons/{hackathon.slug}/projects/{project.pk}/",
        "/{lang}/calls/",
        f"/{{lang}}/calls/{call.slug}/",
    ]
    entries = sitemap(client)
    for path in expected:
        alternates = {
            "en": base + path.format(lang="en"),
            "id": base + path.format(lang="id"),
            "x-default": base + path.format(lang="en"),
        }
        for lang in ("en", "id"):
            assert entries.get(base + path.format(lang=lang)) == alternates, path
    live = Page.objects.live().public().filter(depth__gt=1)
    for page in live.filter(locale__language_code="id").specific()[:50]:
        assert page.full_url in entries, page.url
    assert all(set(links) == {"en", "id", "x-default"} for links in entries.values())

    draft = PolicyRecommendationPage.objects.live().filter(locale__language_code="en")[0]
    draft.unpublish()
    private = Page.objects.get(slug="about", locale__language_code="en")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    pending = OrganisationFactory(name="Not yet verified", verification_state="pending")
    hidden = project
    hidden.hidden_from_gallery = True
    hidden.save()

    entries = sitemap(client)
    assert f"{base}/en/policy/{draft.slug}/" not in entries
    assert f"{base}/en/about/" not in entries and f"{base}/id/about/" in entries
    assert not [url for url in entries if url.endswith(f"/{pending.slug}/")]
    assert not [url for url in entries if url.endswith(f"/projects/{hidden.pk}/")]
