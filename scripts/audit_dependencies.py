"""Audit the locked requirements against the PyPI advisory database (pip-audit) for CI.

Exit 0 when no known vulnerability is found, 1 when one is (the build fails), 0 with a message when
the advisory service cannot be reached (CI must work offline), 2 when pip-audit fails otherwise.

    python scripts/audit_dependencies.py [requirements/base.txt requirements/dev.txt]
"""

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_REQUIREMENTS = [ROOT / "requirements" / "base.txt", ROOT / "requirements" / "dev.txt"]
# What requests/urllib3 say when no connection to the service (or the proxy before it) can be made.
UNREACHABLE_MARKERS = (
    "ConnectionError",
    "ConnectTimeout",
    "ProxyError",
    "Max retries exceeded",
    "Failed to establish a new connection",
    "Name or service not known",
    "Temporary failure in name resolution",
    "Network is unreachable",
    "Connection refused",
    "Read timed out",
)
TIMEOUT = os.environ.get("AUDIT_TIMEOUT", "15")  # seconds per request to the advisory service


def pip_audit_command(requirements, output):
    command = [sys.executable, "-m", "pip_audit", "--progress-spinner", "off", "--timeout", TIMEOUT]
    for path in requirements:
        command += ["-r", str(path)]
    # The files are fully pinned (uv pip compile): nothing to resolve, no virtualenv to build.
    return command + ["--no-deps", "--disable-pip", "--format", "json", "--output", str(output)]


def verdict(returncode, report_text, stderr):
    """(exit status, message) for one pip-audit run."""
    report = None
    if report_text.strip():
        try:
            report = json.loads(report_text)
        except json.JSONDecodeError:
            report = None
    if report is not None:
        found = [
            f"{dependency['name']} {dependency['version']}: {vulnerability['id']}"
            + (f" (fixed in {', '.join(vulnerability['fix_versions'])})" if vulnerability.get("fix_versions") else "")
            for dependency in report.get("dependencies", [])
            for vulnerability in dependency.get("vulns", [])
        ]
        if found:
            return 1, "Known vulnerabilities:\n  " + "\n  ".join(found)
        if returncode == 0:
            return 0, f"No known vulnerabilities in {len(report.get('dependencies', []))} packages."
    if any(marker in stderr for marker in UNREACHABLE_MARKERS):
        return 0, "Dependency audit skipped: the advisory database could not be reached (offline?)."
    return 2, f"pip-audit failed (exit {returncode}):\n{stderr.strip()}"


def main(argv):
    requirements = [Path(arg) for arg in argv] or DEFAULT_REQUIREMENTS
    with tempfile.TemporaryDirectory() as scratch:
        output = Path(scratch) / "report.json"
        result = subprocess.run(pip_audit_command(requirements, output), capture_output=True, text=True)
        report_text = output.read_text() if output.exists() else ""
    status, message = verdict(result.returncode, report_text, result.stderr)
    print(message, file=sys.stderr if status else sys.stdout)
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
