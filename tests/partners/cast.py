"""Shared set-up for proposal tests: an organisation with each role, a reviewer, a manager."""

from dataclasses import dataclass

import pytest

from partners.models import Membership
from tests.factories import OrganisationFactory, ProgramManagerFactory, UserFactory
from tests.partners.factories import CallFactory, ProposalFactory


@dataclass
class Cast:
    organisation: object
    owner: object
    editor: object
    member: object
    other_member: object
    reviewer: object
    outsider_reviewer: object
    liaison: object
    manager: object
    call: object
    proposal: object


@pytest.fixture
def cast(db):
    organisation = OrganisationFactory(name="Banjir Tech")
    other = OrganisationFactory(name="Other Start-up")
    agency = OrganisationFactory(name="Department of Water Resources", kind="agency")
    people = {}
    for role in ("owner", "editor", "member"):
        people[role] = UserFactory(email=f"{role}@banjir.example")
        Membership.objects.create(organisation=organisation, user=people[role], role=role)
    other_member = UserFactory(email="someone@other.example")
    Membership.objects.create(organisation=other, user=other_member, role="owner")
    reviewer = UserFactory(email="reviewer@university.example")
    outsider_reviewer = UserFactory(email="idle-reviewer@university.example")
    liaison = UserFactory(email="liaison@water.example")
    Membership.objects.create(organisation=agency, user=liaison, role="liaison")
    call = CallFactory(title="Flood resilience 2026")
    proposal = ProposalFactory(call=call, organisation=organisation, created_by=people["editor"])
    return Cast(
        organisation=organisation,
        owner=people["owner"],
        editor=people["editor"],
        member=people["member"],
        other_member=other_member,
        reviewer=reviewer,
        outsider_reviewer=outsider_reviewer,
        liaison=liaison,
        manager=ProgramManagerFactory(email="manager@jdcn.example"),
        call=call,
        proposal=proposal,
    )
