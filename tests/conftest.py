"""Fixtures every test may use. App-specific fixtures live in each test folder's conftest."""

import os
import re
import shutil
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

_ACTIVE_TAG = re.compile(
    r"<(script|iframe|svg|math|object|embed|style|meta|link|form|details|input)\b", re.I
)
_HANDLER = re.compile(r"<[a-z][^>]*\son\w+\s*=", re.I)
_BAD_URL = re.compile(
    r"""<[a-z][^>]*\s(href|src|action|data|content)\s*=\s*["']?[^"'>]*?(javascript:|data:text/html)""",
    re.I,
)


def assert_harmless(html, allowed_tags=("script", "meta", "link", "form", "input", "style")):
    """Fail if ``html`` holds markup that could run: event handlers, script URLs, active tags.

    Pass the part of the page that shows user input (the page chrome legitimately has scripts,
    forms and inputs; ``allowed_tags`` lists those the caller's fragment may contain).
    """
    for match in _ACTIVE_TAG.finditer(html):
        assert match.group(1).lower() in allowed_tags, f"active tag <{match.group(1)}> in output"
    assert not _HANDLER.search(html), f"event handler in output: {_HANDLER.search(html).group(0)}"
    assert not _BAD_URL.search(html), f"script URL in output: {_BAD_URL.search(html).group(0)}"


def chromium_path():
    path = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium")
    return path if path and os.path.exists(path) else None


def pytest_collection_modifyitems(config, items):
    """Leave browser tests out, loudly, when there is no Chromium (CI insists on it), and the
    production-topology test when no PostgreSQL database is given for it (`.ci/run` gives one)."""
    topology_items = [item for item in items if item.get_closest_marker("topology")]
    config._topology_tests = (len(topology_items), 0)
    if topology_items and not os.environ.get("PORTAL_TOPOLOGY_DATABASE_URL"):
        items[:] = [item for item in items if not item.get_closest_marker("topology")]
        config.hook.pytest_deselected(items=topology_items)
        config._topology_tests = (0, len(topology_items))
    browser_items = [item for item in items if item.get_closest_marker("browser")]
    config._browser_tests = (len(browser_items), 0)
    if not browser_items or chromium_path():
        return
    if os.environ.get("PORTAL_REQUIRE_BROWSER") == "1":
        raise pytest.UsageError(
            "PORTAL_REQUIRE_BROWSER=1 but Chromium was not found: install Debian's `chromium` "
            "or set CHROMIUM_PATH."
        )
    items[:] = [item for item in items if not item.get_closest_marker("browser")]
    config.hook.pytest_deselected(items=browser_items)
    config._browser_tests = (0, len(browser_items))


def pytest_terminal_summary(terminalreporter, config):
    if getattr(config, "_topology_tests", (0, 0))[1]:
        terminalreporter.write_line(
            "PRODUCTION-TOPOLOGY TEST NOT RUN: set PORTAL_TOPOLOGY_DATABASE_URL to a PostgreSQL "
            "database it may drop (e.g. postgres://postgres@127.0.0.1:5432/portal_topology) and "
            "have Redis running; `.ci/run` does this in its PostgreSQL suite.",
            yellow=True,
            bold=True,
        )
    ran, left_out = getattr(config, "_browser_tests", (0, 0))
    if left_out:
        terminalreporter.write_line(
            f"BROWSER TESTS NOT RUN: {left_out} browser tests (accessibility, journeys) were left "
            "out because Chromium was not found. Install it (`apt-get install chromium`) or set "
            "CHROMIUM_PATH to a Chromium binary, then run `make test` again.",
            yellow=True,
            bold=True,
        )
    elif ran:
        terminalreporter.write_line(
            f"Browser tests collected: {ran} (Chromium at {chromium_path()})."
        )


def pytest_sessionstart(session):
    # Indonesian pages need compiled catalogues; `make test` compiles them, a bare `pytest` too.
    from django.conf import settings

    from portal.management.commands.compile_translations import compile_catalogues

    compile_catalogues(settings.LOCALE_PATHS)


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test starts with an empty cache: rate-limit counters and Wagtail's caches included."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


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
