import pytest

from tests.demo_once import seed_once


@pytest.fixture(scope="package")
def _seeded_demo(django_db_setup, django_db_blocker):
    """The whole demo, seeded once for tests/site (``tests/demo_once.py``)."""
    with seed_once(django_db_blocker):
        yield


@pytest.fixture
def demo(_seeded_demo, db):
    """The seeded demo, for one test (its changes are rolled back after it)."""
