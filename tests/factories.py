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
    is_staff = True


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
