"""Two liaisons of two host agencies accept the same pilot at the same moment: both decisions
land, the pilot is consistent (approvable), and both are in the audit log and the timeline.

Runs on both databases. PostgreSQL queues the second writer on the locked pilot row; SQLite
refuses a second writer at once and the service retries the whole transaction.
"""

import threading

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.utils import translation
from wagtail.models import ModelLogEntry

from partners.models import Membership, Organisation
from portal.models import TimelineEntry, User
from programs.models import PilotAgency
from programs.pilots import services
from tests.e2e.conftest import migrated_baseline  # noqa: F401 - autouse: restores the baseline

pytestmark = pytest.mark.django_db(transaction=True)


def test_two_liaisons_accepting_at_once_leave_a_consistent_state():
    manager = User.objects.create(email="manager@race.example", is_staff=True)
    manager.groups.add(*Group.objects.filter(name="Program managers"))
    lead_org = Organisation.objects.create(
        name="Race start-up", slug="race-start-up", kind="startup", verification_state="verified"
    )
    liaisons, involvements = [], []
    pilot = services.propose_pilot(
        by=manager, origin="direct", title="Race pilot", lead_organisation=lead_org
    )
    for number in range(2):
        agency = Organisation.objects.create(
            name=f"Race agency {number}",
            slug=f"race-{number}",
            kind="agency",
            verification_state="verified",
        )
        liaison = User.objects.create(email=f"liaison{number}@race.example")
        Membership.objects.create(organisation=agency, user=liaison, role="liaison")
        liaisons.append(liaison)
        involvements.append(services.invite_agency(manager, pilot, agency, "host"))
    services.take_step(manager, pilot, "request_review")
    barrier = threading.Barrier(2)
    errors = []

    def accept(liaison, involvement):
        try:
            barrier.wait(timeout=30)  # both start at the same moment
            # In Indonesian: a busy database is recognised by its type, not its English message.
            with translation.override("id"):
                services.decide_for_agency(liaison, involvement, "accept", expected_state="invited")
        except Exception as error:
            errors.append(error)
        finally:
            connection.close()  # this worker's connection, so the test database can be dropped

    threads = [
        threading.Thread(target=accept, args=pair)
        for pair in zip(liaisons, involvements, strict=True)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    assert set(PilotAgency.objects.filter(pilot=pilot).values_list("state", flat=True)) == {
        "accepted"
    }
    accepts = ModelLogEntry.objects.filter(
        action="portal.workflow.transition", data__transition="accept"
    )
    assert sorted(e.user.email for e in accepts) == [
        "liaison0@race.example",
        "liaison1@race.example",
    ]
    for involvement in involvements:
        assert TimelineEntry.objects.for_object(involvement).filter(action="accept").count() == 1
    services.take_step(manager, pilot, "approve")
    pilot.refresh_from_db()
    assert pilot.state == "approved"
