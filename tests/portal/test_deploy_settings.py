"""Production settings: `check --deploy` is clean, and the app refuses to start unsafely."""

import os
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
        " 'redis' in s.Q_CLUSTER, s.Q_CLUSTER['orm'], s.Q_CLUSTER['sync'])"
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
        "False",  # Redis holds the cache and sessions, never the jobs (no acknowledgement)
        "default",
        "False",
    ]


def test_every_environment_variable_is_documented_in_env_example():
    import re

    read = set()
    for path in (BASE_DIR / "portal" / "settings").glob("*.py"):
        read |= set(re.findall(r'env(?:_bool|_list)?\("([A-Z_]+)"', path.read_text()))
    documented = set(re.findall(r"^([A-Z_]+)=", (BASE_DIR / ".env.example").read_text(), re.M))
    assert read, "no environment variables found"
    assert read - documented == set()
