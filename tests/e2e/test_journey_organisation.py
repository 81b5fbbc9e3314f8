"""Journey: a member registers an organisation; it stays out of the directory until a program
manager verifies it in the admin, then its profile is public."""

import pytest

from tests.conftest import seed_demo_site
from tests.e2e.axe import assert_accessible
from tests.factories import DEFAULT_PASSWORD, ProgramManagerFactory, UserFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def sign_in(page, email):
    page.context.clear_cookies()
    page.goto("/en/accounts/login/")
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", DEFAULT_PASSWORD)
    page.locator("form.stack-form button[type=submit]").click()
    page.wait_for_url("**/en/me/")


def seed_directories():
    from wagtail.models import Locale

    from partners import demo as partners_demo
    from portal.i18n import synchronise_page_trees
    from portal.models import HomePage

    seed_demo_site()
    home = HomePage.objects.get(locale__language_code="en")
    partners_demo._directories(home, Locale.objects.get(language_code="id"))
    synchronise_page_trees()


@pytest.fixture
def directories(seeded):
    seeded(seed_directories)


def test_a_registered_organisation_is_public_only_once_verified(page, problems, directories):
    from partners.models import Organisation

    member = UserFactory(email="founder@kampung.example")
    manager = ProgramManagerFactory(email="manager@jdcn.example")

    sign_in(page, member.email)
    page.goto("/en/me/organisations/new/")
    page.fill("input[name=name]", "Kampung Iklim Collective")
    page.select_option("select[name=kind]", "ngo")
    page.fill("input[name=city]", "Jakarta")
    page.fill("textarea[name=description]", "Neighbours planting trees along the Ciliwung.")
    page.get_by_role("button", name="Send for verification").click()
    page.wait_for_selector("text=will appear in the directory once a program manager verifies it")
    organisation = Organisation.objects.get(name="Kampung Iklim Collective")
    assert organisation.verification_state == "pending"

    # Not in the directory, and its profile is a 404, while it waits.
    page.goto("/en/partners/?q=Iklim")
    assert page.get_by_text("Kampung Iklim Collective").count() == 0
    problems.expect_not_found = True
    response = page.goto(f"/en/partners/{organisation.slug}/")
    assert response.status == 404

    # The program manager verifies it from the admin's moderation screen.
    sign_in(page, manager.email)
    page.goto(f"/admin/organisations/verification/{organisation.pk}/")
    page.get_by_role("button", name="Verify").click()
    page.wait_for_selector("text=is now Verified")

    page.context.clear_cookies()
    page.goto("/en/partners/?q=Iklim")
    page.get_by_role("link", name="Kampung Iklim Collective").click()
    page.wait_for_url(f"**/partners/{organisation.slug}/")
    assert page.locator("h1").inner_text().startswith("Kampung Iklim Collective")
    assert_accessible(page)


def test_an_owner_revokes_an_invitation_and_a_member_withdraws_a_request(page, directories):
    """Each waiting item has its button where it is listed, and a confirmation page first."""
    from partners import services
    from partners.models import Invitation, JoinRequest
    from tests.factories import OrganisationFactory

    owner = UserFactory(email="owner@kota.example")
    asker = UserFactory(email="asker@kota.example")
    organisation = OrganisationFactory(name="Kota Hijau")
    organisation.memberships.create(user=owner, role="owner")
    services.request_to_join(asker, organisation, "I map floods.")

    sign_in(page, owner.email)
    page.goto(f"/en/me/organisations/{organisation.slug}/")
    page.fill("input[name=email]", "guest@kota.example")
    page.get_by_role("button", name="Send the invitation").click()
    page.wait_for_selector("text=Invitation sent to guest@kota.example.")
    page.get_by_role("link", name="Revoke · guest@kota.example").click()
    page.wait_for_selector("h1:has-text('Revoke the invitation')")
    assert_accessible(page)
    page.get_by_role("button", name="Revoke the invitation").click()
    page.wait_for_selector("text=The invitation to guest@kota.example was revoked.")
    assert Invitation.objects.get(email="guest@kota.example").state == "revoked"

    sign_in(page, asker.email)
    page.goto("/en/me/organisations/")
    page.get_by_role("link", name="Withdraw · Kota Hijau").click()
    page.wait_for_selector("text=Withdraw your request to join Kota Hijau?")
    assert_accessible(page)
    page.get_by_role("button", name="Withdraw my request").click()
    page.wait_for_selector("text=Your request to join Kota Hijau was withdrawn.")
    assert JoinRequest.objects.get(user=asker).state == "withdrawn"
    assert_accessible(page)
