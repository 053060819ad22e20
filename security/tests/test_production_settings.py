"""Production fails closed: check --deploy is clean only with the documented environment; 2FA stays on."""

import datetime
import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# The production environment docs/security.md and docs/deployment.md document (values are examples).
DOCUMENTED = {
    "DJANGO_SETTINGS_MODULE": "settings.production",
    "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/kz_sec",
    "REDIS_URL": "redis://127.0.0.1:6379/5",
    "ALLOWED_HOSTS": "kommunal.example.org",
    "SECURE_HSTS_SECONDS": "31536000",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS": "0",
    "SECURE_HSTS_PRELOAD": "0",
    "SECURITY_CONTACT": "security@kommunal.example.org",
    # RFC 9116: at most a year ahead.
    "SECURITY_TXT_EXPIRES": (datetime.datetime.now(datetime.UTC) + datetime.timedelta(days=180)).isoformat(),
}


def run(args, **env):
    # Not this test process's environment either: the browser tests on the same worker set
    # DJANGO_ALLOW_ASYNC_UNSAFE, which the deploy check rightly warns about.
    base = {
        key: value
        for key, value in os.environ.items()
        if key not in DOCUMENTED and not key.startswith("SECUR") and key != "DJANGO_ALLOW_ASYNC_UNSAFE"
    }
    return subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env={**base, "SECRET_KEY": secrets.token_urlsafe(60), "PUBLIC_URL": "https://kommunal.example.org", **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def deploy_check(**env):
    return run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], **env)


def test_check_deploy_is_clean_with_the_documented_environment():
    result = deploy_check(**DOCUMENTED)
    assert result.returncode == 0, result.stdout + result.stderr


def test_check_deploy_warns_until_subdomains_and_preload_are_decided():
    env = {key: value for key, value in DOCUMENTED.items() if not key.startswith("SECURE_HSTS_")}
    result = deploy_check(**env)
    assert result.returncode != 0
    assert "security.W005" in result.stderr and "security.W021" in result.stderr


def test_hsts_options_come_from_the_environment():
    code = (
        "import settings.production as s; "
        "print(s.SECURE_HSTS_SECONDS, s.SECURE_HSTS_INCLUDE_SUBDOMAINS, s.SECURE_HSTS_PRELOAD, s.OTP_REQUIRED)"
    )
    env = {**DOCUMENTED, "SECURE_HSTS_SECONDS": "63072000"}
    env.update(SECURE_HSTS_INCLUDE_SUBDOMAINS="1", SECURE_HSTS_PRELOAD="1")
    result = run(["-c", code], **env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["63072000", "True", "True", "True"]


def test_production_refuses_to_switch_the_second_factor_off():
    result = run(["-c", "import settings.production"], **DOCUMENTED, OTP_REQUIRED="0")
    assert result.returncode != 0
    assert "OTP_REQUIRED cannot be switched off in production" in result.stderr


def test_a_stale_security_txt_fails_the_deploy_check():
    result = deploy_check(**{**DOCUMENTED, "SECURITY_TXT_EXPIRES": "2020-01-01T00:00:00+00:00"})
    assert result.returncode != 0
    assert "security_txt.W002" in result.stderr
