"""`make bench`: the portal's public pages against a bare Django view and a stock Wagtail page.

Builds two PostgreSQL databases (the demo, and the demo grown tenfold by ``bench_scale``), serves
each with gunicorn under production settings (as docs/operations.md runs it), once with the page
cache on and once with it off, and measures every public page type in one interleaved run: each
round visits every target for a few seconds, so drift in the machine's load touches all targets
alike. Prints a table (req/s, p50, p99, queries, bytes, ratios to the baselines), checks the
targets of docs/performance.md, and writes everything to var/bench/results.json.

Environment: BENCH_SECONDS (per target per round, default 3), BENCH_ROUNDS (2),
BENCH_CONNECTIONS (16), BENCH_POSTGRES (server URL, default postgres://postgres@127.0.0.1:5432),
BENCH_REDIS (redis://127.0.0.1:6379/9), BENCH_REBUILD=1 to rebuild the databases.
"""

import json
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import load, search  # noqa: E402

VAR = ROOT / "var" / "bench"
PYTHON = sys.executable
BIN = Path(PYTHON).parent
SECONDS = float(os.environ.get("BENCH_SECONDS", "3"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "2"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "16"))
POSTGRES = os.environ.get("BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432").rstrip("/")
REDIS = os.environ.get("BENCH_REDIS", "redis://127.0.0.1:6379/9")
HOST = "127.0.0.1"
SCALES = {"1x": 1, "10x": 10}
# The page cache is switched off for the "uncached" servers (see docs/caching.md).
UNCACHED_ENV = {"PAGE_CACHE": "0", "FRAME_CACHE": "1"}
HEADERS = ("X-Forwarded-Proto: https",)
PAGES = {  # page type -> path, or (index path, pattern of a detail link found on it)
    "home": "/en/",
    "events": "/en/events/",
    "event": ("/en/events/", r'href="(/en/events/(?!speakers|archive|feed)[-\w]+/)"'),
    "pilots": "/en/pilots/",
    "pilot": ("/en/pilots/", r'href="(/en/pilots/(?!feed|export)[-\w]+/)"'),
    "policy": "/en/policy/",
    "recommendation": ("/en/policy/", r'href="(/en/policy/(?!feed)[-\w]+/)"'),
    "challenges": "/en/challenges/",
    "partners": "/en/partners/",
    "agencies": "/en/agencies/",
    "search": "/en/search/?q=flood",
    "events feed.ics": "/en/events/feed.ics",
    "policy RSS": "/en/policy/feed/",
    "pilots RSS": "/en/pilots/feed/",
}


def sh(*command, env=None, quiet=True):
    result = subprocess.run(command, env=env, cwd=ROOT, capture_output=quiet, text=True)
    if result.returncode:
        sys.stderr.write((result.stdout or "") + (result.stderr or ""))
        raise SystemExit(f"failed: {' '.join(map(str, command))}")
    return result.stdout


def psql(sql, database="postgres"):
    return sh("psql", f"{POSTGRES}/{database}", "-qtAc", sql).strip()


def portal_env(database, *, cached=True, settings="portal.settings.production"):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": settings,
        "SECRET_KEY": SECRET_KEY,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "0",
        "DATABASE_URL": f"{POSTGRES}/{database}",
        "REDIS_URL": REDIS,
        "STATIC_ROOT": str(VAR / "static"),
        "LOG_LEVEL": "WARNING",
        "EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend",
    }
    if not cached:
        env.update(UNCACHED_ENV)
    return env


SECRET_KEY = secrets.token_urlsafe(64)


def build_databases():
    """portal_bench_1x: migrate + seed_demo; portal_bench_10x: a copy grown by bench_scale."""
    rebuild = os.environ.get("BENCH_REBUILD") == "1"
    for name, factor in SCALES.items():
        database = f"portal_bench_{name}"
        exists = psql(f"SELECT 1 FROM pg_database WHERE datname = '{database}'") == "1"
        if exists and not rebuild:
            print(f"== {database}: reusing, migrated to this checkout (BENCH_REBUILD=1 rebuilds)")
            sh(PYTHON, "manage.py", "migrate", "--no-input", env=portal_env(database))
            psql("ANALYZE", database)
            continue
        # Built under another name and renamed when complete: an interrupted build is not reused.
        building = f"{database}_building"
        psql(f'DROP DATABASE IF EXISTS "{building}" WITH (FORCE)')
        psql(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
        started = time.perf_counter()
        dev = portal_env(building, settings="portal.settings.dev")
        if factor == 1:
            psql(f'CREATE DATABASE "{building}"')
            sh(PYTHON, "manage.py", "migrate", "--no-input", env=dev)
            sh(PYTHON, "manage.py", "seed_demo", env=dev)
        else:
            psql(f'CREATE DATABASE "{building}" TEMPLATE "portal_bench_1x"')
            sh(PYTHON, "manage.py", "bench_scale", "--factor", str(factor), env=dev)
        # A running server's autovacuum keeps the planner's statistics; a database loaded a
        # moment ago has none, and PostgreSQL then plans as if each table held one row.
        psql("ANALYZE", building)
        psql(f'ALTER DATABASE "{building}" RENAME TO "{database}"')
        print(f"== {database}: built in {time.perf_counter() - started:.0f} s")


def build_baseline():
    """A stock Wagtail project (``wagtail start``) from the same lock, on SQLite."""
    project = VAR / "baseline"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "baseline.settings.production"}
    if not (project / "db.sqlite3").exists():
        shutil.rmtree(project, ignore_errors=True)
        project.mkdir(parents=True)
        sh(str(BIN / "wagtail"), "start", "baseline", str(project))
        (project / "baseline" / "settings" / "local.py").write_text(
            f'SECRET_KEY = "{secrets.token_urlsafe(50)}"\nALLOWED_HOSTS = ["*"]\n'
        )
        for command in (["migrate", "--no-input"], ["collectstatic", "--no-input"]):
            subprocess.run(
                [PYTHON, "manage.py", *command],
                cwd=project,
                env=env,
                check=True,
                capture_output=True,
            )
    return project, env


