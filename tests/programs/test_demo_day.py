"""Demo day: who may register an organisation's interest in a cohort start-up, one open
interest per party, withdrawing it, turning it into a pilot (fields carried over, origin and
source set), the member list (paginated, flat query count), the admin and its exports, the
cohort page's demo-day programme, and hostile text."""

import csv
import io

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from wagtail.models import ModelLogEntry

from partners.models import Membership
from portal.models import Notification, TimelineEntry
from portal.services import ActionRefused
from programs.cohorts import demo_day as services
from programs.models import CohortMember, DemoDayInterest, PilotAgency
from tests.conftest import XSS_PAYLOADS, assert_harmless, page_queries
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def _register_url(d):
    return reverse("programs:demo_day_register", args=[d.member.pk])


def _page(interest):
    return reverse("programs:demo_day_interest", args=[interest.pk])


def _main(response):
    assert response.status_code == 200
    return response.content.decode().split("<main", 1)[1].split("</main>", 1)[0]


def test_a_liaison_registers_interest_and_the_start_up_is_told(client, demo_day):
    d = demo_day
    client.force_login(d.liaison)
    form = client.get(_register_url(d)).content.decode()
    assert "Department of Water Resources" in form
    response = client.post(
        _register_url(d), {"organisation": d.agency.pk, "note": "Floodgate sensors in Pluit"}
    )
    interest = DemoDayInterest.objects.get()
    assert response.status_code == 302 and response.url == _page(interest)
    assert (interest.state, interest.registered_by, interest.member) == (
        "open",
        d.liaison,
        d.member,
    )
    assert Notification.objects.filter(recipient=d.w.owner).exists()
    assert Notification.objects.filter(recipient=d.w.manager).exists()
    assert TimelineEntry.objects.for_object(interest).filter(action="register").exists()
    assert ModelLogEntry.objects.filter(object_id=str(interest.pk), action="wagtail.create")


def test_only_liaisons_and_partner_writers_register_interest(client, demo_day):
    d = demo_day
    unverified = OrganisationFactory(kind="company", verification_state="pending")
    Membership.objects.create(organisation=unverified, user=d.partner_owner, role="owner")
    refusals = [
        (d.agency_member, d.agency, "liaisons"),  # a plain member of the agency
        (d.w.outsider, d.agency, "liaisons"),
        (d.w.owner, d.w.startup, "itself"),  # the start-up itself
        (d.partner_owner, unverified, "verified"),
    ]
    for user, organisation, words in refusals:
        with pytest.raises(ActionRefused, match=words):
            services.register_interest(user, organisation, d.member)
    assert services.register_interest(d.partner_owner, d.partner, d.member).state == "open"
    # The form offers nothing to those who may not, and says why.
    client.force_login(d.agency_member)
    html = client.get(_register_url(d)).content.decode()
    assert "Only an agency" in html and 'name="organisation"' not in html
    client.post(_register_url(d), {"organisation": d.agency.pk, "note": "x"})
    assert DemoDayInterest.objects.count() == 1


