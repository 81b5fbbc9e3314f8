"""Sandbox challenges: public index and pages, agency profiles, liaison drafting and moderation."""

import io
import re
from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import WorkflowState

from partners import challenges, demo
from partners.models import ChallengePage, Membership
from portal.models import Pillar
from tests.conftest import XSS_PAYLOADS, assert_harmless, page_queries
from tests.factories import OrganisationFactory, ProgramManagerFactory, UserFactory
from tests.partners.conftest import make_challenge

pytestmark = pytest.mark.django_db

FIELDS = {
    "title": "Cleaner canals",
    "summary": "Waste blocks the canals.",
    "problem_statement": "Waste piles up.\n\nCrews clear it by hand.",
    "context": "Rainy season.",
    "data_available": "Camera images.",
    "expected_outcomes": "Fewer blockages.",
}


def _html(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, url
    return response.content.decode()


def _main(html):
    return html.split('<main id="main"')[1].split("</main>")[0]


def _without_follow_toggle(html):
    """The page's own Follow form (portal/follows) is not user text: leave it out of the check."""
    return re.sub(r'<div class="follow-toggle">.*?</div>', "", html, flags=re.S)


@pytest.fixture
def agency():
    return OrganisationFactory(name="Department of Water Resources", kind="agency")


@pytest.fixture
def liaison(agency):
    user = UserFactory(email="liaison@example.org")
    Membership.objects.create(organisation=agency, user=user, role="liaison")
    return user


def _future(days=10):
    return (timezone.localtime() + timedelta(days=days)).strftime("%Y-%m-%dT%H:%M")


# Public pages -----------------------------------------------------------------------------------


def test_index_lists_live_challenges_only_and_filters(client, challenge_index, agency):
    other = OrganisationFactory(name="Department of Environment", kind="agency")
    mobility = Pillar.objects.get(slug="smart-mobility", locale__language_code="en")
    make_challenge(challenge_index, title="River sensors", agency=agency, status="open")
    make_challenge(
        challenge_index, title="Odd-even plates", agency=other, status="closed", pillars=[mobility]
    )
    make_challenge(challenge_index, title="Secret draft", agency=agency, live=False)
    html = _html(client, "/en/challenges/")
    assert "River sensors" in html and "Odd-even plates" in html
    assert "Secret draft" not in html
    assert "2 challenges" in html
    html = _html(client, "/en/challenges/?status=closed")
    assert "Odd-even plates" in html and "River sensors" not in html
    html = _html(client, "/en/challenges/?pillar=smart-mobility")
    assert "Odd-even plates" in html and "River sensors" not in html
    html = _html(client, f"/en/challenges/?agency={agency.slug}")
    assert "River sensors" in html and "Odd-even plates" not in html
    html = _html(client, "/en/challenges/?q=river+SENSORS")
    assert "1 challenge" in html and "River sensors" in html
    assert "River sensors" in _html(client, "/id/challenges/")  # the alias tree lists it too
    assert "Secret draft" not in _html(client, "/id/challenges/")
    html = _html(client, "/en/challenges/?status=bogus&page=99&q=%27%22%3C")
    assert "0 challenges" in html or "River sensors" in html


def test_index_is_paginated_with_a_constant_query_count(client, challenge_index):
    pillars = list(Pillar.objects.filter(locale__language_code="en"))

    def add(count, start):
        for number in range(start, start + count):
            make_challenge(challenge_index, title=f"Challenge {number:03d}", pillars=pillars)

    def queries():
        return page_queries(client, "/en/challenges/")

    add(3, 0)
    small = queries()
    add(27, 3)
    assert queries() == small
    html = _html(client, "/en/challenges/?page=3")
    assert "Page 3 of 3" in html


def test_detail_shows_agency_link_deadline_in_jakarta_and_empty_responses(
    client, challenge_index, agency
):
    deadline = timezone.datetime(2031, 3, 14, 10, 0, tzinfo=timezone.UTC)
    page = make_challenge(challenge_index, agency=agency, response_deadline=deadline)
    html = _html(client, page.url)
    assert f'href="/en/agencies/{agency.slug}/"' in html
    # One style everywhere: Jakarta time, abbreviated WIB, with a machine-readable <time>.
    assert '2031-03-14T17:00:00+0700">14 March 2031, 17:00 WIB</time>' in html
    assert "Accepted responses" in html and "No accepted responses yet." in html
    assert page.accepted_responses() == [] and page.open_calls() == []
    html = _html(client, f"/id/challenges/{page.slug}/")
    assert f'href="/id/agencies/{agency.slug}/"' in html


def test_agency_profile_lists_its_challenges_with_a_flat_query_count(
    client, challenge_index, agency
):
    make_challenge(challenge_index, title="River sensors", agency=agency)
    make_challenge(challenge_index, title="Someone else's", live=True)
    url = f"/en/agencies/{agency.slug}/"
    html = _html(client, url)
    assert "Challenges posed" in html and "River sensors" in html
    assert "Someone else" not in html
    assert "River sensors" in _html(client, f"/id/agencies/{agency.slug}/")

    def queries():
        return page_queries(client, url)

    few = queries()
    for number in range(10):
        make_challenge(challenge_index, title=f"More {number}", agency=agency)
    assert queries() == few


# Liaison drafting and moderation ----------------------------------------------------------------


def test_liaison_drafts_edits_and_submits_then_a_program_manager_publishes(
    client, challenge_index, agency, liaison
):
    client.force_login(liaison)
    assert "/en/me/challenges/" in _html(client, "/en/me/")
    response = client.post(
        f"/en/me/challenges/new/?agency={agency.slug}",
        {**FIELDS, "response_deadline": _future()},
    )
    page = ChallengePage.objects.get(title="Cleaner canals", alias_of=None)
    assert response.status_code == 302 and response.url == f"/en/me/challenges/{page.pk}/edit/"
    assert not page.live and page.owner_agency == agency and page.status == "open"
    assert page.problem_statement == "<p>Waste piles up.</p><p>Crews clear it by hand.</p>"
    assert client.get(page.url or f"/en/challenges/{page.slug}/").status_code == 404
    html = _html(client, f"/en/me/challenges/{page.pk}/edit/")
    assert "Crews clear it by hand." in html

    client.post(f"/en/me/challenges/{page.pk}/edit/", {**FIELDS, "title": "Cleaner rivers"})
    page.refresh_from_db()
    assert page.draft_title == "Cleaner rivers" and not page.live
    assert "Cleaner rivers" in _html(client, "/en/me/challenges/")

    response = client.post(f"/en/me/challenges/{page.pk}/submit/")
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.workflow_in_progress
    assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert page.current_workflow_task.name == challenges.TASK
    assert "Waiting for approval" in _html(client, "/en/me/challenges/")

    # Locked while in moderation, with the reason.
    response = client.post(f"/en/me/challenges/{page.pk}/edit/", FIELDS, follow=True)
    assert "waiting for a program manager" in response.content.decode()
    with pytest.raises(challenges.ActionRefused, match="waiting for a program manager"):
        challenges.update_challenge(liaison, page, title="Sneaky")

    manager = ProgramManagerFactory()
    task_state = page.current_workflow_task_state
    task_state.task.specific.on_action(task_state, manager, "approve")
    page.refresh_from_db()
    assert page.live and page.title == "Cleaner rivers"
    assert "Cleaner rivers" in _html(client, "/en/challenges/")
    assert "Cleaner rivers" in _html(client, f"/id/challenges/{page.slug}/")
    response = client.get(f"/en/me/challenges/{page.pk}/edit/", follow=True)
    assert "This challenge is published" in response.content.decode()


def test_program_managers_can_approve_in_the_admin(client, challenge_index, agency, liaison):
    page = challenges.draft_challenge(liaison, agency, **FIELDS)
    challenges.submit_challenge(liaison, page)
    manager = ProgramManagerFactory()
    assert manager.groups.filter(name=challenges.GROUP).exists()
    task = page.current_workflow_task
    assert "approve" in [action[0] for action in task.specific.get_actions(page, manager)]
    assert not task.specific.get_actions(page, liaison)  # a liaison cannot approve


def test_a_multi_line_draft_opens_in_the_editor(client, challenge_index, agency, liaison):
    fields = {**FIELDS, "problem_statement": "a\nb", "context": "one\r\ntwo\n\nthree < four & co"}
    page = challenges.draft_challenge(liaison, agency, **fields)
    challenges.submit_challenge(liaison, page)
    page.refresh_from_db()
    assert page.problem_statement == "<p>a<br/>b</p>"
    assert page.context == "<p>one<br/>two</p><p>three &lt; four &amp; co</p>"
    client.force_login(ProgramManagerFactory())
    assert client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200
    # Back in the liaison's form, the text is as typed.
    assert challenges.html_to_text(page.context) == "one\ntwo\n\nthree < four & co"


def test_the_admin_edits_challenges(admin_client, challenge_index, agency):
    page = make_challenge(challenge_index, agency=agency)
    assert admin_client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200
    url = f"/admin/pages/add/partners/challengepage/{challenge_index.pk}/"
    assert admin_client.get(url).status_code == 200


@pytest.mark.parametrize("who", ["anonymous", "member", "owner", "other_liaison"])
def test_others_get_404_on_new_and_edit(client, challenge_index, agency, liaison, who):
    page = challenges.draft_challenge(liaison, agency, **FIELDS)
    if who != "anonymous":
        user = UserFactory()
        if who == "owner":
            Membership.objects.create(organisation=agency, user=user, role="owner")
        if who == "other_liaison":
            other = OrganisationFactory(kind="agency")
            Membership.objects.create(organisation=other, user=user, role="liaison")
        client.force_login(user)
    urls = [
        f"/en/me/challenges/new/?agency={agency.slug}",
        f"/en/me/challenges/{page.pk}/edit/",
    ]
    for url in urls:
        response = client.get(url)
        if who == "anonymous":  # like every /me/ page: off to sign in
            assert response.status_code == 302 and "/accounts/login/" in response.url
        else:
            assert response.status_code == 404, url
    response = client.post(f"/en/me/challenges/{page.pk}/submit/")
    assert response.status_code == (302 if who == "anonymous" else 404)
    page.refresh_from_db()
    assert not page.workflow_in_progress
    if who != "anonymous":
        assert "Cleaner canals" not in _html(client, "/en/me/challenges/")


def test_liaisons_draft_only_for_agencies(challenge_index, liaison):
    company = OrganisationFactory(kind="company")
    Membership.objects.create(organisation=company, user=liaison, role="liaison")
    with pytest.raises(challenges.ActionRefused, match="government agencies"):
        challenges.draft_challenge(liaison, company, **FIELDS)


def test_past_deadline_is_refused_and_the_form_keeps_the_values(
    client, challenge_index, agency, liaison
):
    client.force_login(liaison)
    past = (timezone.localtime() - timedelta(days=1)).strftime("%Y-%m-%dT%H:%M")
    response = client.post(
        f"/en/me/challenges/new/?agency={agency.slug}", {**FIELDS, "response_deadline": past}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "The response deadline has passed" in html
    assert 'value="Cleaner canals"' in html and "Crews clear it by hand." in html
    assert past in html
    assert not ChallengePage.objects.filter(title="Cleaner canals").exists()
    with pytest.raises(challenges.ActionRefused, match="deadline has passed"):
        challenges.draft_challenge(
            liaison, agency, **FIELDS, response_deadline=timezone.now() - timedelta(hours=1)
        )


def test_missing_fields_are_explained(client, challenge_index, agency, liaison):
    client.force_login(liaison)
    response = client.post(f"/en/me/challenges/new/?agency={agency.slug}", {"title": "Only"})
    html = response.content.decode()
    assert response.status_code == 200 and "This field is required." in html
    assert 'value="Only"' in html


def test_hostile_text_is_harmless_on_the_public_page_and_the_liaison_list(
    client, challenge_index, agency, liaison
):
    manager = ProgramManagerFactory()
    client.force_login(liaison)
    for number, payload in enumerate(XSS_PAYLOADS):
        fields = dict.fromkeys(FIELDS, payload)
        fields["title"] = f"{payload[:150]} {number}"
        page = challenges.draft_challenge(liaison, agency, **fields)
        assert_harmless(_main(_html(client, "/en/me/challenges/")), allowed_tags=())
        # The edit form shows the payload escaped inside value="…" (the regex would misread it).
        assert "<script" not in _main(_html(client, f"/en/me/challenges/{page.pk}/edit/"))
        challenges.submit_challenge(liaison, page)
        task_state = page.current_workflow_task_state
        task_state.task.specific.on_action(task_state, manager, "approve")
        page.refresh_from_db()
        assert page.live
        public_page = _without_follow_toggle(_main(_html(client, page.url)))
        assert_harmless(public_page, allowed_tags=())
        assert_harmless(_main(_html(client, "/en/challenges/")), allowed_tags=("form", "input"))


# Demo data --------------------------------------------------------------------------------------


def test_seed_is_idempotent_and_has_challenges_in_both_languages(client, demo_partners):
    en = ChallengePage.objects.filter(locale__language_code="en").live()
    indonesian = ChallengePage.objects.filter(locale__language_code="id").live()
    assert en.count() >= 8 and indonesian.count() == en.count()
    assert {"open", "in_sandbox", "solved", "closed"} <= set(en.values_list("status", flat=True))
    assert en.filter(response_deadline__gt=timezone.now(), status="open").exists()
    assert all(page.owner_agency.kind == "agency" for page in en)
    counts = (ChallengePage.objects.count(), WorkflowState.objects.count())
    demo.seed(io.StringIO())
    assert (ChallengePage.objects.count(), WorkflowState.objects.count()) == counts
    html = _html(client, "/id/challenges/")
    # The Indonesian list reads in Indonesian: the challenge has its own Indonesian title.
    assert "Tantangan" in html and "Peringatan dini banjir yang lebih awal" in html
    assert "Earlier flood warnings" not in html
    assert "Challenges" in _html(client, "/en/")  # in the menu
    assert _html(client, "/en/challenges/flood-early-warning/")
    html = _html(client, "/en/agencies/department-of-water-resources/")
    assert "Earlier flood warnings" in html
