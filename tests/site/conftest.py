import io
import time

import pytest
from django.core.management import call_command


@pytest.fixture(scope="package")
def _seeded_demo(django_db_setup, django_db_blocker):
    """The whole demo (`seed_demo`, as `make run` builds it), seeded once for tests/site.

    The seed costs more than every check here together, so it runs once inside an outer
    transaction that is rolled back after the package's last test (as Django's setUpTestData
    does); each test's own transaction is a savepoint inside it, so what a test changes is
    undone before the next.
    """
    from django.db import transaction
    from django.test import TestCase

    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        started = time.monotonic()
        try:
            # wagtail-localize publishes translations on commit: run that work as a commit would.
            with TestCase.captureOnCommitCallbacks(execute=True):
                call_command("seed_demo", stdout=io.StringIO())
        except BaseException:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
            raise
        print(f"\ndemo seeded in {time.monotonic() - started:.1f} s", flush=True)
    yield
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        outer.__exit__(None, None, None)


@pytest.fixture
def demo(_seeded_demo, db):
    """The seeded demo, for one test (its changes are rolled back after it)."""