def test_a_second_open_interest_is_refused_clearly_until_withdrawn(client, demo_day):
    d = demo_day
    interest = services.register_interest(d.liaison, d.agency, d.member, note="First")
    client.force_login(d.liaison)
    response = client.post(_register_url(d), {"organisation": d.agency.pk, "note": "Again"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "has already registered interest in Kali Bersih Labs" in html
    assert "Again" in html  # what was typed is kept
    client.post(
        reverse("programs:demo_day_interest_step", args=[interest.pk]), {"action": "withdraw"}
    )
    interest.refresh_from_db()
    assert interest.state == "withdrawn"
    assert services.register_interest(d.liaison, d.agency, d.member).state == "open"


def test_only_the_interested_party_or_managers_withdraw(demo_day):
    d = demo_day
    interest = services.register_interest(d.liaison, d.agency, d.member)
    with pytest.raises(ActionRefused, match="interested organisation"):
        services.withdraw_interest(d.w.owner, interest)
    services.withdraw_interest(d.w.manager, interest, comment="Budget moved")
    entry = TimelineEntry.objects.for_object(interest).get(action="withdraw")
    assert (entry.from_state, entry.to_state, entry.comment) == (
        "open",
        "withdrawn",
        "Budget moved",
    )
    assert Notification.objects.filter(recipient=d.liaison, kind__endswith="withdraw").exists()


def test_an_interest_is_private_to_both_sides_and_managers(client, demo_day):
    d = demo_day
    interest = services.register_interest(d.liaison, d.agency, d.member, note="Private plans")
    for user in (d.w.outsider, d.partner_owner):
        client.force_login(user)
        assert client.get(_page(interest)).status_code == 404
        assert (
            "Private plans"
            not in client.get(reverse("programs:demo_day_interests")).content.decode()
        )
    for user in (d.w.plain_member, d.w.owner, d.liaison, d.agency_member, d.w.manager):
        client.force_login(user)
        assert "Private plans" in client.get(_page(interest)).content.decode()
    client.logout()
    assert client.get(_page(interest)).status_code == 302


def test_a_manager_turns_an_interest_into_a_pilot(client, demo_day):
    d = demo_day
    application = None
    interest = services.register_interest(d.liaison, d.agency, d.member)
    client.force_login(d.w.manager)
    assert "Start a pilot" in client.get(_page(interest)).content.decode()
    client.post(
        reverse("programs:demo_day_interest_step", args=[interest.pk]), {"action": "start_pilot"}
    )
    interest.refresh_from_db()
    pilot = interest.pilot
    assert interest.state == "pilot" and pilot is not None and application is None
    assert pilot.origin == "cohort_startup" and pilot.source == d.member
    assert pilot.origin_content_type == ContentType.objects.get_for_model(CohortMember)
    assert pilot.lead_organisation == d.w.startup and pilot.state == "proposed"
    assert not pilot.is_published
    assert "Kali Bersih Labs" in pilot.title and "Department of Water Resources" in pilot.title
    assert set(pilot.pillars.all()) == set(d.w.cohort.pillars.all())
    involvement = PilotAgency.objects.get(pilot=pilot)
    assert (involvement.agency, involvement.role, involvement.state) == (
        d.agency,
        "host",
        "invited",
    )
    assert TimelineEntry.objects.for_object(interest).filter(action="start_pilot").exists()
    assert TimelineEntry.objects.for_object(pilot).filter(action="propose").exists()
    assert Notification.objects.filter(recipient=d.w.owner, kind__endswith="start_pilot")
    with pytest.raises(ActionRefused, match="open interest"):
        services.start_pilot_from_interest(interest, d.w.manager)
    # The start-up's members follow it to the pilot's page.
    client.force_login(d.w.owner)
    assert (
        reverse("programs:pilot", args=[pilot.pk]) in client.get(_page(interest)).content.decode()
    )


def test_the_agency_liaison_may_start_the_pilot_the_start_up_may_not(demo_day):
    d = demo_day
    interest = services.register_interest(d.liaison, d.agency, d.member)
    with pytest.raises(ActionRefused, match="program managers or the interested agency"):
        services.start_pilot_from_interest(interest, d.w.owner)
    pilot = services.start_pilot_from_interest(interest, d.liaison)
    assert pilot.created_by == d.liaison and pilot.involvements.get().agency == d.agency
    partner = services.register_interest(d.partner_owner, d.partner, d.member)
    with pytest.raises(ActionRefused):
        services.start_pilot_from_interest(partner, d.partner_owner)  # not an agency
    pilot = services.start_pilot_from_interest(partner, d.w.manager)
    assert list(pilot.partner_organisations.all()) == [d.partner]


def _interests(d, count, start=0):
    for number in range(start, start + count):
        agency = OrganisationFactory(name=f"Agency {number:03}", kind="agency")
        Membership.objects.create(organisation=agency, user=d.liaison, role="liaison")
        services.register_interest(d.liaison, agency, d.member, note=f"Note {number}")


def test_the_list_is_paginated_with_a_working_next_link_and_a_flat_cost(client, demo_day):
    d = demo_day
    _interests(d, 3)
    admin = reverse("demo_day_interests:index")
    client.force_login(d.w.manager)
    few_admin = page_queries(client, admin)
    client.force_login(d.w.owner)
    address = reverse("programs:demo_day_interests")
    few = page_queries(client, address)
    _interests(d, 27, start=3)
    assert page_queries(client, address) == few
    client.force_login(d.w.manager)
    assert page_queries(client, admin) == few_admin
    client.force_login(d.w.owner)
    html = client.get(address).content.decode()
    assert html.count("Agency 0") == 20
    next_link = html.split('rel="next"', 1)[0].rsplit('href="', 1)[1].split('"', 1)[0]
    second = client.get(address + next_link.replace("&amp;", "&")).content.decode()
    assert second.count("Agency 0") == 10 and "Agency 000" in second


def test_the_admin_lists_filters_searches_and_exports_harmlessly(client, demo_day):
    d = demo_day
    payload = '=HYPERLINK("http://evil")\n' + "\n".join(XSS_PAYLOADS)[:1500]
    interest = services.register_interest(d.liaison, d.agency, d.member, note=payload)
    services.register_interest(d.partner_owner, d.partner, d.member, note="Water meters")
    client.force_login(d.w.manager)
    index = reverse("demo_day_interests:index")
    html = client.get(index + "?state=open&q=Water+Works").content.decode()
    assert "Jakarta Water Works" in html
    assert "Department of Water Resources" not in html.split("<tbody", 1)[1]
    export = client.get(index + "?export=csv")
    rows = list(csv.reader(io.StringIO(b"".join(export.streaming_content).decode("utf-8-sig"))))
    cells = [cell for row in rows[1:] for cell in row]
    assert "Kali Bersih Labs" in cells
    assert not any(cell.startswith(("=", "+", "-", "@")) for cell in cells)
    assert client.get(index + "?export=xlsx").status_code == 200
    assert_harmless(_main(client.get(index)), allowed_tags=("form", "input", "svg"))
    assert_harmless(_main(client.get(_page(interest))), allowed_tags=("form", "input"))
    client.force_login(d.w.owner)
    assert_harmless(_main(client.get(reverse("programs:demo_day_interests"))))


def test_the_cohort_page_lists_the_demo_day_programme(client, accelerator_index, demo_day):
    d = demo_day
    CohortMember.objects.create(
        cohort=d.w.cohort, organisation=OrganisationFactory(name=XSS_PAYLOADS[0][:200])
    )
    html = client.get(accelerator_index.cohort_url(d.w.cohort)).content.decode()
    assert "Demo day programme" in html and "Kali Bersih Labs" in html
    assert _register_url(d) in html
    assert_harmless(html.split("<main", 1)[1].split("</main>", 1)[0])
    indonesian = client.get(f"/id/accelerator/{d.w.cohort.slug}/").content.decode()
    assert "Program demo day" in indonesian and "Daftarkan minat" in indonesian