class Server:
    def __init__(self, name, port, app, env, cwd=ROOT):
        self.name, self.port = name, port
        self.log = open(VAR / f"{name}.log", "w")  # noqa: SIM115 (closed in stop)
        self.process = subprocess.Popen(
            [
                str(BIN / "gunicorn"),
                app,
                "--workers",
                "2",
                "--bind",
                f"{HOST}:{port}",
                "--log-level",
                "warning",
            ],
            cwd=cwd,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=self.log,
        )

    def wait(self, timeout=300):
        deadline = time.time() + timeout
        while time.time() < deadline:
            try:
                load.fetch((HOST, self.port), load.request_bytes(HOST, "/healthz"), timeout=2)
                return
            except OSError:
                time.sleep(0.3)
        raise SystemExit(f"{self.name} did not start; see {VAR / (self.name + '.log')}")

    def get(self, path):
        request = urllib.request.Request(
            f"http://{HOST}:{self.port}{path}", headers={"X-Forwarded-Proto": "https"}
        )
        with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310 (loopback)
            return response.read().decode("utf-8", "replace")

    def stop(self):
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.log.close()


QUERIES = """
import json, sys
import django
django.setup()
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
client = Client(HTTP_HOST="127.0.0.1", headers={"X-Forwarded-Proto": "https"})
counts = {}
for path in json.loads(sys.argv[1]):
    client.get(path)  # warm: templates, the shared frame, per-process caches, as on a server
    with CaptureQueriesContext(connection) as queries:
        status = client.get(path).status_code
    counts[path] = len(queries) if status == 200 else None
print(json.dumps(counts))
"""


def count_queries(database, paths):
    env = portal_env(database, cached=False)
    output = sh(PYTHON, "-c", QUERIES, json.dumps(paths), env=env)
    return json.loads(output.strip().splitlines()[-1])


def resolve_paths(server):
    paths = {}
    for name, spec in PAGES.items():
        if isinstance(spec, str):
            paths[name] = spec
            continue
        index, pattern = spec
        match = re.search(pattern, server.get(index))
        if not match:
            raise SystemExit(f"no {name} link found on {index}")
        paths[name] = match.group(1)
    return paths


def measure(port, path):
    return load.run(
        (HOST, port), HOST, path, seconds=SECONDS, connections=CONNECTIONS, headers=HEADERS
    )


def main():
    sys.stdout.reconfigure(line_buffering=True)
    VAR.mkdir(parents=True, exist_ok=True)
    build_databases()
    sh(PYTHON, "manage.py", "collectstatic", "--no-input", env=portal_env("portal_bench_1x"))
    baseline_dir, baseline_env = build_baseline()
    servers = {
        "bare Django": Server("hello", 8101, "bench.hello", os.environ.copy()),
        "stock Wagtail": Server("wagtail", 8102, "baseline.wsgi", baseline_env, cwd=baseline_dir),
    }
    port = 8103
    for scale in SCALES:
        for cached in (True, False):
            label = f"{scale} {'cached' if cached else 'uncached'}"
            env = portal_env(f"portal_bench_{scale}", cached=cached)
            servers[label] = Server(label.replace(" ", "-"), port, "portal.wsgi", env)
            port += 1
    try:
        for server in servers.values():
            server.wait()
        paths = resolve_paths(servers["1x cached"])
        queries = {
            scale: count_queries(f"portal_bench_{scale}", list(paths.values())) for scale in SCALES
        }
        targets = [("bare Django", "bare Django", "/"), ("stock Wagtail", "stock Wagtail", "/")]
        for scale in SCALES:
            for mode in ("cached", "uncached"):
                for name, path in paths.items():
                    targets.append((f"{name} [{scale} {mode}]", f"{scale} {mode}", path))
        for _, server, path in targets:  # warm-up: fills caches, loads templates
            for _ in range(3):
                load.fetch((HOST, servers[server].port), load.request_bytes(HOST, path, HEADERS))
        results = {label: load.Result() for label, _, _ in targets}
        for round_number in range(ROUNDS):
            print(f"== round {round_number + 1} of {ROUNDS}: {len(targets)} targets")
            for label, server, path in targets:
                results[label].merge(measure(servers[server].port, path))
        searches = search.measure(
            {scale: servers[f"{scale} uncached"].port for scale in SCALES},
            HOST,
            HEADERS,
            seconds=SECONDS,
            rounds=ROUNDS,
        )
    finally:
        for server in servers.values():
            server.stop()
    report(targets, results, paths, queries, searches)


