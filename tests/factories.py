"""Factories shared by every app's tests."""

import factory
from allauth.account.models import EmailAddress

from portal.models import User

DEFAULT_PASSWORD = "correct horse battery staple"


class UserFactory(factory.django.DjangoModelFactory):
    """A member with a verified e-mail address, able to log in with DEFAULT_PASSWORD."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"member{n}@example.org")
    name = factory.Faker("name")
    password = factory.PostGenerationMethodCall("set_password", DEFAULT_PASSWORD)

    @factory.post_generation
    def verified(self, create, extracted, **kwargs):
        if create and extracted is not False:
            EmailAddress.objects.create(user=self, email=self.email, verified=True, primary=True)
        if create:
            self.save()


class StaffFactory(UserFactory):
    """A program manager: staff in the "Program managers" group (portal.permissions)."""

    is_staff = True

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        from django.contrib.auth.models import Group

        if create:
            self.groups.add(*Group.objects.filter(name="Program managers"))


class SuperuserFactory(UserFactory):
    is_staff = True
    is_superuser = True


class ProgramManagerFactory(StaffFactory):
    """Staff in the "Program managers" group (admin access, organisations) and Wagtail's
    "Editors" group (pages)."""

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        from django.contrib.auth.models import Group

        if create:
            self.groups.add(*Group.objects.filter(name__in=["Editors", "Program managers"]))


class OrganisationFactory(factory.django.DjangoModelFactory):
    """A verified organisation (pass verification_state to change it)."""

    class Meta:
        model = "partners.Organisation"

    name = factory.Sequence(lambda n: f"Organisation {n}")
    kind = "startup"
    city = "Jakarta"
    country = "Indonesia"
    verification_state = "verified"


class RubricFactory(factory.django.DjangoModelFactory):
    """A rubric with three criteria weighted 2, 1 and 1, each scored 1 to 5."""

    class Meta:
        model = "portal.Rubric"
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Rubric {n}")
    description = "How we judge proposals."

    @factory.post_generation
    def criteria(self, create, extracted, **kwargs):
        if not create:
            return
        specs = extracted or [("Impact", 2), ("Feasibility", 1), ("Team", 1)]
        for order, (label, weight) in enumerate(specs):
            CriterionFactory(rubric=self, label=label, weight=weight, sort_order=order)


class CriterionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "portal.Criterion"

    rubric = factory.SubFactory(RubricFactory, criteria=[])
    label = factory.Sequence(lambda n: f"Criterion {n}")
    description = "What this criterion looks at."
    weight = 1
    min_score = 1
    max_score = 5
    anchors = "1: weak · 3: sound · 5: outstanding"


class ReviewAssignmentFactory(factory.django.DjangoModelFactory):
    """An assignment of any item (pass ``item``) to a fresh reviewer under a fresh rubric."""

    class Meta:
        model = "portal.ReviewAssignment"

    reviewer = factory.SubFactory(UserFactory)
    rubric = factory.SubFactory(RubricFactory)


class ReviewFactory(factory.django.DjangoModelFactory):
    """A draft review (set ``submitted_at`` to submit it); scores are added by the test."""

    class Meta:
        model = "portal.Review"

    assignment = factory.SubFactory(ReviewAssignmentFactory)
    recommendation = "accept"
