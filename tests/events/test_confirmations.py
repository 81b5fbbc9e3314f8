"""Destructive member actions are confirmed first: cancelling a registration and leaving a team
take two steps (the button leads to a page that says what will happen; only its POST acts), and
a step that can no longer be taken says why instead of offering the button."""

import html
import re
from datetime import timedelta

import pytest
from django.utils import timezone

from events import services
from events.models import EventPage, Registration, Team
from tests.events.conftest import make_team, move_phase
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _link(html, text):
    """The href of the link whose text starts with ``text`` (followed as a member would)."""
    match = re.search(r'<a [^>]*href="([^"]+)"[^>]*>\s*' + re.escape(text), html)
    assert match, f"no link {text!r}"
    return match.group(1)


def test_cancelling_a_registration_asks_first_and_then_frees_the_seat(client, event, people):
    first, waiting = people[:2]
    EventPage.objects.filter(pk=event.pk).update(capacity=1)
    registration = services.register(first, event)
    services.register(waiting, event)
    client.force_login(first)

    listing = client.get("/en/me/events/").content.decode()
    confirm_url = _link(listing, "Cancel")
    page = client.get(confirm_url)
    text = page.content.decode()
    assert page.status_code == 200 and "Cancel your registration" in text
    assert event.title in text and "first person waiting" in text
    registration.refresh_from_db()
    assert registration.state == "confirmed"  # looking at the question changes nothing

    # "Keep it" goes back to the list; the POST of the page's form cancels.
    assert 'href="/en/me/events/"' in text
    done = client.post(confirm_url, follow=True)
    registration.refresh_from_db()
    assert registration.state == "cancelled"
    assert "Your registration is cancelled." in done.content.decode()
    assert Registration.objects.get(user=waiting).state == "confirmed"

    # Asked again, the page says why there is nothing to cancel.
    again = client.get(confirm_url).content.decode()
    assert "already cancelled" in again and "Yes, cancel my registration" not in again


def test_the_event_page_links_to_the_same_confirmation(client, event, people):
    registration = services.register(people[0], event)
    client.force_login(people[0])
    html = client.get(event.url).content.decode()
    assert _link(html, "Cancel my registration") == f"/en/me/events/{registration.pk}/cancel/"


def test_a_registration_for_an_event_that_is_over_cannot_be_cancelled(client, event, people):
    registration = services.register(people[0], event)
    past = timezone.now() - timedelta(days=1)
    EventPage.objects.filter(pk=event.pk).update(start=past - timedelta(hours=2), end=past)
    client.force_login(people[0])
    text = client.get(f"/en/me/events/{registration.pk}/cancel/").content.decode()
    assert "This event is over." in text and "<form" not in text.split("<main", 1)[1]


def test_someone_elses_registration_is_not_found(client, event, people):
    registration = services.register(people[0], event)
    client.force_login(people[1])
    assert client.get(f"/en/me/events/{registration.pk}/cancel/").status_code == 404
    assert client.post(f"/en/me/events/{registration.pk}/cancel/").status_code == 404
    registration.refresh_from_db()
    assert registration.state == "confirmed"


def test_leaving_a_team_asks_first_and_says_what_happens(client, hackathon):
    leader, member = UserFactory(), UserFactory()
    team = make_team(hackathon, leader, member)
    client.force_login(member)
    team_page = client.get(f"/en/me/hackathons/teams/{team.pk}/").content.decode()
    confirm_url = _link(team_page, "Leave the team")
    text = html.unescape(client.get(confirm_url).content.decode())
    assert f"Leave {team.name}?" in text and "leader's approval" in text
    assert team.memberships.filter(user=member).exists()

    response = client.post(confirm_url)
    assert response["Location"] == "/en/me/hackathons/"
    assert not team.memberships.filter(user=member).exists()

    # The leader, now alone, is told the team goes with them.
    client.force_login(leader)
    text = client.get(confirm_url).content.decode()
    assert "last member" in text
    client.post(confirm_url)
    assert not Team.objects.filter(pk=team.pk).exists()


def test_a_leader_leaving_hands_over_and_a_frozen_team_cannot_be_left(client, hackathon):
    leader, member = UserFactory(), UserFactory()
    team = make_team(hackathon, leader, member)
    client.force_login(leader)
    assert (
        "becomes the team leader"
        in client.get(f"/en/me/hackathons/teams/{team.pk}/leave/").content.decode()
    )

    move_phase(hackathon, "judging")
    text = client.get(f"/en/me/hackathons/teams/{team.pk}/leave/").content.decode()
    assert "closed" in text and "Yes, leave the team" not in text
    client.post(f"/en/me/hackathons/teams/{team.pk}/leave/")
    assert team.memberships.filter(user=leader).exists()
    assert client.get(f"/en/me/hackathons/teams/{team.pk}/leave/").status_code == 200
    client.force_login(UserFactory())
    assert client.get(f"/en/me/hackathons/teams/{team.pk}/leave/").status_code == 404
