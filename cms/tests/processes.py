"""Helpers for tests that run real ``manage.py`` processes against the test database."""

import json
import os
import sqlite3
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.db import connection

MANAGE = Path(settings.BASE_DIR) / "manage.py"


@contextmanager
def shared_database(tmp_path):
    """A DATABASE_URL other processes can open, holding what the test has committed so far, and a
    ``query(sql)`` that reads the rows those processes left. PostgreSQL: the test database itself.
    SQLite: the in-memory test database is copied to a file first (the processes work on the copy)."""
    if connection.vendor == "postgresql":
        params = connection.settings_dict
        url = f"postgres://{params['USER']}@{params['HOST'] or '127.0.0.1'}:{params['PORT'] or 5432}/{params['NAME']}"
        if params.get("PASSWORD"):
            url = url.replace("@", f":{params['PASSWORD']}@", 1)

        def query(sql):
            with connection.cursor() as cursor:
                cursor.execute(sql)
                return cursor.fetchall()

        yield url, query
        return
    path = tmp_path / "shared.sqlite3"
    connection.ensure_connection()
    target = sqlite3.connect(path)
    connection.connection.backup(target)
    target.close()

    def query(sql):
        with sqlite3.connect(path) as copy:
            return copy.execute(sql).fetchall()

    yield f"sqlite:///{path}", query


def json_value(value):
    """A JSON column as read by raw SQL: decoded on PostgreSQL, text on SQLite."""
    return json.loads(value) if isinstance(value, str) else value


def start(database_url, *arguments, **environment):
    """``manage.py <arguments>`` in its own process with the development settings (which read the
    environment) on ``database_url``; ``environment`` adds variables (EMAIL_PORT …)."""
    env = {key: value for key, value in os.environ.items() if key not in {"REDIS_URL", "DJANGO_SETTINGS_MODULE"}}
    env.update(
        DJANGO_SETTINGS_MODULE="settings.dev",
        DATABASE_URL=database_url,
        DEBUG="0",
        SEARCH_BACKEND="database",
        MEDIA_ROOT=str(settings.MEDIA_ROOT),
        **{key: str(value) for key, value in environment.items()},
    )
    return subprocess.Popen(
        [sys.executable, str(MANAGE), *arguments],
        env=env,
        cwd=settings.BASE_DIR,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def finish(processes, timeout=180):
    """Wait for all; return their (stdout, stderr); fail with their output if one failed."""
    outputs = []
    try:
        for process in processes:
            out, err = process.communicate(timeout=timeout)
            outputs.append((out, err))
            assert process.returncode == 0, f"{process.args} exited {process.returncode}:\n{out}\n{err}"
    finally:
        for process in processes:
            if process.poll() is None:
                process.kill()
                process.wait()
    return outputs
