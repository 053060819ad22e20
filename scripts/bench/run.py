"""`make bench`: requests per second of each page type against a one-view Django floor (docs/performance.md).

The site runs as in production (settings.production, deploy/gunicorn.conf.py, 2 sync workers) on the
demo content in a PostgreSQL database of its own (kz_bench, re-created each run and kept afterwards),
Redis database 10 under a fresh key prefix and an S3 stand-in (moto_server), like the production smoke
test. The floor (scripts/bench/floor/: startproject's middleware, WhiteNoise, one view returning 2 KB of
HTML) runs under the same gunicorn settings at the same time. wrk measures each URL for BENCH_SECONDS
(default 3) at 8 and 32 connections, first with PAGE_CACHE=off, then with PAGE_CACHE=on.
Everything stays on 127.0.0.1.

Prints a Markdown table and writes it to test-artifacts/bench.md. A benchmark, not a test: it asserts
only that every URL answers 200 before it is measured.

    BENCH_SECONDS=5 BENCH_PORT=18300 .venv/bin/python scripts/bench/run.py

BENCH_PORT pins the ports (site, floor, S3 stand-in: BENCH_PORT, +1, +2); default: free ports.
"""

import contextlib
import http.client
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.servers import (  # noqa: E402
    build_files_in_background,
    forget_cache,
    manage,
    moto_server,
    production_env,
    psql,
    s3_client,
    stop,
    wait_for,
)
from tests.services import free_port  # noqa: E402

HOST = "kommunal.bench.test"
PUBLIC_URL = f"https://{HOST}"
DATABASE = "kz_bench"
BUCKET = "kz-bench-media"
REDIS_URL = "redis://127.0.0.1:6379/10"
SECONDS = int(os.environ.get("BENCH_SECONDS", "3"))
CONNECTIONS = (8, 32)
CACHE_MODES = {"off": "Uncached (PAGE_CACHE=off)", "on": "Cached (PAGE_CACHE=on)"}
SETTLE_REQUESTS = 3
# What nginx sends in front of gunicorn (production redirects plain http to https).
HEADERS = {"Host": HOST, "X-Forwarded-Proto": "https", "X-Forwarded-For": "203.0.113.9"}
REPORT = Path(os.environ.get("TEST_ARTIFACTS", ROOT / "test-artifacts")) / "bench.md"
LUA_REPORT = Path(__file__).with_name("report.lua")
FLOOR = ("one-view Django floor", "/")


def step(text):
    print(f"[bench {time.strftime('%H:%M:%S')}] {text}", file=sys.stderr, flush=True)


def ports():
    base = int(os.environ.get("BENCH_PORT", "0"))
    return (base, base + 1, base + 2) if base else (free_port(), free_port(), free_port())


@contextlib.contextmanager
def bench_database():
    """kz_bench, empty; kept after the run so that its content can be inspected."""
    psql(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')
    psql(f'CREATE DATABASE "{DATABASE}"')
    # Loading the demo commits thousands of times; reads, which are what is measured, are unaffected.
    psql(f'ALTER DATABASE "{DATABASE}" SET synchronous_commit = off')
    yield f"postgres://postgres@127.0.0.1:5432/{DATABASE}"


@contextlib.contextmanager
def gunicorn(wsgi, env, port, log):
    """One gunicorn with deploy/gunicorn.conf.py and 2 sync workers; the access log goes to ``log``.

    Workers are not recycled: at 2,300 cached requests a second, production's GUNICORN_MAX_REQUESTS
    restarts a worker every 20 s or so, and a restart (Django and Wagtail starting, about 2 s) inside
    one URL's 3-second window cut that URL's figure by a third while its neighbours were unaffected."""
    env = {**env, "GUNICORN_BIND": f"127.0.0.1:{port}", "GUNICORN_WORKERS": "2", "GUNICORN_THREADS": "1"}
    env["GUNICORN_MAX_REQUESTS"] = "0"
    with open(log, "a") as handle:
        process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", "deploy/gunicorn.conf.py", wsgi],
            cwd=ROOT,
            env=env,
            stdout=handle,
            stderr=subprocess.STDOUT,
        )
        try:
            wait_for(f"http://127.0.0.1:{port}/healthz", timeout=60, process=process)
            yield process
        finally:
            stop(process, timeout=15)


def settle(port, label, path):
    """Sequential requests to ``path`` before it is measured; each must be a 200. They warm the workers
    (templates, caches) and wait until the requests queued by the previous run are answered, which
    would otherwise slow this one. Returns the last response's X-Cache header."""
    for _ in range(SETTLE_REQUESTS):
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        connection.request("GET", path, headers=HEADERS)
        response = connection.getresponse()
        response.read()
        connection.close()
        if response.status != 200:
            raise SystemExit(f"{label} ({path}) answered {response.status}, not 200: nothing to measure")
    return response.headers.get("X-Cache", "–")


