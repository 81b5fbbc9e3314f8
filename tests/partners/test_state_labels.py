"""Staff and members read states by their labels ("In review"), never the stored values
("in_review"): on the decision screen's timeline, the verification history and the audit log."""

import re

import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry

from partners.models import Membership
from partners.proposals import services
from portal.workflow import apply_transition
from tests.factories import OrganisationFactory, ProgramManagerFactory, UserFactory
from tests.partners.factories import ProposalFactory

pytestmark = pytest.mark.django_db

RAW = re.compile(r">\s*(submitted|in_review|changes_requested|pending|verified)\s*<")


def _reviewed_proposal():
    manager = ProgramManagerFactory()
    author = UserFactory()
    organisation = OrganisationFactory()
    Membership.objects.create(organisation=organisation, user=author, role="owner")
    proposal = ProposalFactory(organisation=organisation, title="Shade for bus stops")
    services.take_step(author, proposal, "submit")
    services.take_step(manager, proposal, "start_review")
    return manager, author, proposal


def test_the_decision_screen_shows_state_labels(client):
    manager, _author, proposal = _reviewed_proposal()
    client.force_login(manager)
    queue = client.get(reverse("proposals:review_queue")).content.decode()
    address = re.search(rf'href="([^"]*/{proposal.pk}/[^"]*)"', queue).group(1)
    html = client.get(address).content.decode()
    timeline = html.split("timeline", 1)[1]
    assert "<strong>Submitted</strong>" in timeline
    assert "<strong>In review</strong>" in timeline
    assert not RAW.search(html), RAW.search(html)


def test_the_member_timeline_shows_state_labels(client):
    _manager, author, proposal = _reviewed_proposal()
    client.force_login(author)
    html = client.get(f"/en/me/proposals/{proposal.pk}/").content.decode()
    assert "In review" in html
    assert not RAW.search(html)


def test_the_verification_history_and_audit_log_read_in_words(client):
    manager = ProgramManagerFactory()
    organisation = OrganisationFactory(verification_state="pending")
    apply_transition(organisation, "verify", manager)
    client.force_login(manager)
    html = client.get(reverse("organisations:verification", args=[organisation.pk])).content
    html = html.decode()
    assert "Verify</strong> (Pending verification → Verified)" in html
    entry = ModelLogEntry.objects.filter(action="portal.workflow.transition").latest("pk")
    assert entry.message == "Verify: Pending verification → Verified"
