"""Lists and detail pages of calls and proposals cost the same number of queries at ten times the data."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from partners.models import Membership
from partners.proposals import services
from tests.conftest import page_queries
from tests.factories import OrganisationFactory, ProgramManagerFactory, UserFactory
from tests.partners.factories import CallFactory, ProposalFactory

pytestmark = pytest.mark.django_db


queries = page_queries


def test_the_call_list_does_not_grow_with_calls(client):
    CallFactory.create_batch(3)
    few = queries(client, reverse("partners:calls"))
    CallFactory.create_batch(27)
    assert queries(client, reverse("partners:calls")) == few


def test_my_proposals_does_not_grow_with_proposals(client):
    editor = UserFactory()
    organisation = OrganisationFactory()
    Membership.objects.create(organisation=organisation, user=editor, role="editor")
    ProposalFactory.create_batch(3, organisation=organisation)
    client.force_login(editor)
    few = queries(client, reverse("partners:proposals"))
    ProposalFactory.create_batch(27, organisation=organisation)
    assert queries(client, reverse("partners:proposals")) == few


def test_the_review_queue_does_not_grow_with_proposals(client):
    manager = ProgramManagerFactory()
    call = CallFactory()
    for proposal in ProposalFactory.create_batch(3, call=call):
        Membership.objects.create(
            organisation=proposal.organisation, user=proposal.created_by, role="editor"
        )
        services.take_step(proposal.created_by, proposal, "submit")
    client.force_login(manager)
    few = queries(client, reverse("proposals:review_queue"))
    for proposal in ProposalFactory.create_batch(27, call=call):
        Membership.objects.create(
            organisation=proposal.organisation, user=proposal.created_by, role="editor"
        )
        services.take_step(proposal.created_by, proposal, "submit")
        services.assign_reviewers(manager, proposal, [UserFactory()])
    assert queries(client, reverse("proposals:review_queue")) == few


def test_a_proposal_page_does_not_grow_with_its_files_and_history(client, cast):
    client.force_login(cast.editor)
    address = reverse("partners:proposal", args=[cast.proposal.pk])
    services.add_attachment(cast.editor, cast.proposal, SimpleUploadedFile("a.pdf", b"%PDF-1.7\n"))
    few = queries(client, address)
    for number in range(9):
        services.add_attachment(
            cast.editor, cast.proposal, SimpleUploadedFile(f"{number}.pdf", b"%PDF-1.7\n")
        )
    services.take_step(cast.editor, cast.proposal, "submit")
    services.take_step(cast.manager, cast.proposal, "start_review")
    services.take_step(cast.manager, cast.proposal, "request_changes", comment="More detail.")
    # Submitting adds one possible action fewer (edit) and none more: the count stays.
    assert queries(client, address) == few
