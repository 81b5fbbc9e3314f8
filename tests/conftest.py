"""Fixtures every test may use. App-specific fixtures live in each test folder's conftest."""

import contextlib
import functools
import os
import re
import shutil
from contextlib import contextmanager
from html.parser import HTMLParser
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

ACTIVE_TAGS = {
    "script",
    "iframe",
    "svg",
    "math",
    "object",
    "embed",
    "style",
    "meta",
    "link",
    "form",
    "details",
    "input",
}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "content", "xlink:href"}


class _Markup(HTMLParser):
    """The tags and attributes a browser would build from ``html`` (text and escaped
    attribute values are data, not markup, however much they look like it)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))

    handle_startendtag = handle_starttag


def assert_harmless(html, allowed_tags=("script", "meta", "link", "form", "input", "style")):
    """Fail if ``html`` holds markup that could run: event handlers, script URLs, active tags.

    Pass the part of the page that shows user input (the page chrome legitimately has scripts,
    forms and inputs; ``allowed_tags`` lists those the caller's fragment may contain). The HTML
    is parsed as a browser would, so user text shown escaped (also inside a form field's value)
    is harmless, as it is.
    """
    parser = _Markup()
    parser.feed(html)
    parser.close()
    for tag, attrs in parser.tags:
        assert tag not in ACTIVE_TAGS or tag in allowed_tags, f"active tag <{tag}> in output"
        for name, value in attrs:
            assert not name.startswith("on"), f"event handler in output: <{tag} {name}=…>"
            url = re.sub(r"\s", "", value or "").lower()
            if name in URL_ATTRIBUTES:
                assert "javascript:" not in url and "data:text/html" not in url, (
                    f"script URL in output: <{tag} {name}={value!r}>"
                )


class Queries:
    """The SQL one block of code ran. Compares by count (with ints and other ``Queries``), and
    shows every statement in a failed assertion, so a regression names the query that grew."""

    def __init__(self):
        self.statements = []

    def __len__(self):
        return len(self.statements)

    def _count(self, other):
        return len(other) if isinstance(other, Queries) else other

    def __eq__(self, other):
        return len(self) == self._count(other)

    def __lt__(self, other):
        return len(self) < self._count(other)

    def __le__(self, other):
        return len(self) <= self._count(other)

    def __gt__(self, other):
        return len(self) > self._count(other)

    def __ge__(self, other):
        return len(self) >= self._count(other)

    __hash__ = None

    def __repr__(self):
        listing = "".join(f"\n  {n}. {sql}" for n, sql in enumerate(self.statements, 1))
        return f"<{len(self)} queries:{listing}\n>"


@contextmanager
def count_queries():
    """``with count_queries() as queries: ...`` then compare ``queries`` to a number."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    queries = Queries()
    with CaptureQueriesContext(connection) as captured:
        yield queries
    queries.statements = [query["sql"] for query in captured.captured_queries]


@contextmanager
def assert_max_queries(limit):
    """Fails, listing the statements, when the block runs more than ``limit`` queries."""
    with count_queries() as queries:
        yield queries
    assert queries <= limit, f"more than {limit} queries: {queries!r}"


def page_queries(client, address, status=200):
    """The queries one GET of ``address`` costs, measured after a warm-up request (the site,
    locale and settings caches are per process, as on a running server). The first request to a
    fresh site may also create its settings row, which moves the public cache's generation
    (portal/cache.py); the second warm-up fills the frame cache under the generation that stays."""
    client.get(address)
    client.get(address)
    with count_queries() as queries:
        response = client.get(address)
    assert response.status_code == status, address
    return queries


@pytest.fixture(autouse=True)
def _site_language():
    """Every test starts in the site's default language: a request or a test that switched to
    Indonesian must not leak into the next one's messages."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """pytest-django's, then a note of what the migrations granted (tests/baseline.py)."""
    from tests.baseline import remember_program_managers

    with django_db_blocker.unblock():
        remember_program_managers()


@pytest.fixture(autouse=True)
def migrated_baseline(request):
    """A transactional test starts from the migrated rows, whatever ran before it emptied.

    (``tests/e2e`` overrides this: a browser test asking for a seeded state gets them with it.)
    """
    marker = request.node.get_closest_marker("django_db")
    transactional = marker is not None and marker.kwargs.get("transaction")
    if transactional or "transactional_db" in request.fixturenames:
        from tests.baseline import put_back_migrated_rows

        request.getfixturevalue("transactional_db")
        put_back_migrated_rows()


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
    share_the_module_demo(items)
    java_items = [item for item in items if item.get_closest_marker("java")]
    config._java_tests = len(java_items) if java_items and not shutil.which("java") else 0
    if config._java_tests:
        if os.environ.get("PORTAL_REQUIRE_BROWSER") == "1":
            raise pytest.UsageError("PORTAL_REQUIRE_BROWSER=1 but no Java runtime was found.")
        items[:] = [item for item in items if not item.get_closest_marker("java")]
        config.hook.pytest_deselected(items=java_items)
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
    if getattr(config, "_java_tests", 0):
        terminalreporter.write_line(
            "HTML CHECKER NOT RUN: the Nu HTML Checker needs Java; install it (`apt-get install "
            "default-jre-headless`) and run `make test` again.",
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


def _transactional(item):
    marker = item.get_closest_marker("django_db")
    fixtures = getattr(item, "fixturenames", ())
    return bool(marker and marker.kwargs.get("transaction")) or bool(
        {"transactional_db", "live_server"} & set(fixtures)
    )


def _shares_module_demo(item):
    return "demo_site" in getattr(item, "fixturenames", ()) and not _transactional(item)


def share_the_module_demo(items):
    """The core demo is seeded once per module for its non-transactional tests that ask for it.

    Within each run of one module's tests (pytest-django has already put them in Django's
    order), the tests that ask for ``demo_site`` go last, so the module's other tests never see
    its rows; the module-scoped seed is set up before each test's own transaction (it comes
    first among the test's fixtures) and rolled back after the module's last test.
    """
    start = 0
    while start < len(items):
        end = start
        while end < len(items) and items[end].module is items[start].module:
            end += 1
        items[start:end] = sorted(items[start:end], key=_shares_module_demo)
        start = end
    for item in items:
        if _shares_module_demo(item):
            item.fixturenames.insert(0, "_module_demo_site")


@pytest.fixture(scope="module")
def _module_demo_site(django_db_setup, django_db_blocker):
    from tests.demo_once import seed_once

    with seed_once(django_db_blocker, seed=seed_demo_site):
        yield


@pytest.fixture
def demo_site(request, db, django_capture_on_commit_callbacks):
    """The demo page tree in both languages, as `make run` builds it.

    Seeded once per module (``share_the_module_demo``); each test's changes are rolled back
    with its own transaction. A transactional test, or one asking for it at run time, seeds it
    for itself.
    """
    from wagtail.models import Site

    if "_module_demo_site" not in request.node.fixturenames:
        # Transactional, or asked for at run time (``request.getfixturevalue``), after the
        # module's shared seed was planned: this test seeds its own, as a commit would.
        seed_demo_site(
            on_commit=functools.partial(django_capture_on_commit_callbacks, execute=True)
        )
    return Site.objects.get(is_default_site=True)


def seed_demo_site(on_commit=contextlib.nullcontext):
    """The core demo (page tree in both languages, site settings), indexed for search.

    Browser tests restore it from a database snapshot after the first (``tests/snapshots.py``).
    """
    import io

    from django.core.management import call_command

    from portal import demo

    with on_commit():
        demo.seed(io.StringIO())
    call_command("update_index", stdout=io.StringIO())
