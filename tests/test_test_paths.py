"""Every app's tests run: pytest collects only the folders in ``testpaths`` (pyproject.toml), so a new
app's tests folder missing there would never run, in CI or anywhere (it happened to two apps)."""

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_every_tests_folder_is_collected():
    testpaths = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["pytest"]["ini_options"]["testpaths"]
    folders = {path.parent.name for path in ROOT.glob("*/tests") if path.is_dir()}
    assert folders - set(testpaths) == set()
