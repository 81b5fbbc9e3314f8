"""The demo's hackathons as `make run` seeds them: one past with results, one in its People's
Choice vote, one open for registration."""

import pytest

from events.hackathons import judging, permissions
from events.models import HackathonPage, Vote
from portal.models import ReviewAssignment, User

pytestmark = pytest.mark.django_db


def test_demo_builds_past_and_upcoming_hackathons(client, demo):
    pages = HackathonPage.objects.filter(locale__language_code="en").order_by("hacking_starts_at")
    past, voting, upcoming = pages
    # Between the deadline and the vote's close: the People's Choice is open now.
    assert voting.phase() == "judging" and voting.submissions.filter(state="submitted").exists()
    assert permissions.voting_open(voting)[0]
    assert past.teams.count() >= 30 and past.submissions.count() >= 30
    assert past.awards.filter(published_at__isnull=False).count() >= len(past.tracks.all())
    assert Vote.objects.filter(hackathon=past).exists()
    results = judging.results(past)
    assert all(r.n_reviews >= 3 for r in results)
    assert any(r.rank_changed for r in results)
    for result in results:
        for assignment in ReviewAssignment.objects.for_item(result.item):
            assert not result.item.review_conflict(assignment.reviewer)
    assert upcoming.phase() == "registration"
    member = User.objects.get(email="member@example.org")
    client.force_login(member)
    assert "Form a team" in client.get(upcoming.url).content.decode()
    reviewer = ReviewAssignment.objects.filter(reviewer__email="reviewer@example.org")
    assert reviewer.exists()
    for language in ("en", "id"):
        assert client.get(f"/{language}/hackathons/{past.slug}/gallery/").status_code == 200
