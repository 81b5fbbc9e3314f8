"""The whole demo (`seed_demo`, as `make run` builds it), seeded once for many tests.

The seed costs more than most checks that read it, so a fixture built on :func:`seed_once` seeds
inside an outer transaction that is rolled back after its scope's last test (as Django's
``setUpTestData`` does); each test's own transaction is a savepoint inside it, so what a test
changes is undone before the next. Only for scopes whose tests are not transactional.
"""

import contextlib
import io
import time

from django.core.management import call_command


@contextlib.contextmanager
def seed_once(django_db_blocker):
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
    try:
        yield
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
