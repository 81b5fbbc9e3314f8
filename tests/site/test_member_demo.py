"""The demo the member meets: a People's Choice vote open now, which the demo member casts
through the gallery as anyone would, and 67 pilots that are all different."""

import re

import pytest

from events.models import HackathonPage, Vote
from portal.models import User
from programs.models import DemoDayInterest, Pilot

pytestmark = pytest.mark.django_db


def _link(html, pattern):
    found = re.search(pattern, html)
    assert found, pattern
    return found.group(1)


def test_the_demo_member_votes_in_the_open_peoples_choice(client, demo):
    member = User.objects.get(email="member@example.org")
    client.force_login(member)
    index = client.get("/en/hackathons/").content.decode()
    page = _link(index, r'href="(/en/hackathons/clean-air-hackathon-\d{4}/)"')
    html = client.get(page).content.decode()
    gallery = _link(html, r'<a href="([^"]+gallery/)">People.s Choice voting is open')
    html = client.get(gallery).content.decode()
    action, title = re.search(
        r'<form method="post" action="([^"]+/vote/)">.*?Vote for ([^<]+)</button>', html
    ).groups()
    token = _link(html, r'name="csrfmiddlewaretoken" value="([^"]+)"')

    response = client.post(action, {"next": gallery, "csrfmiddlewaretoken": token}, follow=True)

    html = response.content.decode()
    assert "Your vote is counted." in html
    hackathon = HackathonPage.objects.get(
        locale__language_code="en", slug=page.rstrip("/").rsplit("/", 1)[1]
    )
    vote = Vote.objects.get(hackathon=hackathon, user=member)
    assert vote.submission.title == title.strip()
    assert "<strong>Your vote</strong>" in html


def test_every_demo_pilot_is_its_own(demo):
    pilots = list(Pilot.objects.values_list("title", "summary", "problem", "solution"))
    # 67 topics, and the pilot an agency's demo-day interest became (programs/cohorts).
    from_demo_day = DemoDayInterest.objects.exclude(pilot=None).values("pilot").distinct().count()
    assert from_demo_day == 1 and len(pilots) == 67 + from_demo_day
    for column in range(4):
        values = [pilot[column] for pilot in pilots]
        assert len(set(values)) == len(pilots), column
    assert not [title for title, *_rest in pilots if "second district" in title]
