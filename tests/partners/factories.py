"""Factories for calls and proposals."""

from datetime import timedelta

import factory
from django.utils import timezone

from tests.factories import OrganisationFactory, UserFactory


class CallFactory(factory.django.DjangoModelFactory):
    """A published call, open now for another month, with a three-criteria rubric."""

    class Meta:
        model = "partners.Call"

    title = factory.Sequence(lambda n: f"Call {n}")
    summary = "Ideas that make Jakarta work better."
    opens_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=7))
    closes_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=30))
    published = True
    rubric = factory.SubFactory("tests.factories.RubricFactory")


class ProposalFactory(factory.django.DjangoModelFactory):
    """A complete draft (ready to submit) of an organisation's proposal."""

    class Meta:
        model = "partners.Proposal"

    call = factory.SubFactory(CallFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    created_by = factory.SubFactory(UserFactory)
    title = factory.Sequence(lambda n: f"Proposal {n}")
    summary = "Sensors on every floodgate, readings in one public dashboard."
    problem = "Floodgate operators learn about blockages too late."
    solution = "Water-level sensors and an alert service for the Department of Water Resources."
    budget_idr = 750_000_000
    duration_months = 12
