"""The public page cache (portal/page_cache.py, portal/cache.py): anonymous readers are served from it and never see stale data after a
change the public can see; nothing personal ever enters it (docs/caching.md)."""

from datetime import date
from urllib.parse import urlsplit

import pytest
from django.urls import reverse
from wagtail.contrib.frontend_cache.backends.base import BaseBackend

from events import services as event_services
from programs.models import GovernmentResponse
from programs.pilots import services as pilot_services
from programs.services import take_step
from tests.events.conftest import make_event
from tests.factories import UserFactory
from tests.programs.conftest import make_recommendation
from tests.programs.pilots import run_to

pytestmark = pytest.mark.django_db

STATUS = "X-Portal-Cache"


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PORTAL_PAGE_CACHE = True


def served(client, url):
    """The page twice: the second answer comes from the cache."""
    first = client.get(url)
    second = client.get(url)
    assert first.status_code == second.status_code == 200, url
    assert second[STATUS] == "hit", f"{url} was not served from the cache"
    return second.content.decode()


def test_anonymous_pages_are_public_cookie_less_and_served_from_the_cache(client, demo_site):
    first = client.get("/en/")
    assert first[STATUS] == "miss"
    assert not first.cookies, "an anonymous public page must set no cookie"
    control = first["Cache-Control"]
    assert control.startswith("public") and "s-maxage=" in control
    assert "stale-while-revalidate=" in control
    assert "Cookie" in first["Vary"]
    second = client.get("/en/")
    assert second[STATUS] == "hit" and not second.cookies
    assert second["Cache-Control"] == control
    assert second.content.replace(b" ", b"") != b""
    # The CSP nonce is fresh on every hit and matches the header.
    nonce = second["Content-Security-Policy"].split("'nonce-")[1].split("'")[0]
    assert f'nonce="{nonce}"'.encode() in second.content
    assert nonce not in first["Content-Security-Policy"]


def _private(response):
    """Never shared, never stored: private and no-store, whatever else the view asked for."""
    directives = {d.strip() for d in response["Cache-Control"].split(",")}
    return {"private", "no-store"} <= directives and "public" not in directives


def test_personal_pages_are_private_and_never_stored(client, demo_site):
    member = UserFactory()
    login = client.get(reverse("account_login"))
    assert _private(login)  # a CSRF-bearing form
    assert _private(client.get(reverse("account_signup")))
    client.force_login(member)
    me = client.get(reverse("portal:me"))
    assert me.status_code == 200 and _private(me)
    home = client.get("/en/")
    assert _private(home) and STATUS not in home


def test_a_member_never_receives_another_persons_page(client, demo_site, event_index):
    event = make_event(event_index, title="Data walk", capacity=5)
    alice = UserFactory(name="Alice Aardvark")
    bob = UserFactory(name="Bob Bandicoot")
    event_services.register(alice, event)
    client.force_login(alice)
    for _ in range(2):
        alices = client.get(event.url)
        assert _private(alices)
        assert "Cancel my registration" in alices.content.decode()
    client.logout()
    client.force_login(bob)
    bobs = client.get(event.url).content.decode()
    assert "Cancel my registration" not in bobs and "My dashboard" in bobs
    client.logout()
    anonymous = served(client, event.url)
    assert "Cancel my registration" not in anonymous and "My dashboard" not in anonymous
    assert "Sign in" in anonymous
    # The anonymous copy is not what a member gets, either.
    client.force_login(bob)
    again = client.get(event.url)
    assert STATUS not in again and "My dashboard" in again.content.decode()


def test_a_newly_published_page_and_an_unpublished_one_show_at_once(client, event_index):
    listing = served(client, event_index.url)
    assert "Harbour clean-up" not in listing
    event = make_event(event_index, title="Harbour clean-up")
    assert "Harbour clean-up" in served(client, event_index.url)
    assert "Harbour clean-up" in served(client, event.url)
    event.unpublish()
    assert client.get(event.url).status_code == 404
    assert "Harbour clean-up" not in served(client, event_index.url)


