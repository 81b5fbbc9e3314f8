"""Owners and editors edit their organisation's public profile from its member area; other
members and outsiders get 404; logos are sniffed and decoded, text is safe."""

import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PillowImage

from partners.models import Membership
from portal.models import Notification, Pillar
from tests.conftest import XSS_PAYLOADS, assert_harmless
from tests.factories import OrganisationFactory, ProgramManagerFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def organisation():
    return OrganisationFactory(name="Kota Hijau", city="Jakarta")


def _person(organisation, role):
    user = UserFactory()
    Membership.objects.create(organisation=organisation, user=user, role=role)
    return user


def _png(size=(40, 40)):
    buffer = io.BytesIO()
    PillowImage.new("RGB", size, (20, 120, 60)).save(buffer, "PNG")
    return SimpleUploadedFile("logo.png", buffer.getvalue(), content_type="image/png")


def _edit_address(client, organisation):
    """Follow the links a member clicks: dashboard → my organisations → the organisation."""
    html = client.get("/en/me/organisations/").content.decode()
    members = re.search(rf'href="(/en/me/organisations/{organisation.slug}/)"', html).group(1)
    html = client.get(members).content.decode()
    found = re.search(r'href="([^"]+/profile/)">Edit the public profile', html)
    return found.group(1) if found else None


def _fields(organisation, **changes):
    pillar = Pillar.objects.filter(locale__language_code="en").first()
    data = {
        "description": "<p>Urban farming on Jakarta's rooftops.</p>",
        "website": "https://kotahijau.example.org",
        "city": "South Jakarta",
        "pillars": [pillar.pk],
    }
    data.update(changes)
    return data


@pytest.mark.parametrize("role", ["owner", "editor"])
def test_owners_and_editors_edit_the_public_profile(client, directories, organisation, role):
    manager = ProgramManagerFactory()
    user = _person(organisation, role)
    client.force_login(user)
    address = _edit_address(client, organisation)
    assert address == f"/en/me/organisations/{organisation.slug}/profile/"
    response = client.get(address)
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]

    response = client.post(address, {**_fields(organisation), "logo_file": _png()}, follow=True)

    assert response.redirect_chain[-1][0] == f"/en/me/organisations/{organisation.slug}/"
    assert "The profile was saved." in response.content.decode()
    organisation.refresh_from_db()
    assert organisation.city == "South Jakarta"
    assert organisation.website == "https://kotahijau.example.org"
    assert "rooftops" in organisation.description
    assert organisation.pillars.count() == 1
    assert organisation.logo is not None and organisation.logo.width == 40
    # The name is the program managers' to change; they hear about a verified profile's change.
    assert organisation.name == "Kota Hijau"
    notice = Notification.objects.get(recipient=manager)
    assert notice.kind == "partners.organisation_profile_changed"
    assert notice.url == f"/admin/organisations/edit/{organisation.pk}/"
    # The public profile shows the change.
    public = client.get(f"/en/partners/{organisation.slug}/")
    assert "South Jakarta" in public.content.decode()


def test_a_pending_organisation_is_edited_without_going_public(client):
    organisation = OrganisationFactory(verification_state="pending")
    manager = ProgramManagerFactory()
    client.force_login(_person(organisation, "owner"))
    response = client.post(
        f"/en/me/organisations/{organisation.slug}/profile/", _fields(organisation), follow=True
    )
    assert "once a program manager verifies it" in response.content.decode()
    organisation.refresh_from_db()
    assert organisation.city == "South Jakarta"
    assert organisation.verification_state == "pending"
    assert not Notification.objects.filter(recipient=manager).exists()


def test_members_without_the_role_and_outsiders_see_nothing(client, organisation):
    address = f"/en/me/organisations/{organisation.slug}/profile/"
    member = _person(organisation, "member")
    client.force_login(member)
    assert _edit_address(client, organisation) is None  # no link for them
    assert client.get(address).status_code == 404  # never 403, as for every private page
    assert client.post(address, _fields(organisation)).status_code == 404
    client.force_login(UserFactory())
    assert client.get(address).status_code == 404
    assert client.post(address, _fields(organisation)).status_code == 404
    client.logout()
    assert client.get(address).status_code == 302
    organisation.refresh_from_db()
    assert organisation.city == "Jakarta"


@pytest.mark.parametrize(
    "upload, message",
    [
        (SimpleUploadedFile("logo.png", b"<html><script>alert(1)</script></html>"), "not a PNG"),
        (SimpleUploadedFile("logo.png", b"\x89PNG\r\n\x1a\n" + b"junk" * 50), "not a readable"),
        (SimpleUploadedFile("logo.pdf", b"%PDF-1.4 a document"), "not a PNG"),
        (SimpleUploadedFile("big.png", b"\x89PNG\r\n\x1a\n" + b"0" * (2 * 1024 * 1024)), "limit"),
    ],
)
def test_a_logo_is_sniffed_and_decoded_and_typed_input_is_kept(
    client, organisation, upload, message
):
    client.force_login(_person(organisation, "owner"))
    response = client.post(
        f"/en/me/organisations/{organisation.slug}/profile/",
        {**_fields(organisation, city="Bekasi"), "logo_file": upload},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert message in html
    assert 'value="Bekasi"' in html and "rooftops" in html  # nothing typed is lost
    organisation.refresh_from_db()
    assert organisation.city == "Jakarta" and organisation.logo is None


def test_a_bad_website_keeps_the_description(client, organisation):
    client.force_login(_person(organisation, "editor"))
    response = client.post(
        f"/en/me/organisations/{organisation.slug}/profile/",
        _fields(organisation, website="javascript:alert(1)"),
    )
    html = response.content.decode()
    assert "Enter a valid URL." in html and "rooftops" in html


def test_hostile_text_is_harmless_on_the_public_profile(client, directories, organisation):
    client.force_login(_person(organisation, "owner"))
    for payload in XSS_PAYLOADS[:25]:
        response = client.post(
            f"/en/me/organisations/{organisation.slug}/profile/",
            _fields(organisation, description=payload, city=" ".join(payload.split())[:100]),
        )
        assert response.status_code in (200, 302)
        assert_harmless(client.get(f"/en/partners/{organisation.slug}/").content.decode())
        assert_harmless(
            client.get(f"/en/me/organisations/{organisation.slug}/profile/").content.decode()
        )
