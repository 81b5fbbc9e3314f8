"""The vocabulary every app's writes share: one refusal, one rule check, one retry on busy SQLite.

Services raise ``ActionRefused`` (or a subclass: the workflow engine's ``TransitionError``, the
review machinery's ``ReviewRefused``) with a message for the user; views show ``str(error)``.
"""

import functools
import random
import time

from django.db import OperationalError

# How long one write keeps retrying a busy SQLite: bounded by time, not by attempts, so a loaded
# machine (where each attempt waits longer for its turn) does not run out of tries.
LOCK_PATIENCE_SECONDS = 60


class ActionRefused(Exception):
    """A write that may not happen; ``str(error)`` is the message for the user.

    ``errors`` maps form field names to their own message when the refusal is about specific
    input, so a form can show each message beside its field.
    """

    def __init__(self, message="", errors=None):
        super().__init__(message)
        self.errors = dict(errors or {})


def require(rule, error=ActionRefused):
    """Raise ``error(reason)`` unless a permission rule's ``(allowed, reason)`` allows."""
    allowed, reason = rule
    if not allowed:
        raise error(reason)


def _busy(error):
    from portal.workflow import TransitionBusy  # the engine builds on this module

    # The engine's message is translated; its type (or SQLite's own text) says "busy".
    return isinstance(error, TransitionBusy) or (
        isinstance(error, OperationalError) and "locked" in str(error)
    )


def retry_when_locked(function=None, *, patience=LOCK_PATIENCE_SECONDS):
    """Run a whole transaction again when SQLite refuses a second writer ("database is locked").

    PostgreSQL queues writers on the row lock; SQLite refuses at once, so the caller's transaction
    (decorated here, outside its ``transaction.atomic``) is retried after a short, jittered sleep
    until ``patience`` seconds have passed.
    """

    def decorate(func):
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            deadline = time.monotonic() + patience
            attempt = 0
            while True:
                attempt += 1
                try:
                    return func(*args, **kwargs)
                except (OperationalError, ActionRefused) as error:
                    if not _busy(error) or time.monotonic() >= deadline:
                        raise
                    time.sleep(random.uniform(0.005, 0.02) * min(attempt, 10))  # noqa: S311

        return wrapper

    return decorate(function) if function is not None else decorate
