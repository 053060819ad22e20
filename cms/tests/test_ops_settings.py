"""Production settings from the environment: static and media roots, log format, error reporting."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def production(code, **env):
    base = {key: value for key, value in os.environ.items() if not key.startswith(("SENTRY_", "LOG_", "STATIC_"))}
    result = subprocess.run(
        [sys.executable, "-c", f"import json, settings.production as s\n{code}"],
        cwd=ROOT,
        env={
            **base,
            "SECRET_KEY": "x" * 50,
            "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/kz_ops",
            "PUBLIC_URL": "https://kommunal.example.org",
            **env,
        },
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_static_and_media_roots_come_from_the_environment():
    roots = production(
        "print(json.dumps([str(s.STATIC_ROOT), str(s.MEDIA_ROOT)]))",
        STATIC_ROOT="/srv/kommunal/static",
        MEDIA_ROOT="/srv/kommunal/media",
    )
    assert roots == ["/srv/kommunal/static", "/srv/kommunal/media"]


def test_json_logs_at_info_by_default_in_production():
    config = production("print(json.dumps(s.LOGGING))", LOG_FORMAT="json")
    assert config["root"]["level"] == "INFO"
    assert config["handlers"]["console"]["formatter"] == "json"
    assert config["handlers"]["console"]["filters"] == ["request_id"]


def test_sentry_is_off_without_a_dsn():
    assert production("import sentry_sdk; print(json.dumps(sentry_sdk.get_client().is_active()))") is False


def test_sentry_sends_no_personal_data_and_no_request_bodies():
    options = production(
        "import sentry_sdk; o = sentry_sdk.get_client().options\n"
        "print(json.dumps([sentry_sdk.get_client().is_active(), o['send_default_pii'], o['max_request_body_size'],"
        " o['environment'], [i for i in sentry_sdk.get_client().integrations]]))",
        SENTRY_DSN="https://public@127.0.0.1:9/1",
        SENTRY_ENVIRONMENT="staging",
    )
    active, pii, body, environment, integrations = options
    assert active is True
    assert pii is False
    assert body == "never"
    assert environment == "staging"
    assert "django" in integrations
