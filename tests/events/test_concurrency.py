"""200 members register at once for 50 seats: exactly 50 confirmed, 150 waiting in order.

Runs on both databases. PostgreSQL queues the writers on the locked event row; SQLite refuses
a second writer at once ("database is locked") and the service retries the whole transaction,
so fewer threads are used there, but the same invariant is asserted.
"""

import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone
from wagtail.models import Page

from events import services
from events.models import EventIndexPage, EventPage, Registration
from portal.models import User
from tests.e2e.conftest import migrated_baseline  # noqa: F401 - autouse: restores the baseline

pytestmark = pytest.mark.django_db(transaction=True)

MEMBERS = 200
SEATS = 50


def test_capacity_is_never_exceeded_under_concurrent_sign_ups():
    root = Page.get_first_root_node()
    index = root.add_child(instance=EventIndexPage(title="Events", slug="events-race"))
    start = timezone.now() + timedelta(days=7)
    event = index.add_child(
        instance=EventPage(
            title="Demo day",
            slug="demo-day",
            summary="Race",
            start=start,
            end=start + timedelta(hours=2),
            event_type="demo_day",
            capacity=SEATS,
        )
    )
    User.objects.bulk_create(
        [User(email=f"racer{n}@example.org", name=f"Racer {n}") for n in range(MEMBERS)]
    )
    members = list(User.objects.filter(email__startswith="racer").order_by("pk"))
    threads = 40 if connection.vendor == "postgresql" else 6
    barrier = threading.Barrier(threads)
    started = threading.local()

    def sign_up(member):
        if not getattr(started, "done", False):
            started.done = True
            barrier.wait(timeout=30)  # every worker starts at the same moment
        try:
            return services.register(member, event)
        finally:
            # Connections belong to their thread: close this worker's, or PostgreSQL keeps
            # 40 sessions open and the test database cannot be dropped at the end of the run.
            connection.close()

    with ThreadPoolExecutor(max_workers=threads) as pool:
        results = list(pool.map(sign_up, members))

    assert len(results) == MEMBERS
    registrations = list(Registration.objects.filter(event=event).order_by("pk"))
    confirmed = [r for r in registrations if r.state == "confirmed"]
    waiting = [r for r in registrations if r.state == "waitlisted"]
    assert len(confirmed) == SEATS
    assert len(waiting) == MEMBERS - SEATS
    # In order of arrival: every confirmed place was taken before anyone waited, and the
    # waiting list is numbered 1..150 in the order the registrations were written.
    assert max(r.pk for r in confirmed) < min(r.pk for r in waiting)
    assert [r.position for r in waiting] == list(range(1, MEMBERS - SEATS + 1))
    assert all(r.position is None for r in confirmed)