def test_a_moved_or_deleted_page_shows_at_once(client, event_index):
    event = make_event(event_index, title="River walk")
    other = make_event(event_index, title="Other walk")
    served(client, event.url)
    old_url = event.url
    event.move(other, pos="last-child")
    event.refresh_from_db()
    moved = client.get(old_url)  # Wagtail redirects the old address
    assert moved.status_code == 301 and moved["Location"].endswith(event.url)
    assert "River walk" in served(client, event.url)
    other.delete()
    assert client.get(event.url).status_code == 404
    assert "Other walk" not in served(client, event_index.url)


def test_a_seat_count_change_shows_on_the_next_request(client, event_index):
    event = make_event(event_index, title="Budget workshop", capacity=3)
    assert "3 of 3 left" in served(client, event.url)
    registration = event_services.register(UserFactory(), event)
    assert "2 of 3 left" in served(client, event.url)
    event_services.cancel(registration.user, registration)
    assert "3 of 3 left" in served(client, event.url)


def test_a_pilots_new_stage_shows_on_the_next_request(client, pilot_index, world):
    run_to(world, "piloting")
    pilot_services.set_published(world.manager, world.pilot, True)
    url = pilot_index.pilot_url(world.pilot)
    before = served(client, url)
    assert 'data-stage="piloting"' in before or "Piloting" in before
    pilot_services.add_indicator(world.lead, world.pilot, name="Minutes", target=90, measured=70)
    pilot_services.add_document(
        world.lead, world.pilot, kind="evaluation_report", title="Evaluation", reference="EVAL-1"
    )
    pilot_services.take_step(world.lead, world.pilot, "evaluate")
    after = served(client, url)
    assert after != before and "Evaluation" in after


def test_a_government_response_shows_on_the_next_request(client, indexes, cast):
    page = make_recommendation(indexes[1], agencies=[cast.agency])
    response = GovernmentResponse.objects.get(recommendation=page, agency=cast.agency)
    assert "Sensors open by June" not in served(client, page.url)
    take_step(cast.liaison, response, "consider")
    take_step(
        cast.liaison,
        response,
        "accept",
        text="Sensors open by June.",
        date=date(2024, 2, 1),
        reference="Decree 12/2024",
    )
    assert "Sensors open by June" in served(client, page.url)


class RecordingBackend(BaseBackend):
    """A stand-in CDN: remembers what it was asked to purge."""

    purged = []

    def purge(self, url):
        RecordingBackend.purged.append(url)


def test_a_cdn_in_front_is_purged_through_the_same_mechanism(
    settings, event_index, django_capture_on_commit_callbacks
):
    settings.WAGTAILFRONTENDCACHE = {"cdn": {"BACKEND": f"{__name__}.RecordingBackend"}}
    RecordingBackend.purged.clear()
    with django_capture_on_commit_callbacks(execute=True):
        event = make_event(event_index, title="Mangrove planting", capacity=4)
    paths = {urlsplit(url).path for url in RecordingBackend.purged}
    assert {event.url, event_index.url, event.url.replace("/en/", "/id/")} <= paths
    RecordingBackend.purged.clear()
    with django_capture_on_commit_callbacks(execute=True):
        event_services.register(UserFactory(), event)
    assert event.url in {urlsplit(url).path for url in RecordingBackend.purged}


def test_a_cached_answer_revalidates_by_etag(client, demo_site):
    # A reader's cache (or a proxy) asking "has it changed?" gets 304 from the page cache too.
    first = client.get("/api/v1/pilots/")
    assert first[STATUS] == "miss" and first["ETag"]
    etag = first["ETag"]
    again = client.get("/api/v1/pilots/", HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304 and again[STATUS] == "hit"
    assert again["ETag"] == etag and again["Cache-Control"] == first["Cache-Control"]
    assert not again.content
    changed = client.get("/api/v1/pilots/", HTTP_IF_NONE_MATCH='"something-else"')
    assert changed.status_code == 200 and changed[STATUS] == "hit"
    assert changed.json() == first.json()
