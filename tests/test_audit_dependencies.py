"""scripts/audit_dependencies.py: offline is a message and success; a vulnerability fails the build."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import audit_dependencies  # noqa: E402

from tests.services import closed_port  # noqa: E402


def test_an_unreachable_advisory_database_is_reported_and_does_not_fail(tmp_path):
    requirements = tmp_path / "requirements.txt"
    requirements.write_text("django==5.2.19\n")
    proxy = f"http://127.0.0.1:{closed_port()}"
    env = {
        **os.environ,
        # Every request to the advisory service goes to a closed port on this machine.
        "HTTPS_PROXY": proxy,
        "HTTP_PROXY": proxy,
        "https_proxy": proxy,
        "http_proxy": proxy,
        "NO_PROXY": "",
        "no_proxy": "",
        "AUDIT_TIMEOUT": "3",
    }
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "audit_dependencies.py"), str(requirements)],
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 0, result.stderr
    assert "advisory database could not be reached" in result.stdout


def report(*dependencies):
    return json.dumps({"dependencies": list(dependencies), "fixes": []})


def test_a_known_vulnerability_fails():
    vulnerable = {
        "name": "django",
        "version": "5.2.0",
        "vulns": [{"id": "PYSEC-0000-1", "fix_versions": ["5.2.1"], "aliases": [], "description": ""}],
    }
    status, message = audit_dependencies.verdict(1, report(vulnerable), "")
    assert status == 1
    assert "django 5.2.0: PYSEC-0000-1 (fixed in 5.2.1)" in message


def test_a_clean_report_passes():
    status, message = audit_dependencies.verdict(0, report({"name": "django", "version": "5.2.19", "vulns": []}), "")
    assert (status, message) == (0, "No known vulnerabilities in 1 packages.")


@pytest.mark.parametrize("stderr", ["", "ERROR: invalid requirement: 'django=='"])
def test_any_other_failure_fails(stderr):
    status, _message = audit_dependencies.verdict(1, "", stderr)
    assert status == 2
