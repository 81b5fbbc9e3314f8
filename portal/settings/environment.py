"""The environment, read one way by every settings module: paths and the ``env`` helpers.

Every variable is listed, with an example, in ``.env.example``."""

import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = BASE_DIR / "var"


def env(name, default=""):
    return os.environ.get(name, default)


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


def site_name():
    """The portal's name (``SITE_NAME``): the admin's title, e-mail subjects, authenticator apps."""
    return env("SITE_NAME", "Jakarta Co-creation Portal")
