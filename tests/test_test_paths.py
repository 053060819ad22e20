"""Every app's tests run: pytest once collected only the folders listed in ``testpaths``
(pyproject.toml), and two apps' tests never ran, in CI or anywhere. Now it collects from the project
root; this checks that no app's tests folder is left out by ``norecursedirs``."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_every_tests_folder_is_collected():
    listed = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:randomly", "-n", "0"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    collected = {line.split("/")[0] for line in listed.splitlines() if "::" in line}
    folders = {path.parent.name for path in ROOT.glob("*/tests") if path.is_dir()}
    assert folders - collected == set()
