"""Browser harness: Debian's Chromium driven headless by Playwright, plus axe-core.

Browser tests carry the ``browser`` marker. Without Chromium they are deselected (not skipped)
and the summary says how to enable them; with PORTAL_REQUIRE_BROWSER=1 (CI) a missing Chromium
fails the run instead.
"""

import os

import pytest
from django.core.management import call_command
from django.core.servers.basehttp import WSGIServer
from django.test import TransactionTestCase, testcases
from django.test.testcases import LiveServerThread

from tests.baseline import put_back_migrated_rows
from tests.conftest import chromium_path, seed_demo_site
from tests.snapshots import DatabaseSnapshots, drop_leftover_snapshots


class SerialWSGIServer(WSGIServer):
    """The live server answers one request at a time.

    On SQLite the live server shares the test's single in-memory connection; Django's threaded
    server let two browser requests (an admin page and its jsi18n script) use it at once, which
    SQLite refuses ("bad parameter or other API misuse"). Requests are handled in the server
    thread, which already holds the shared connection; Django closes each HTTP connection after
    its response when the server is not threaded, so browsers never wait on a kept-alive one.
    """

    def __init__(self, *args, connections_override=None, **kwargs):
        super().__init__(*args, **kwargs)


LiveServerThread.server_class = SerialWSGIServer


def _serve_media_from_storage(self, request):
    """The live server's /media/ reads the default storage (in memory in tests, where the seeds
    save their images), not MEDIA_ROOT on disk, so the browser sees the pictures pages link."""
    import mimetypes

    from django.core.files.storage import default_storage
    from django.http import FileResponse, Http404

    name = self.file_path(request.path)
    if not default_storage.exists(name):
        raise Http404(name)
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    return FileResponse(default_storage.open(name), content_type=content_type)


testcases._MediaFilesHandler.serve = _serve_media_from_storage

# Playwright's sync API runs an event loop in this thread; Django's ORM refuses to run beside
# one unless told it is safe. Here it is: the test and the live server use separate threads.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


@pytest.fixture(autouse=True)
def migrated_baseline(request):
    """Put back the rows migrations create (root page, locales, taxonomy, program managers).

    Browser tests are transactional, and each one ends by emptying every table; Django's
    serialized rollback would restore them but proved unreliable once ordinary tests ran first.
    A test that asks for a seeded state gets them with it (``seeded``).
    """
    if "transactional_db" not in request.fixturenames and not request.node.get_closest_marker(
        "django_db"
    ):
        return
    request.getfixturevalue("transactional_db")
    if "seeded" not in request.fixturenames:
        put_back_migrated_rows()


@pytest.fixture(scope="session")
def database_snapshots(django_db_setup, django_db_blocker):
    snapshots = DatabaseSnapshots()
    with django_db_blocker.unblock():
        drop_leftover_snapshots()
    yield snapshots
    with django_db_blocker.unblock():
        snapshots.drop_all()


class _Tables:
    """``keep``: the test ending now need not empty the tables (the next one restores or seeds).
    ``dirty``: they still hold the last test's rows."""

    keep = False
    dirty = False


@pytest.fixture
def seeded(request, transactional_db, database_snapshots):
    """``seeded(seed)`` leaves the database as ``seed()`` leaves the migrated baseline.

    The first test to ask runs ``seed`` and snapshots the database; later tests restore the
    snapshot instead of seeding again (``tests/snapshots.py``). Pass a module-level function.
    When the next test asks for a seeded state too, the tables are not emptied after this one:
    that test restores a snapshot over them, or empties them before it seeds.
    """

    def empty_baseline():
        if _Tables.dirty:
            call_command("flush", verbosity=0, interactive=False)
        put_back_migrated_rows()

    def restore_or_seed(seed):
        database_snapshots.restore_or_seed(seed, empty_baseline)
        _Tables.dirty = False

    yield restore_or_seed
    items = request.session.items
    index = items.index(request.node) if request.node in items else len(items)
    following = items[index + 1] if index + 1 < len(items) else None
    _Tables.keep = following is not None and "seeded" in getattr(following, "fixturenames", ())


_empty_tables = TransactionTestCase._fixture_teardown


def _fixture_teardown(self):
    """Django empties every table after a transactional test, unless ``seeded`` kept them."""
    if _Tables.keep:
        _Tables.keep, _Tables.dirty = False, True
        return
    _empty_tables(self)
    _Tables.dirty = False


TransactionTestCase._fixture_teardown = _fixture_teardown


@pytest.fixture
def demo_site(seeded):
    """The demo page tree in both languages, as `make run` builds it (from a snapshot)."""
    from wagtail.models import Site

    seeded(seed_demo_site)
    return Site.objects.get(is_default_site=True)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_path(), headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


class PageProblems:
    """What a page did that a visitor must never see: dialogs (script ran), console errors."""

    def __init__(self):
        self.dialogs = []
        self.console_errors = []
        self.expect_not_found = False  # set by tests that visit a missing page on purpose

    def console(self, message):
        if message.type != "error":
            return
        if self.expect_not_found and "status of 404" in message.text:
            return
        self.console_errors.append(message.text)


@pytest.fixture
def problems():
    return PageProblems()


@pytest.fixture
def page(browser, live_server, problems):
    context = browser.new_context(locale="en-GB", base_url=live_server.url)
    page = context.new_page()
    page.set_default_timeout(15_000)

    def on_dialog(dialog):
        problems.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.on("console", problems.console)
    yield page
    context.close()
    assert problems.dialogs == [], f"a script ran and opened a dialog: {problems.dialogs}"
    assert problems.console_errors == [], f"console errors (CSP?): {problems.console_errors}"
