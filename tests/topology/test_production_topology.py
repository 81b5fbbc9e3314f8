"""The production topology, for real: two gunicorn app servers and one qcluster, started from the
Procfile with production settings, on PostgreSQL and Redis, with an SMTP sink.

Runs when PORTAL_TOPOLOGY_DATABASE_URL names a PostgreSQL database it may drop and create (`.ci/run`
sets it in the PostgreSQL suite); PORTAL_TOPOLOGY_REDIS_URL (default db 5) is flushed. Every wait
has a deadline and every process is killed at the end, whatever happens.
"""

import contextlib
import os
import re
import secrets
import signal
import subprocess
import sys
import time
from http.client import HTTPConnection
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode, urlparse, urlunparse

import pytest

from .smtp_sink import SmtpSink

pytestmark = pytest.mark.topology

BASE_DIR = Path(__file__).resolve().parents[2]
PASSWORD = "a-long-Topology-passw0rd"
MEMBER = "member@example.org"
HELD = [f"held{number}@example.org" for number in range(4)]
DOWN = "down@example.org"
LIMITED = "nobody@example.org"
Q_RETRY = 12  # seconds before a task a dead worker took is taken again


def procfile():
    lines = (BASE_DIR / "Procfile").read_text().splitlines()
    return dict(line.split(":", 1) for line in lines if re.match(r"^[a-z]+:", line))


def _reset_database(url):
    import psycopg

    parsed = urlparse(url)
    name = parsed.path.lstrip("/")
    assert re.fullmatch(r"portal_\w+", name), "the topology test drops its database: portal_* only"
    server = urlunparse(parsed._replace(path="/postgres"))
    with psycopg.connect(server, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


def _query(url, sql, params=()):
    import psycopg

    with psycopg.connect(url, autocommit=True) as connection:
        return connection.execute(sql, params).fetchall()


def wait_for(what, check, timeout):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = check()
        if result:
            return result
        time.sleep(0.25)
    raise AssertionError(f"timed out after {timeout}s waiting for {what}")


class Processes:
    """Processes in their own process groups, logged to files, always killed at the end."""

    def __init__(self, env, logs):
        self.env, self.logs, self.running = env, logs, {}

    def start(self, name, command, **extra_env):
        log = open(self.logs / f"{name}.log", "ab")  # noqa: SIM115 (closed with the process)
        process = subprocess.Popen(  # noqa: S602 (the Procfile's command line, as platforms run it)
            command,
            shell=True,
            cwd=BASE_DIR,
            env={**self.env, **extra_env},
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self.running[name] = (process, log)
        return process

    def kill(self, name, sig=signal.SIGTERM):
        process, log = self.running.pop(name)
        try:
            os.killpg(process.pid, sig)
            process.wait(timeout=15)
        except ProcessLookupError:
            pass
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=15)
        # The shell leads the group and exits first; qcluster's own processes may still be
        # stopping after it. None may outlive the step (it would take the next worker's tasks).
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        log.close()

    def kill_all(self):
        for name in list(self.running):
            self.kill(name)

    def log(self, name):
        return (self.logs / f"{name}.log").read_text(errors="replace")[-3000:]


class Browser:
    """Just enough of a browser behind a TLS proxy: cookies, CSRF, X-Forwarded-Proto."""

    def __init__(self):
        self.cookies = {}

    def request(self, port, method, path, form=None):
        connection = HTTPConnection("127.0.0.1", port, timeout=20)
        headers = {"X-Forwarded-Proto": "https", "Origin": f"https://127.0.0.1:{port}"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if form is not None:
            body = urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            text = response.read().decode(errors="replace")
        finally:
            connection.close()
        for header in response.headers.get_all("Set-Cookie") or []:
            for morsel in SimpleCookie(header).values():
                self.cookies[morsel.key] = morsel.value
        return response.status, response.headers, text

    def post_form(self, port, path, fields):
        status, _headers, html = self.request(port, "GET", path)
        assert status == 200, (path, status)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
        return self.request(port, "POST", path, {"csrfmiddlewaretoken": token, **fields})


@pytest.fixture
def topology(tmp_path):
    database_url = os.environ["PORTAL_TOPOLOGY_DATABASE_URL"]
    redis_url = os.environ.get("PORTAL_TOPOLOGY_REDIS_URL", "redis://127.0.0.1:6379/5")
    _reset_database(database_url)
    import redis

    redis.Redis.from_url(redis_url).flushdb()
    sink = SmtpSink()
    sink.start()
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_", "Q_", "EMAIL_", "PYTEST", "PORTAL_"))
    }
    env.update(
        PATH=f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}",
        PYTHONUNBUFFERED="1",
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SITE_URL="https://127.0.0.1",
        DATABASE_URL=database_url,
        REDIS_URL=redis_url,
        EMAIL_HOST=sink.host,
        EMAIL_PORT=str(sink.port),
        DEFAULT_FROM_EMAIL="portal@example.org",
        STATIC_ROOT=str(tmp_path / "static"),
        MEDIA_ROOT=str(tmp_path / "media"),
        PRIVATE_MEDIA_ROOT=str(tmp_path / "private"),
        WEB_CONCURRENCY="1",
        Q_WORKERS="2",
        Q_TIMEOUT="8",
        Q_RETRY=str(Q_RETRY),
        Q_POLL="0.3",
        EMAIL_RETRY_DELAYS="2,2,2,2",
    )
    (tmp_path / "logs").mkdir()
    processes = Processes(env, tmp_path / "logs")
    commands = procfile()
    try:
        processes.start("release", commands["release"])
        processes.start("static", "python manage.py collectstatic --no-input -v 0")
        for name in ("release", "static"):
            process = processes.running[name][0]
            assert process.wait(timeout=300) == 0, processes.log(name)
            processes.kill(name)
        users = ", ".join(repr(email) for email in [MEMBER, *HELD, DOWN])
        processes.start(
            "users",
            'python manage.py shell -v 0 -c "'
            "from allauth.account.models import EmailAddress; from portal.models import User\n"
            f"for email in [{users}]:\n"
            f"    user = User.objects.create_user(email=email, password='{PASSWORD}', name='T')\n"
            '    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)"',
        )
        assert processes.running["users"][0].wait(timeout=120) == 0, processes.log("users")
        processes.kill("users")
        ports = []
        for name in ("web-a", "web-b"):
            port = _free_port()
            processes.start(name, commands["web"], PORT=str(port))
            ports.append(port)
        processes.start("worker", commands["worker"])
        for port in ports:
            wait_for(f"gunicorn on {port}", lambda p=port: _serves(p), timeout=90)
        yield {
            "ports": ports,
            "sink": sink,
            "processes": processes,
            "commands": commands,
            "db": database_url,
        }
    finally:
        processes.kill_all()
        sink.close()


