"""Production settings: `check --deploy` is clean, and the app refuses to start unsafely."""

import json
import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def _manage(*args, **env):
    environment = {
        key: value
        for key, value in os.environ.items()
        # Test-only variables (the browser harness sets DJANGO_ALLOW_ASYNC_UNSAFE) stay out.
        if key
        not in {"DATABASE_URL", "SECRET_KEY", "ALLOWED_HOSTS", "DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    environment.update(DJANGO_SETTINGS_MODULE="portal.settings.production", **env)
    return subprocess.run(  # noqa: S603 - fixed arguments
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def production_env():
    return {
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "portal.example.org",
        "DATABASE_URL": "postgres://portal@db.example.org:5432/portal",
        "REDIS_URL": "redis://cache.example.org:6379/0",
    }


def test_check_deploy_reports_no_warnings():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", **production_env())
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


@pytest.mark.parametrize(
    ("variable", "message"),
    [("SECRET_KEY", "SECRET_KEY must be set"), ("ALLOWED_HOSTS", "ALLOWED_HOSTS must list")],
)
def test_production_refuses_to_start_without_required_settings(variable, message):
    env = production_env()
    env[variable] = ""
    result = _manage("check", **env)
    assert result.returncode != 0
    assert message in result.stderr


def test_production_security_headers_are_on():
    code = (
        "from django.conf import settings as s;"
        "print(s.SECURE_HSTS_SECONDS, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE,"
        " s.SECURE_SSL_REDIRECT, s.DEBUG, s.SECURE_REFERRER_POLICY, s.CACHES['default']['BACKEND'],"
        " 'redis' in s.Q_CLUSTER, s.Q_CLUSTER['sync'])"
    )
    result = _manage("shell", "-v", "0", "-c", code, **production_env())
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "31536000",
        "True",
        "True",
        "True",
        "False",
        "strict-origin-when-cross-origin",
        "django_redis.cache.RedisCache",
        "True",
        "False",
    ]


def test_every_environment_variable_is_documented_in_env_example():

    read = set()
    for path in (BASE_DIR / "portal" / "settings").glob("*.py"):
        read |= set(re.findall(r'env(?:_bool|_list)?\("([A-Z_]+)"', path.read_text()))
    documented = set(re.findall(r"^([A-Z_]+)=", (BASE_DIR / ".env.example").read_text(), re.M))
    assert read, "no environment variables found"
    assert read - documented == set()


def test_log_format_json_writes_one_json_object_per_line():
    code = "import logging; logging.getLogger('portal.jobs').warning('reminder sent to %s', 'x')"
    result = _manage("shell", "-v", "0", "-c", code, LOG_FORMAT="json", **production_env())
    assert result.returncode == 0, result.stderr
    entry = json.loads(result.stderr.strip().splitlines()[-1])
    assert entry["message"] == "reminder sent to x"
    assert entry["logger"] == "portal.jobs"
    assert entry["request_id"] == "-"


def test_sentry_and_admins_come_from_the_environment():
    code = (
        "import sentry_sdk; from django.conf import settings as s;"
        "c = sentry_sdk.get_client(); print(c.is_active(), c.options['send_default_pii']);"
        "print('|'.join(s.ADMINS))"
    )
    env = production_env()
    env.update(
        SENTRY_DSN="https://public@sentry.example.org/1",
        ADMINS="Portal Ops <ops@example.org>, Budi <budi@example.org>",
    )
    result = _manage("shell", "-v", "0", "-c", code, **env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "True False",
        "Portal Ops <ops@example.org>|Budi <budi@example.org>",
    ]
    # Without a DSN nothing is initialised.
    result = _manage(
        "shell",
        "-v",
        "0",
        "-c",
        "import sentry_sdk; print(sentry_sdk.get_client().is_active())",
        **production_env(),
    )
    assert result.stdout.strip() == "False", result.stderr


def test_seed_demo_is_refused_with_the_real_production_settings():
    result = _manage("seed_demo", **production_env())
    assert result.returncode != 0
    assert "refused on production settings" in result.stderr


ENV_LINE = re.compile(r"""^[A-Z][A-Z0-9_]*=(|[^\s"'\\$`<>]+|"[^"\\$`]*")$""")


def _env_example_values():
    values = {}
    for line in (BASE_DIR / ".env.example").read_text().splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        assert ENV_LINE.match(line), f"a shell and systemd would read this differently: {line}"
        name, value = line.split("=", 1)
        values[name] = value[1:-1] if value.startswith('"') else value
    return values


def test_env_example_loads_the_same_in_a_shell_as_in_systemd():
    """Every line is in the subset where `set -a; . file` and EnvironmentFile= agree."""
    expected = _env_example_values()
    dump = "import json, os, sys; json.dump({k: os.environ[k] for k in sys.argv[1:]}, sys.stdout)"
    script = f'set -a; . ./.env.example; set +a; exec "{sys.executable}" -c "$0" "$@"'
    result = subprocess.run(  # noqa: S603 - fixed arguments
        ["bash", "-c", script, dump, *expected],  # noqa: S607
        cwd=BASE_DIR,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={"PATH": os.environ["PATH"]},
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == expected
    assert expected["DEFAULT_FROM_EMAIL"] == "Jakarta Co-creation Portal <portal@example.org>"


def test_production_starts_from_env_example_once_the_secret_key_is_filled_in():
    env = {k: v for k, v in _env_example_values().items() if v}
    env["SECRET_KEY"] = secrets.token_urlsafe(64)
    env.pop("DJANGO_SETTINGS_MODULE")
    result = _manage("check", "--deploy", "--fail-level", "WARNING", **env)
    assert result.returncode == 0, result.stdout + result.stderr
    # As shipped (SECRET_KEY empty) it refuses to start instead of running with a known key.
    env["SECRET_KEY"] = ""
    assert "SECRET_KEY must be set" in _manage("check", **env).stderr
