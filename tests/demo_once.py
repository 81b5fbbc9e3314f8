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


def _seed_whole_demo():
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


@contextlib.contextmanager
def seed_once(django_db_blocker, seed=_seed_whole_demo):
    """Run ``seed`` (by default the whole demo) in an outer transaction rolled back on exit;
    yields what ``seed`` returned (``seed_demo``'s printed output)."""
    from django.db import transaction
    from django.test import TestCase

    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        started = time.monotonic()
        try:
            # wagtail-localize publishes translations on commit: run that work as a commit would.
            with TestCase.captureOnCommitCallbacks(execute=True):
                output = seed()
        except BaseException:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
            raise
        print(f"\n{seed.__name__} in {time.monotonic() - started:.1f} s", flush=True)
    try:
        yield output
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
