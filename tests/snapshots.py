"""Database snapshots: a seeded state is built once per run and restored for each test that needs it.

Browser tests are transactional (the live server runs in another thread), so each one ends by
emptying every table, and the next test that wants the demo site had to seed it again: minutes of
CI. Instead, the first test that asks for a seeded state (``seeded(seed_function)``) runs the seed
on the freshly emptied database and then takes a snapshot of the whole database; every later test
that asks for the same seed restores the snapshot, which takes a fraction of a second:

- PostgreSQL: the snapshot is a database made with ``CREATE DATABASE snapshot TEMPLATE test_db``;
  restoring drops the test database and creates it again from the snapshot (a file copy).
- SQLite: the test database lives in memory; the snapshot is a copy in another in-memory database
  made with sqlite3's backup API, and restoring copies it back into the shared connection.

Files saved in the in-memory storages during the seed (documents, images) are copied too, so a
test that deletes one does not take it away from the next. Each test still starts from exactly
what the seed built: a test never sees another test's writes.
"""

import copy
import sqlite3

from django.core.files.storage import InMemoryStorage, storages
from django.db import connection


class DatabaseSnapshots:
    """The snapshots of one test run, by seed function."""

    def __init__(self):
        self.taken = {}  # seed key -> (database snapshot, in-memory files)

    def restore_or_seed(self, seed, empty_baseline):
        """Restore ``seed``'s snapshot, or seed ``empty_baseline()`` and take the snapshot."""
        key = f"{seed.__module__}.{seed.__qualname__}"
        if key in self.taken:
            database, files = self.taken[key]
            self._restore_database(database)
            self._restore_files(files)
        else:
            empty_baseline()
            seed()
            self.taken[key] = (self._take_database(len(self.taken)), self._copy_files())
        self._forget_cached_rows()

    def drop_all(self):
        if connection.vendor == "postgresql":
            with connection._nodb_cursor() as cursor:
                for name, _files in self.taken.values():
                    cursor.execute(f"DROP DATABASE IF EXISTS {_quote(name)}")
                # The live server thread's connection would keep the test database from
                # being dropped at the end of the run.
                _disconnect_others(cursor, connection.settings_dict["NAME"])
        self.taken.clear()

    # -- the database --------------------------------------------------------------------------

    def _take_database(self, number):
        if connection.vendor == "sqlite":
            connection.ensure_connection()
            snapshot = sqlite3.connect(":memory:", check_same_thread=False)
            connection.connection.backup(snapshot)
            return snapshot
        name = snapshot_name(connection.settings_dict["NAME"], number)
        connection.close()
        with connection._nodb_cursor() as cursor:
            _disconnect_others(cursor, connection.settings_dict["NAME"])
            cursor.execute(f"DROP DATABASE IF EXISTS {_quote(name)}")
            cursor.execute(
                f"CREATE DATABASE {_quote(name)} TEMPLATE {_quote(connection.settings_dict['NAME'])}"
            )
        return name

    def _restore_database(self, snapshot):
        if connection.vendor == "sqlite":
            connection.ensure_connection()
            snapshot.backup(connection.connection)
            return
        name = _quote(connection.settings_dict["NAME"])
        connection.close()
        with connection._nodb_cursor() as cursor:
            # FORCE ends the live server thread's kept-alive connection; its health check
            # reconnects at its next request.
            cursor.execute(f"DROP DATABASE {name} WITH (FORCE)")
            cursor.execute(f"CREATE DATABASE {name} TEMPLATE {_quote(snapshot)}")

    # -- files and caches ----------------------------------------------------------------------

    @staticmethod
    def _memory_storages():
        for alias in storages.backends:
            storage = storages[alias]
            if isinstance(storage, InMemoryStorage):
                yield alias, storage

    def _copy_files(self):
        return {alias: copy.deepcopy(storage._root) for alias, storage in self._memory_storages()}

    def _restore_files(self, files):
        for alias, storage in self._memory_storages():
            if alias in files:
                storage._root = copy.deepcopy(files[alias])

    @staticmethod
    def _forget_cached_rows():
        """Row ids cached in the process may belong to the state before the restore."""
        from django.contrib.contenttypes.models import ContentType
        from django.core.cache import cache

        ContentType.objects.clear_cache()
        cache.clear()


def snapshot_name(database, number):
    return f"{database[:50]}_snapshot{number}"


def drop_leftover_snapshots():
    """Snapshots an interrupted run on this test database left behind (PostgreSQL)."""
    if connection.vendor != "postgresql":
        return
    prefix = connection.settings_dict["NAME"][:50] + "_snapshot"
    with connection._nodb_cursor() as cursor:
        cursor.execute("SELECT datname FROM pg_database WHERE starts_with(datname, %s)", [prefix])
        for (name,) in cursor.fetchall():
            cursor.execute(f"DROP DATABASE IF EXISTS {_quote(name)} WITH (FORCE)")


def _disconnect_others(cursor, database):
    """A template database must have no other sessions (the live server thread keeps one)."""
    cursor.execute(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
        "WHERE datname = %s AND pid <> pg_backend_pid()",
        [database],
    )


def _quote(name):
    return connection.ops.quote_name(name)
