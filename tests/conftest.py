"""Fixtures every test may use. App-specific fixtures live in each test folder's conftest."""

from pathlib import Path

import pytest

from tests.factories import StaffFactory, UserFactory

SHARED_TESTDATA = Path(__file__).resolve().parent.parent.parent / "shared" / "testdata"
LOCAL_TESTDATA = Path(__file__).resolve().parent / "data"


def _xss_payloads():
    for folder in (SHARED_TESTDATA, LOCAL_TESTDATA):
        path = folder / "xss-payloads.txt"
        if path.exists():
            return [line for line in path.read_text().splitlines() if line.strip()]
    raise FileNotFoundError("xss-payloads.txt not found in shared/testdata or tests/data")


XSS_PAYLOADS = _xss_payloads()


def pytest_sessionstart(session):
    # Indonesian pages need compiled catalogues; `make test` compiles them, a bare `pytest` too.
    from django.conf import settings

    from portal.management.commands.compile_translations import compile_catalogues

    compile_catalogues(settings.LOCALE_PATHS)


@pytest.fixture
def member(db):
    return UserFactory()


@pytest.fixture
def staff(db):
    return StaffFactory()


@pytest.fixture
def demo_site(db, django_capture_on_commit_callbacks):
    """The demo page tree in both languages, as `make run` builds it."""
    import io

    from django.core.management import call_command
    from wagtail.models import Site

    from portal import demo

    # Tests run inside a transaction; run the on-commit work (wagtail-localize publishes
    # translations on commit) as a real commit would, then index for search.
    with django_capture_on_commit_callbacks(execute=True):
        demo.seed(io.StringIO())
    call_command("update_index", stdout=io.StringIO())

    return Site.objects.get(is_default_site=True)
