"""The member dashboard's links come from each app's ``portal_dashboard_links`` hook, in order;
notification links are the URL names' addresses in each recipient's own language."""

import re

import pytest
from django.core import mail

from partners import services
from partners.models import Membership
from portal.models import Notification
from tests.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


def _links(client, user):
    client.force_login(user)
    html = client.get("/en/me/").content.decode()
    panel = html.split('id="account-heading"', 1)[1].split("</section>", 1)[0]
    return re.findall(r'<a href="([^"]+)">([^<]+)</a>', panel)


def test_every_app_adds_its_links_in_order(client, member):
    assert _links(client, member)[0] == ("/en/me/profile/", "Your profile")
    assert _links(client, member)[4:] == [
        ("/en/me/delete/", "Delete my account"),
        ("/en/me/organisations/", "My organisations"),
        ("/en/me/proposals/", "My proposals"),
        ("/en/me/events/", "My events"),
        ("/en/me/pilots/", "My pilots"),
        ("/en/me/accelerator/", "My accelerator applications"),
        ("/en/me/hackathons/", "My hackathon teams"),
    ]


def test_liaisons_also_get_challenges_and_responses(client, member):
    Membership.objects.create(
        organisation=OrganisationFactory(kind="agency"), user=member, role="liaison"
    )
    assert [url for url, _label in _links(client, member)[-2:]] == [
        "/en/me/challenges/",
        "/en/me/responses/",
    ]


def test_a_join_request_links_each_owner_in_their_own_language(
    member, django_capture_on_commit_callbacks
):
    organisation = OrganisationFactory(name="Kota Hijau")
    indonesian = UserFactory(preferred_language="id")
    english = UserFactory(preferred_language="en")
    for owner in (indonesian, english):
        Membership.objects.create(organisation=organisation, user=owner, role="owner")
    with django_capture_on_commit_callbacks(execute=True):
        services.request_to_join(member, organisation, "Halo")
    urls = dict(
        Notification.objects.filter(kind="partners.join_requested").values_list("recipient", "url")
    )
    assert urls == {
        indonesian.pk: f"/id/me/organisations/{organisation.slug}/",
        english.pk: f"/en/me/organisations/{organisation.slug}/",
    }
    indonesian_mail = next(m for m in mail.outbox if m.to == [indonesian.email])
    assert f"/id/me/organisations/{organisation.slug}/" in indonesian_mail.body
    assert "/id/me/notifications/" in indonesian_mail.body
