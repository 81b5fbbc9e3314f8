"""Office hours during a cohort: start-ups book mentors' slots (capacity, no start-up in two
sessions at once, cancellation frees the place), add them to their calendar, and give feedback
that only the start-up, the mentor and program managers read; mentors see their sessions."""

from datetime import timedelta

import pytest
from django.utils import timezone
from icalendar import Calendar

from partners.models import Membership
from portal.models import Notification, Pillar
from portal.services import ActionRefused
from programs.mentoring import services
from programs.mentoring.matching import suggest_mentors
from programs.models import CohortMember, Mentor, OfficeHourBooking, OfficeHourSlot
from tests.conftest import XSS_PAYLOADS, assert_harmless
from tests.factories import OrganisationFactory, ProgramManagerFactory, UserFactory
from tests.programs.cohorts import make_cohort

pytestmark = pytest.mark.django_db


class World:
    pass


@pytest.fixture
def world():
    w = World()
    w.cohort = make_cohort(
        "Future City Accelerator, batch 7",
        open_now=False,
        starts_on=timezone.localdate() - timedelta(days=10),
    )
    w.mentor_user = UserFactory(name="Rina Hartono")
    w.mentor = Mentor.objects.create(
        user=w.mentor_user,
        name="Rina Hartono",
        expertise="fundraising, IoT",
        speaks_english=False,
    )
    w.startups = []
    for name in ("Banjir Alert", "Kota Kita", "Pasar Pintar"):
        organisation = OrganisationFactory(name=name, description="We build IoT flood sensors.")
        founder = UserFactory()
        Membership.objects.create(organisation=organisation, user=founder, role="owner")
        member = CohortMember.objects.create(cohort=w.cohort, organisation=organisation)
        w.startups.append((member, founder))
    start = (timezone.now() + timedelta(days=2)).replace(microsecond=0)
    w.slot = OfficeHourSlot.objects.create(
        mentor=w.mentor,
        cohort=w.cohort,
        starts_at=start,
        ends_at=start + timedelta(minutes=45),
        capacity=2,
        location="Future City Hub, room 2",
    )
    return w


def test_a_session_seats_its_capacity_and_a_cancellation_frees_a_place(world):
    (first, founder1), (second, founder2), (third, founder3) = world.startups
    booking = services.book(founder1, world.slot, first, need="Our pitch deck")
    services.book(founder2, world.slot, second)
    with pytest.raises(ActionRefused, match="This session is full"):
        services.book(founder3, world.slot, third)
    with pytest.raises(ActionRefused, match="already booked this session"):
        services.book(founder1, world.slot, first)
    assert Notification.objects.filter(recipient=world.mentor_user).count() == 2

    services.cancel(founder1, booking)
    assert services.book(founder3, world.slot, third).state == "booked"
    assert world.slot.bookings.filter(state="booked").count() == 2


def test_a_start_up_is_never_in_two_sessions_at_once_and_only_its_people_book(world):
    (member, founder), (other, _founder) = world.startups[:2]
    second_mentor = Mentor.objects.create(user=UserFactory(), name="Jonas Becker")
    overlapping = OfficeHourSlot.objects.create(
        mentor=second_mentor,
        cohort=world.cohort,
        starts_at=world.slot.starts_at + timedelta(minutes=30),
        ends_at=world.slot.ends_at + timedelta(minutes=30),
    )
    services.book(founder, world.slot, member)
    with pytest.raises(ActionRefused, match="already has a session at that time"):
        services.book(founder, overlapping, member)
    with pytest.raises(ActionRefused, match="Only the start-up's own members"):
        services.book(founder, world.slot, other)
    past = OfficeHourSlot.objects.create(
        mentor=second_mentor,
        cohort=world.cohort,
        starts_at=timezone.now() - timedelta(hours=2),
        ends_at=timezone.now() - timedelta(hours=1),
    )
    with pytest.raises(ActionRefused, match="already started"):
        services.book(founder, past, member)


def test_member_books_from_the_page_gets_a_calendar_and_cancels_after_confirming(client, world):
    member, founder = world.startups[0]
    client.force_login(founder)
    page = client.get("/en/me/accelerator/office-hours/")
    assert page.status_code == 200 and "no-store" in page["Cache-Control"]
    assert "Rina Hartono" in page.content.decode()
    # Start-ups choose a mentor they can talk to: the languages she speaks are listed.
    assert "<td>Bahasa Indonesia</td>" in page.content.decode()
    hostile = XSS_PAYLOADS[0]
    response = client.post(
        "/en/me/accelerator/office-hours/",
        {"slot": world.slot.pk, "member": member.pk, "need": hostile},
        follow=True,
    )
    assert "Booked. The mentor has been told." in response.content.decode()
    booking = OfficeHourBooking.objects.get(member=member)
    assert booking.need == hostile  # stored as typed

    ics = client.get(f"/en/me/accelerator/office-hours/{booking.pk}/calendar.ics")
    event = next(iter(Calendar.from_ical(ics.content).walk("VEVENT")))
    assert event.decoded("dtstart") == world.slot.starts_at
    assert str(event["location"]) == "Future City Hub, room 2"

    # The mentor sees the booking and what they want to discuss, escaped.
    client.force_login(world.mentor_user)
    sessions = client.get("/en/me/mentoring/")
    assert "Banjir Alert" in sessions.content.decode()
    assert_harmless(sessions.content.decode())

    client.force_login(founder)
    confirm = client.get(f"/en/me/accelerator/office-hours/{booking.pk}/cancel/")
    assert "Yes, cancel the booking" in confirm.content.decode()
    booking.refresh_from_db()
    assert booking.state == "booked"  # a GET changes nothing
    client.post(f"/en/me/accelerator/office-hours/{booking.pk}/cancel/")
    booking.refresh_from_db()
    assert booking.state == "cancelled"


