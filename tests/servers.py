"""Throwaway servers and databases for the operations tests and scripts/production_smoke.py.

Every server listens on 127.0.0.1 on a port chosen at run time and is stopped by its context manager;
every database is created under a name of its own (kz_ops_*) and dropped afterwards.
"""

import contextlib
import os
import subprocess
import sys
import time
import urllib.request
import uuid
from pathlib import Path

from tests.services import free_port

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
POSTGRES = {"host": "127.0.0.1", "port": "5432", "user": "postgres"}
S3_CREDENTIALS = {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing", "AWS_S3_REGION_NAME": "us-east-1"}


def wait_for(url, timeout=30, process=None):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"{process.args[0]} exited with {process.returncode} before answering {url}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except urllib.error.HTTPError:
            return  # it answers
        except OSError:
            time.sleep(0.2)
    raise TimeoutError(f"{url} did not answer within {timeout} s")


def stop(process, timeout=10):
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextlib.contextmanager
def moto_server(port=None):
    """An S3 stand-in (moto_server) on ``port`` (default: a free one); yields its endpoint URL."""
    port = port or free_port()
    process = subprocess.Popen(
        [str(BIN / "moto_server"), "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        endpoint = f"http://127.0.0.1:{port}"
        wait_for(f"{endpoint}/moto-api/", process=process)
        yield endpoint
    finally:
        stop(process)


def s3_client(endpoint):
    import boto3

    return boto3.client(
        "s3",
        endpoint_url=endpoint,
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
        region_name="us-east-1",
    )


def bucket_contents(endpoint, bucket):
    client = s3_client(endpoint)
    contents = {}
    for page in client.get_paginator("list_objects_v2").paginate(Bucket=bucket):
        for item in page.get("Contents", []):
            contents[item["Key"]] = client.get_object(Bucket=bucket, Key=item["Key"])["Body"].read()
    return contents


def psql(sql, database="postgres"):
    subprocess.run(
        [
            "psql",
            "-h",
            POSTGRES["host"],
            "-p",
            POSTGRES["port"],
            "-U",
            POSTGRES["user"],
            "-d",
            database,
            "-v",
            "ON_ERROR_STOP=1",
            "-qAtc",
            sql,
        ],
        check=True,
        capture_output=True,
    )


@contextlib.contextmanager
def postgres_database(prefix="kz_ops"):
    """A new, empty PostgreSQL database; yields its DATABASE_URL."""
    name = f"{prefix}_{uuid.uuid4().hex[:8]}"
    psql(f'CREATE DATABASE "{name}"')
    # A throwaway database need not wait for the disk at each commit (migrate commits hundreds of times).
    psql(f'ALTER DATABASE "{name}" SET synchronous_commit = off')
    try:
        yield f"postgres://{POSTGRES['user']}@{POSTGRES['host']}:{POSTGRES['port']}/{name}"
    finally:
        psql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def production_env(database_url, s3_endpoint, bucket, **extra):
    """The environment of deploy/env.example for a local run: production settings on throwaway services."""
    base = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("AWS_", "DJANGO_", "PYTEST", "SENTRY_")) and key not in {"DATABASE_URL", "REDIS_URL"}
    }
    return {
        **base,
        "DJANGO_SETTINGS_MODULE": "settings.production",
        "SECRET_KEY": "ops-test-" + "x" * 50,
        "PUBLIC_URL": "https://kommunal.example.org",
        "DATABASE_URL": database_url,
        "REDIS_URL": "redis://127.0.0.1:6379/4",
        # Fresh cache keys per run: renditions and site root paths cached by an earlier run must not leak in.
        "REDIS_KEY_PREFIX": f"kz-ops-{uuid.uuid4().hex[:8]}",
        "AWS_STORAGE_BUCKET_NAME": bucket,
        "AWS_S3_ENDPOINT_URL": s3_endpoint,
        **S3_CREDENTIALS,
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        "PYTHONDONTWRITEBYTECODE": "1",
        **extra,
    }


def build_files_in_background(env):
    """compilemessages, then collectstatic: they need no database, so they run while migrate does.
    The caller waits for the returned process."""
    return subprocess.Popen(
        [
            "bash",
            "-c",
            f"{sys.executable} manage.py compilemessages --ignore=.venv -v0 && "
            f"{sys.executable} manage.py collectstatic --noinput -v0",
        ],
        cwd=ROOT,
        env=env,
    )


def manage(env, *args, timeout=300):
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout
    )
    if result.returncode != 0:
        raise AssertionError(f"manage.py {' '.join(args)} failed:\n{result.stdout[-3000:]}\n{result.stderr[-5000:]}")
    return result.stdout


def forget_cache(env):
    """Delete the cache keys a run wrote under its REDIS_KEY_PREFIX (Redis database 4 is shared between runs)."""
    import redis

    client = redis.Redis.from_url(env["REDIS_URL"])
    keys = list(client.scan_iter(match=f"{env['REDIS_KEY_PREFIX']}:*", count=500))
    if keys:
        client.delete(*keys)
