"""Plain text is stored as typed and escaped once, on output: a team named ``<b>Tim</b> & Co``
reads so on pages, in e-mails, JSON and CSV."""

import csv
import importlib
import io
import json

import pytest
from django.apps import apps
from django.core import mail

from events.hackathons import submissions, teams
from events.hackathons.forms import TeamForm
from events.models import Submission, Team, TeamJoinRequest
from tests.events.conftest import make_team
from tests.factories import ProgramManagerFactory, UserFactory

pytestmark = pytest.mark.django_db

NAME = "<b>Tim</b> & Co"
ESCAPED = "&lt;b&gt;Tim&lt;/b&gt; &amp; Co"


def test_a_team_named_with_markup_is_shown_as_typed(
    client, hackathon, django_capture_on_commit_callbacks
):
    leader, asker = UserFactory(), UserFactory()
    team = make_team(hackathon, leader, name=NAME)
    assert Team.objects.get(pk=team.pk).name == NAME
    Team.objects.filter(pk=team.pk).update(looking_for_members=True, skills_wanted="R & D <3")
    submissions.save(
        leader, team.submission, {"title": "Banjir & <i>Alert</i>", "tagline": "a < b"}
    )
    request = teams.request_to_join(asker, team, "Flutter & Go\n<p>hi</p>")
    assert TeamJoinRequest.objects.get(pk=request.pk).message == "Flutter & Go\n<p>hi</p>"

    client.force_login(leader)
    html = client.get(f"/en/me/hackathons/teams/{team.pk}/").content.decode()
    assert ESCAPED in html and "&amp;amp;" not in html and "&amp;lt;" not in html
    assert "R &amp; D &lt;3" in html

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        teams.decide_join_request(leader, request, True)
    bodies = [m.body for m in mail.outbox]
    assert any(NAME in body for body in bodies) and not any("&amp;" in b for b in bodies)

    client.force_login(ProgramManagerFactory())
    base = f"/admin/hackathon_submissions/hackathons/{hackathon.pk}/export/submissions"
    rows = json.loads(client.get(base + ".json").content)
    row = next(r for r in rows if r["id"] == team.submission.pk)
    assert (row["team"], row["title"], row["tagline"]) == (NAME, "Banjir & <i>Alert</i>", "a < b")
    table = list(csv.reader(io.StringIO(client.get(base + ".csv").content.decode())))
    assert [NAME, "Banjir & <i>Alert</i>"] in [[r[3], r[1]] for r in table]


def test_a_name_of_markup_only_is_kept_not_emptied(hackathon):
    team = make_team(hackathon, UserFactory(), name="<script></script>")
    assert Team.objects.get(pk=team.pk).name == "<script></script>"


def test_the_migration_gives_back_what_was_typed(hackathon):
    team = make_team(hackathon, UserFactory(), name="placeholder")
    Team.objects.filter(pk=team.pk).update(name="Tim &amp; Co &lt;3", skills_wanted="&amp;amp;")
    Submission.objects.filter(pk=team.submission.pk).update(title="R &amp; D")
    migration = importlib.import_module("events.migrations.0004_unescape_plain_text")
    migration.unescape_rows(apps, None)
    team.refresh_from_db()
    assert (team.name, team.skills_wanted) == ("Tim & Co <3", "&amp;")
    assert Submission.objects.get(pk=team.submission.pk).title == "R & D"


def test_the_team_form_refuses_a_two_line_name(hackathon):
    form = TeamForm({"name": "Tim\nCo"}, hackathon=hackathon, user=UserFactory())
    assert form.errors["name"] == ["Please keep this on one line."]