def report(targets, results, paths, queries, searches):
    bare, stock = results["bare Django"], results["stock Wagtail"]
    rows = []
    for label, server, path in targets:
        result = results[label]
        scale = server.split()[0] if server[0].isdigit() else None
        rows.append(
            {
                "target": label,
                "path": path,
                "req_s": round(result.rate, 1),
                "p50_ms": round(result.percentile(0.5) * 1000, 1),
                "p99_ms": round(result.percentile(0.99) * 1000, 1),
                "errors": result.errors,
                "bytes": result.bytes // max(result.requests, 1),
                "queries": queries[scale].get(path)
                if scale and "uncached" in server
                else (0 if scale else None),
                "x_bare": round(result.rate / bare.rate, 3) if bare.rate else None,
                "x_wagtail": round(result.rate / stock.rate, 3) if stock.rate else None,
            }
        )
    header = f"{'target':44} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'queries':>7} {'bytes':>8} {'×bare':>7} {'×wagtail':>8}"
    print(header)
    print("-" * len(header))
    for row in rows:
        q = "" if row["queries"] is None else row["queries"]
        print(
            f"{row['target']:44} {row['req_s']:>8} {row['p50_ms']:>8} {row['p99_ms']:>8} "
            f"{q!s:>7} {row['bytes']:>8} {row['x_bare']!s:>7} {row['x_wagtail']!s:>8}"
        )
    print()
    search.print_rows(searches)
    checks = check_targets(rows, paths)
    checks.append(search.check(searches))
    print()
    for ok, text in checks:
        print(("MET     " if ok else "NOT MET ") + text)
    output = VAR / "results.json"
    output.write_text(
        json.dumps(
            {
                "rows": rows,
                "searches": list(searches.values()),
                "targets": [{"met": ok, "target": text} for ok, text in checks],
            },
            indent=2,
        )
    )
    print(f"\nWritten to {output.relative_to(ROOT)}")


def check_targets(rows, paths):
    by = {row["target"]: row for row in rows}
    bare, stock = by["bare Django"], by["stock Wagtail"]
    checks = []
    for scale in SCALES:
        cached = [by[f"{name} [{scale} cached]"] for name in paths]
        slow = [r["target"] for r in cached if r["req_s"] < 0.4 * bare["req_s"]]
        checks.append(
            (
                not slow,
                f"cached pages ≥ 40% of bare Django req/s at {scale}"
                + (f" (below: {', '.join(slow)})" if slow else ""),
            )
        )
        tail = [r["target"] for r in cached if r["p99_ms"] > 2 * bare["p99_ms"]]
        checks.append(
            (
                not tail,
                f"cached p99 within 2× of bare Django's at {scale}"
                + (f" (over: {', '.join(tail)})" if tail else ""),
            )
        )
    uncached = [by[f"{name} [{scale} uncached]"] for name in paths for scale in SCALES]
    slow = [r["target"] for r in uncached if r["req_s"] < 0.5 * stock["req_s"]]
    checks.append(
        (
            not slow,
            "uncached renders ≥ 0.5× stock Wagtail req/s"
            + (f" (below: {', '.join(slow)})" if slow else ""),
        )
    )
    grew = [
        name
        for name in paths
        if (by[f"{name} [10x uncached]"]["queries"] or 0)
        > (by[f"{name} [1x uncached]"]["queries"] or 0)
    ]
    checks.append(
        (
            not grew,
            "no page's queries grow from 1× to 10× data"
            + (f" (grew: {', '.join(grew)})" if grew else ""),
        )
    )
    one, ten = by["events feed.ics [1x uncached]"], by["events feed.ics [10x uncached]"]
    checks.append(
        (
            ten["p50_ms"] <= 2 * one["p50_ms"],
            f"feed.ics at 10× within 2× of 1× (p50 {one['p50_ms']} → {ten['p50_ms']} ms)",
        )
    )
    return checks


if __name__ == "__main__":
    main()