def wrk(port, path, connections):
    command = ["wrk", f"-t{min(2, connections)}", f"-c{connections}", f"-d{SECONDS}s", "--timeout", "10s"]
    command += ["-s", str(LUA_REPORT)]
    for name, value in HEADERS.items():
        command += ["-H", f"{name}: {value}"]
    result = subprocess.run(
        [*command, f"http://127.0.0.1:{port}{path}"], capture_output=True, text=True, timeout=SECONDS + 30
    )
    if result.returncode != 0:
        raise SystemExit(f"wrk failed on {path}: {result.stderr}")
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    return {
        "rps": figures["requests"] / figures["seconds"],
        "p50": figures["p50_us"] / 1000,
        "p99": figures["p99_us"] / 1000,
        "failed": figures["errors"] + figures["bad_status"],
    }


def measure(site_port, floor_port, targets):
    """({connections: {label: figures}}, {label: X-Cache}), the floor first."""
    results, x_cache = {}, {}
    for connections in CONNECTIONS:
        row = {}
        for (label, path), port in [(FLOOR, floor_port), *((target, site_port) for target in targets)]:
            x_cache[label] = settle(port, label, path)
            row[label] = wrk(port, path, connections)
            step(f"  {connections:>2} connections  {label:<28} {row[label]['rps']:8.1f} req/s")
        results[connections] = row
    return results, x_cache


def table(title, results, x_cache, targets):
    header = "| what | path | X-Cache |"
    rule = "| --- | --- | --- |"
    for connections in CONNECTIONS:
        header += f" req/s @{connections} | p50 ms | p99 ms | share of floor |"
        rule += " ---: | ---: | ---: | ---: |"
    lines = [f"### {title}", "", header, rule]
    for label, path in [FLOOR, *targets]:
        line = f"| {label} | `{path}` | {x_cache[label]} |"
        for connections in CONNECTIONS:
            figures = results[connections][label]
            share = figures["rps"] / results[connections][FLOOR[0]]["rps"] * 100
            failed = f" ({figures['failed']} failed)" if figures["failed"] else ""
            line += f" {figures['rps']:,.1f}{failed} | {figures['p50']:.1f} | {figures['p99']:.1f} | {share:.1f} % |"
        lines.append(line)
    return "\n".join(lines)


def git_commit():
    result = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    return result.stdout.strip() or "unknown"


def main():
    if not shutil.which("wrk"):
        raise SystemExit("wrk not found: run `make bench-deps` (apt-get install wrk).")
    started = time.monotonic()
    load_before = os.getloadavg()[0]
    site_port, floor_port, s3_port = ports()
    work = Path(tempfile.mkdtemp(prefix="kz-bench-"))
    tables = []
    with bench_database() as database_url, moto_server(s3_port) as s3:
        s3_client(s3).create_bucket(Bucket=BUCKET)
        env = production_env(
            database_url,
            s3,
            BUCKET,
            PUBLIC_URL=PUBLIC_URL,
            ALLOWED_HOSTS=HOST,
            CSRF_TRUSTED_ORIGINS=PUBLIC_URL,
            TRUSTED_PROXY_COUNT="1",
            REDIS_URL=REDIS_URL,
            REDIS_KEY_PREFIX=f"kz-bench-{uuid.uuid4().hex[:8]}",
            STATIC_ROOT=str(work / "static"),
            MEDIA_ROOT=str(work / "media-unused"),
        )
        try:
            targets = prepare(env)
            floor_env = {**env, "DJANGO_SETTINGS_MODULE": "scripts.bench.floor.settings"}
            with gunicorn("scripts.bench.floor.wsgi", floor_env, floor_port, work / "floor.log"):
                for mode, title in CACHE_MODES.items():
                    step(f"site with PAGE_CACHE={mode}")
                    with gunicorn("cms.wsgi", {**env, "PAGE_CACHE": mode}, site_port, work / "site.log"):
                        tables.append(table(title, *measure(site_port, floor_port, targets), targets))
        finally:
            forget_cache(env)
            # Whatever was measured is kept, also when the run was interrupted.
            if tables:
                write_report(tables, started, load_before)
    shutil.rmtree(work, ignore_errors=True)


def write_report(tables, started, load_before):
    report = "\n\n".join(
        [
            f"## make bench, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, commit {git_commit()}",
            f"{os.cpu_count()} cores ({platform.machine()}), load average {load_before:.1f} at the start, "
            f"{os.getloadavg()[0]:.1f} at the end; "
            f"gunicorn with 2 sync workers for the site and for the floor, not recycled; wrk -t2, {SECONDS} s per URL; "
            f"demo content on PostgreSQL; whole run {(time.monotonic() - started) / 60:.1f} min.",
            *tables,
        ]
    )
    REPORT.parent.mkdir(parents=True, exist_ok=True)
    REPORT.write_text(report + "\n")
    print(report)
    step(f"written to {REPORT}")


def prepare(env):
    step(f"database {DATABASE}: migrate, demo content; compilemessages, collectstatic alongside")
    files = build_files_in_background(env)
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "load_demo_content", "-v0")
    psql("VACUUM ANALYZE", database=DATABASE)  # planner statistics, as a database in service has them
    if files.wait() != 0:
        raise SystemExit("compilemessages or collectstatic failed")
    found = manage(
        env,
        "shell",
        "--no-imports",
        "-c",
        "import json; from scripts.bench.targets import bench_targets; print(json.dumps(bench_targets()))",
    )
    return [tuple(target) for target in json.loads(found.strip().splitlines()[-1])]


if __name__ == "__main__":
    main()
