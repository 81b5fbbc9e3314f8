"""Organisation verification through the workflow engine, moderated by program managers."""

import pytest
from wagtail.models import ModelLogEntry

from partners.models import Organisation
from portal.models import TimelineEntry
from portal.workflow import TransitionError, apply_transition
from tests.factories import OrganisationFactory, ProgramManagerFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def manager():
    return ProgramManagerFactory()


@pytest.fixture
def pending(directories):
    return OrganisationFactory(name="Kampung Digital", verification_state="pending")


def _moderate(client, organisation, action, comment="", expected=None):
    return client.post(
        f"/admin/organisations/verification/{organisation.pk}/",
        {
            "action": action,
            "comment": comment,
            "expected_state": expected or organisation.verification_state,
        },
        follow=True,
    )


def test_a_verified_organisation_becomes_public(client, pending, manager):
    assert client.get(f"/en/partners/{pending.slug}/").status_code == 404
    client.force_login(manager)
    listing = client.get("/admin/organisations/").content.decode()
    assert f"/admin/organisations/verification/{pending.pk}/" in listing
    response = _moderate(client, pending, "verify")
    assert "is now Verified" in response.content.decode()
    pending.refresh_from_db()
    assert pending.verification_state == "verified"
    client.logout()
    assert client.get(f"/en/partners/{pending.slug}/").status_code == 200
    entry = TimelineEntry.objects.for_object(pending).get()
    assert (entry.action, entry.actor, entry.visibility) == ("verify", manager, "public")
    assert ModelLogEntry.objects.filter(object_id=str(pending.pk), user=manager).exists()


def test_rejecting_needs_a_reason_and_keeps_what_was_typed(client, pending, manager):
    client.force_login(manager)
    html = _moderate(client, pending, "reject", comment="  ").content.decode()
    assert "Please write a message explaining this step." in html
    pending.refresh_from_db()
    assert pending.verification_state == "pending"
    html = _moderate(
        client, pending, "reject", comment="Not a Jakarta organisation."
    ).content.decode()
    assert "is now Rejected" in html
    assert "Not a Jakarta organisation." in html  # on the timeline


def test_suspending_hides_and_reinstating_shows_again(client, directories, manager):
    organisation = OrganisationFactory(name="Qlue")
    apply_transition(organisation, "suspend", manager, comment="Under investigation.")
    assert client.get(f"/en/partners/{organisation.slug}/").status_code == 404
    apply_transition(organisation, "reinstate", manager)
    assert client.get(f"/en/partners/{organisation.slug}/").status_code == 200


def test_a_decision_on_a_state_nobody_saw_is_refused(client, pending, manager):
    client.force_login(manager)
    Organisation.objects.filter(pk=pending.pk).update(verification_state="rejected")
    html = _moderate(client, pending, "verify", expected="pending").content.decode()
    assert "changed by someone else" in html
    pending.refresh_from_db()
    assert pending.verification_state == "rejected"


def test_members_cannot_moderate(client, pending):
    member = UserFactory()
    with pytest.raises(TransitionError, match="Only program managers verify organisations"):
        apply_transition(pending, "verify", member)
    client.force_login(member)
    response = client.post(f"/admin/organisations/verification/{pending.pk}/", {"action": "verify"})
    assert response.status_code == 404
    pending.refresh_from_db()
    assert pending.verification_state == "pending"
