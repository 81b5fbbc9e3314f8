"""Fixtures for demo-day tests: a cohort start-up, an agency with its liaison, a partner company
with its owner (both may register interest), around the cohort world."""

from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.utils import timezone

from partners.models import Membership
from portal.models import Pillar
from programs.models import CohortMember
from tests.factories import OrganisationFactory, UserFactory


@dataclass
class DemoDay:
    w: object
    member: object
    agency: object
    liaison: object
    agency_member: object
    partner: object
    partner_owner: object


@pytest.fixture
def demo_day(cohort_world):
    w = cohort_world
    w.cohort.demo_day_on = timezone.localdate() - timedelta(days=3)
    w.cohort.save()
    pillar = Pillar.objects.filter(locale__language_code="en").first()
    if pillar is not None:
        w.cohort.pillars.add(pillar)
    member = CohortMember.objects.create(cohort=w.cohort, organisation=w.startup)
    agency = OrganisationFactory(name="Department of Water Resources", kind="agency")
    partner = OrganisationFactory(name="Jakarta Water Works", kind="company")
    liaison, agency_member, partner_owner = UserFactory(), UserFactory(), UserFactory()
    Membership.objects.create(organisation=agency, user=liaison, role="liaison")
    Membership.objects.create(organisation=agency, user=agency_member, role="member")
    Membership.objects.create(organisation=partner, user=partner_owner, role="owner")
    return DemoDay(w, member, agency, liaison, agency_member, partner, partner_owner)