def test_bookings_and_feedback_are_private_to_the_start_up_the_mentor_and_managers(client, world):
    member, founder = world.startups[0]
    booking = services.book(founder, world.slot, member)
    urls = [
        f"/en/me/accelerator/office-hours/{booking.pk}/calendar.ics",
        f"/en/me/accelerator/office-hours/{booking.pk}/feedback/",
        f"/en/me/accelerator/office-hours/{booking.pk}/cancel/",
    ]
    other_founder = world.startups[1][1]
    for outsider in (UserFactory(), other_founder):
        client.force_login(outsider)
        for url in urls:
            assert client.get(url).status_code == 404, url
    client.force_login(UserFactory())
    assert client.get("/en/me/mentoring/").status_code == 404  # not a mentor

    # Feedback opens when the session is over; each side gives one, the other side reads it.
    with pytest.raises(ActionRefused, match="Feedback opens when the session is over"):
        services.give_feedback(founder, booking, rating=5)
    OfficeHourSlot.objects.filter(pk=world.slot.pk).update(
        starts_at=timezone.now() - timedelta(hours=2), ends_at=timezone.now() - timedelta(hours=1)
    )
    booking.refresh_from_db()
    client.force_login(founder)
    client.post(urls[1], {"rating": 4, "comment": "Clear next steps"})
    client.force_login(world.mentor_user)
    client.post(urls[1], {"rating": 5, "comment": "A strong team"})
    assert sorted(booking.feedback.values_list("from_mentor", "rating")) == [(False, 4), (True, 5)]
    page = client.get(urls[1]).content.decode()
    assert "Clear next steps" in page and "A strong team" in page
    client.force_login(ProgramManagerFactory())
    assert client.get(urls[1]).status_code == 200
    admin = client.get("/admin/session-feedback/")
    assert admin.status_code == 200 and "4/5" in admin.content.decode()


def test_mentors_are_suggested_by_shared_pillars_and_named_expertise(world):
    member = world.startups[0][0]
    pillar = Pillar.objects.filter(locale__language_code="en").first()
    member.organisation.pillars.add(pillar)
    unrelated = Mentor.objects.create(user=UserFactory(), name="Zed", expertise="tax law")
    same_pillar = Mentor.objects.create(user=UserFactory(), name="Andreas", expertise="design")
    same_pillar.pillars.add(pillar)

    suggestions = suggest_mentors(member)

    assert [(m.name, score) for m, score, _reasons in suggestions] == [
        ("Andreas", 2),
        ("Rina Hartono", 1),  # "IoT" is in what the start-up does
    ]
    assert unrelated not in [m for m, _s, _r in suggestions]


def test_the_booking_page_suggests_mentors_for_what_the_start_up_asked_about(client, world):
    member, founder = world.startups[1]  # "We build IoT flood sensors.": Rina's IoT matches
    Mentor.objects.create(user=UserFactory(), name="Dewi Lestari", expertise="export markets")
    Mentor.objects.create(user=UserFactory(), name="Jonas Becker", expertise="procurement")
    client.force_login(founder)
    section = _suggestions(client.get("/en/me/accelerator/office-hours/"))
    assert "Rina Hartono" in section and "Dewi" not in section and "Jonas" not in section
    # Asked about in a booking: a mentor for it is suggested from then on.
    services.book(founder, world.slot, member, need="Help with public procurement")
    section = _suggestions(client.get("/en/me/accelerator/office-hours/"))
    assert "Jonas Becker" in section and "procurement" in section and "Dewi" not in section


def _suggestions(page):
    html = page.content.decode()
    start = html.index("Mentors suggested for")
    return html[start : html.index('id="slots-heading"')]


def test_a_mentor_cannot_hold_two_sessions_at_once(world):
    clash = OfficeHourSlot(
        mentor=world.mentor,
        cohort=world.cohort,
        starts_at=world.slot.starts_at + timedelta(minutes=10),
        ends_at=world.slot.ends_at,
    )
    with pytest.raises(Exception, match="already holds a session at that time"):
        clash.full_clean()
