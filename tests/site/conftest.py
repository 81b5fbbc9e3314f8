import pytest

from tests.demo_once import seed_once


@pytest.fixture(scope="package")
def _seeded_demo(django_db_setup, django_db_blocker):
    """The whole demo, seeded once for tests/site (``tests/demo_once.py``)."""
    with seed_once(django_db_blocker) as printed:
        yield printed


@pytest.fixture
def demo(_seeded_demo, db):
    """The seeded demo, for one test (its changes are rolled back after it)."""


@pytest.fixture
def seed_output(_seeded_demo, db):
    """What `seed_demo` printed when it seeded the demo."""
    return _seeded_demo
