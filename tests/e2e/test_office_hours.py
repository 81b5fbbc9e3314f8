"""Journey: a cohort start-up's founder opens Office hours from /me/, books the mentor's last
place with what they want to discuss, adds it to a calendar and cancels after confirming; the
mentor sees the booking and the need. axe checks each screen in both languages."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from partners.models import Membership
from programs.models import CohortMember, Mentor, OfficeHourBooking, OfficeHourSlot
from tests.e2e.axe import assert_accessible
from tests.e2e.test_journey_proposal import sign_in
from tests.factories import OrganisationFactory, UserFactory
from tests.programs.cohorts import accelerator_index, make_cohort  # noqa: F401 - fixture

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def session(accelerator_index):  # noqa: F811 - the imported fixture
    cohort = make_cohort(
        "Future City Accelerator, batch 3",
        open_now=False,
        starts_on=timezone.localdate() - timedelta(days=10),
    )
    mentor_user = UserFactory(email="rina@mentor.example", name="Rina Hartono")
    mentor = Mentor.objects.create(user=mentor_user, name="Rina Hartono", expertise="fundraising")
    startup = OrganisationFactory(name="Banjir Alert", kind="startup")
    founder = UserFactory(email="founder@banjiralert.example", name="Dewi")
    Membership.objects.create(organisation=startup, user=founder, role="owner")
    CohortMember.objects.create(cohort=cohort, organisation=startup)
    other = CohortMember.objects.create(cohort=cohort, organisation=OrganisationFactory())
    start = (timezone.now() + timedelta(days=2)).replace(minute=0, second=0, microsecond=0)
    slot = OfficeHourSlot.objects.create(
        mentor=mentor,
        cohort=cohort,
        starts_at=start,
        ends_at=start + timedelta(minutes=45),
        capacity=2,
        location="Future City Hub, room 2",
    )
    OfficeHourBooking.objects.create(slot=slot, member=other, booked_by=UserFactory())
    return {"founder": founder, "mentor": mentor_user, "slot": slot}


def test_a_start_up_books_the_last_place_and_cancels_it_after_confirming(page, session):
    sign_in(page, session["founder"].email)
    page.get_by_role("link", name="Office hours").first.click()
    expect(page.get_by_role("heading", name="Sessions you can book")).to_be_visible()
    expect(page.get_by_role("cell", name="1 / 2")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("What you want to discuss").fill("Our seed round: which investors?")
    page.get_by_role("button", name="Book for Banjir Alert").click()
    expect(page.get_by_text("Booked. The mentor has been told.")).to_be_visible()
    # The last place is taken: the session shows as full and offers no booking form.
    expect(page.get_by_role("cell", name="Full")).to_be_visible()
    expect(page.get_by_role("link", name="Add to calendar (.ics)")).to_be_visible()
    assert_accessible(page)
    page.goto("/id/me/accelerator/office-hours/")
    expect(page.get_by_role("heading", name="Sesi yang dapat Anda pesan")).to_be_visible()
    assert_accessible(page)

    sign_in(page, session["mentor"].email)
    page.get_by_role("link", name="My mentoring sessions").first.click()
    expect(page.get_by_text("Banjir Alert: Our seed round: which investors?")).to_be_visible()
    assert_accessible(page)

    sign_in(page, session["founder"].email)
    page.goto("/en/me/accelerator/office-hours/")
    page.get_by_role("link", name="Cancel booking").click()
    expect(page.get_by_text("Rina Hartono")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Yes, cancel the booking").click()
    expect(page.get_by_text("Booking cancelled; the place is free for others.")).to_be_visible()
    expect(page.get_by_role("cell", name="1 / 2")).to_be_visible()
    booking = OfficeHourBooking.objects.get(member__organisation__name="Banjir Alert")
    assert booking.state == "cancelled" and booking.need == "Our seed round: which investors?"