def _free_port():
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _serves(port):
    try:
        return Browser().request(port, "GET", "/en/accounts/login/")[0] == 200
    except OSError:
        return False


def _reset(browser, port, email):
    return browser.post_form(port, "/en/accounts/password/reset/", {"email": email})[0]


def test_two_app_servers_and_a_worker_lose_no_e_mail(topology):
    a, b = topology["ports"]
    sink, processes = topology["sink"], topology["processes"]

    # A session made on one app server works on the other (sessions in Redis).
    browser = Browser()
    status, headers, _html = browser.post_form(
        a, "/en/accounts/login/", {"login": MEMBER, "password": PASSWORD}
    )
    assert status == 302 and headers["Location"].endswith("/en/me/"), status
    status, _headers, html = browser.request(b, "GET", "/en/me/")
    assert status == 200 and MEMBER in html
    assert Browser().request(b, "GET", "/en/me/")[0] == 302  # and it is the session that did it

    # A rate limit counts across both (allauth: 5 password resets a minute per address).
    visitor = Browser()
    answers = [_reset(visitor, (a, b)[attempt % 2], LIMITED) for attempt in range(6)]
    assert answers == [302] * 5 + [429], answers

    # A job enqueued by a request is delivered by the worker.
    assert _reset(Browser(), b, MEMBER) == 302
    wait_for("the reset e-mail", lambda: MEMBER in sink.recipients(), timeout=60)
    message = next(m for m in sink.messages if MEMBER in str(m["To"]))
    assert "/accounts/password/reset/key/" in message.get_body(("plain",)).get_content()
    wait_for("the rate-limited e-mails", lambda: sink.recipients().count(LIMITED) == 5, 60)

    # SIGKILL while the worker holds work: nothing is lost, nothing is sent twice.
    sink.hold()
    for number, email in enumerate(HELD):
        assert _reset(Browser(), (a, b)[number % 2], email) == 302
    wait_for("the worker to be mid-send", lambda: sink.receiving >= 1, timeout=30)
    processes.kill("worker", signal.SIGKILL)
    sink.release()
    assert not set(HELD) & set(sink.recipients())
    processes.start("worker-restarted", topology["commands"]["worker"])
    wait_for(
        "every held e-mail after the restart",
        lambda: set(HELD) <= set(sink.recipients()),
        timeout=Q_RETRY + 60,
    )
    # Sent once by the portal: one successful attempt each (the killed ones rolled back). The
    # sink sees the message before the worker commits `sent_at`, so wait for the commits.
    rows = wait_for(
        "the outbox to record the held e-mails as sent",
        lambda: (
            found
            if len(
                found := _query(
                    topology["db"],
                    "SELECT recipients, attempts FROM portal_outgoingemail"
                    " WHERE recipients = ANY(%s) AND sent_at IS NOT NULL",
                    [HELD],
                )
            )
            == len(HELD)
            else None
        ),
        timeout=Q_RETRY + 30,
    )
    assert sorted(rows) == sorted((email, 1) for email in HELD), rows

    # The mail server is down for a while: the e-mail waits and is sent when it is back.
    sink.stop()
    assert _reset(Browser(), a, DOWN) == 302
    wait_for(
        "a refused attempt",
        lambda: _query(
            topology["db"],
            "SELECT 1 FROM portal_outgoingemail WHERE recipients = %s AND attempts >= 1"
            " AND sent_at IS NULL AND last_error <> ''",
            [DOWN],
        ),
        timeout=60,
    )
    time.sleep(3)  # down a little longer: another retry may fail too
    sink.start()
    wait_for("the delayed e-mail", lambda: DOWN in sink.recipients(), timeout=60)
    assert sink.recipients().count(DOWN) == 1
    (row,) = _query(
        topology["db"],
        "SELECT payload::text FROM portal_outgoingemail WHERE recipients = %s",
        [MEMBER],
    )
    assert "reset/key" not in row[0]  # the sent reset link is not kept
