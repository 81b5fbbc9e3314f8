"""Office hours booked at the same moment: the last place goes to one start-up, and one start-up
never ends up in two overlapping sessions, however its people race.

Runs on both databases. PostgreSQL queues the second writer on the locked rows; SQLite refuses a
second writer at once and the service retries the whole transaction.
"""

import threading
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from partners.models import Membership
from portal.services import ActionRefused
from programs.mentoring import services
from programs.models import CohortMember, Mentor, OfficeHourBooking, OfficeHourSlot
from tests.e2e.conftest import migrated_baseline  # noqa: F401 - autouse: restores the baseline
from tests.factories import OrganisationFactory, UserFactory
from tests.programs.cohorts import make_cohort

pytestmark = pytest.mark.django_db(transaction=True)


def _at_once(*calls):
    """Run each ``(function, args)`` in its own thread, released together; what each raised."""
    barrier = threading.Barrier(len(calls))
    refusals = []

    def run(function, args):
        try:
            barrier.wait(timeout=30)
            function(*args)
        except ActionRefused as refusal:
            refusals.append(str(refusal))
        finally:
            connection.close()  # this thread's connection, so the test database can be dropped

    threads = [threading.Thread(target=run, args=call) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return refusals


def _start_up(cohort, name, founders=1):
    organisation = OrganisationFactory(name=name)
    people = [UserFactory() for _ in range(founders)]
    for person in people:
        Membership.objects.create(organisation=organisation, user=person, role="owner")
    return CohortMember.objects.create(cohort=cohort, organisation=organisation), people


def _slot(cohort, mentor, start, capacity=1):
    return OfficeHourSlot.objects.create(
        mentor=mentor,
        cohort=cohort,
        starts_at=start,
        ends_at=start + timedelta(minutes=45),
        capacity=capacity,
    )


@pytest.fixture
def cohort():
    return make_cohort(
        "Race batch", open_now=False, starts_on=timezone.localdate() - timedelta(days=3)
    )


def test_two_start_ups_racing_for_the_last_place_leave_one_booked(cohort):
    mentor = Mentor.objects.create(user=UserFactory(), name="Rina Hartono")
    slot = _slot(cohort, mentor, timezone.now() + timedelta(days=1))
    (first, [founder1]), (second, [founder2]) = (
        _start_up(cohort, "Banjir Alert"),
        _start_up(cohort, "Kota Kita"),
    )
    refusals = _at_once(
        (services.book, (founder1, slot, first)), (services.book, (founder2, slot, second))
    )
    assert refusals == ["This session is full. Choose another time."]
    assert OfficeHourBooking.objects.filter(slot=slot, state="booked").count() == 1


def test_one_start_ups_people_booking_overlapping_sessions_at_once_get_one(cohort):
    start = timezone.now() + timedelta(days=1)
    rina = Mentor.objects.create(user=UserFactory(), name="Rina Hartono")
    jonas = Mentor.objects.create(user=UserFactory(), name="Jonas Becker")
    morning = _slot(cohort, rina, start, capacity=3)
    overlapping = _slot(cohort, jonas, start + timedelta(minutes=30), capacity=3)
    member, (founder, cofounder) = _start_up(cohort, "Pasar Pintar", founders=2)
    refusals = _at_once(
        (services.book, (founder, morning, member)),
        (services.book, (cofounder, overlapping, member)),
    )
    assert refusals == ["Your start-up already has a session at that time."]
    assert OfficeHourBooking.objects.filter(member=member, state="booked").count() == 1
