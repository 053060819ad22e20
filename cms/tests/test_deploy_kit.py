"""The operator kit stays complete: every environment variable the settings read is in deploy/env.example,
and the systemd units and the Procfile start commands that exist."""

import ast
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

from django.core.management import get_commands

ROOT = Path(__file__).resolve().parents[2]
ENV_EXAMPLE = ROOT / "deploy" / "env.example"
UNITS = sorted((ROOT / "deploy" / "systemd").glob("*.service"))
PROCFILE = ROOT / "Procfile"

ENV_READERS = {"get", "getenv", "env_bool", "env_list", "env_int"}


def variables_read(path):
    """Names read via os.environ.get/[]/getenv or the settings' env_* helpers, found in the syntax tree."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            is_environ = isinstance(func, ast.Attribute) and ast.unparse(func.value) in {"os.environ", "os"}
            if (name in {"get", "getenv"} and is_environ) or name in ENV_READERS - {"get", "getenv"}:
                names.add(node.args[0].value)
        elif isinstance(node, ast.Subscript) and ast.unparse(node.value) == "os.environ":
            if isinstance(node.slice, ast.Constant):
                names.add(node.slice.value)
    return names


def documented_variables():
    return set(re.findall(r"^#?([A-Z][A-Z0-9_]+)=", ENV_EXAMPLE.read_text(), flags=re.MULTILINE))


def test_every_variable_the_settings_read_is_in_env_example():
    sources = [*sorted((ROOT / "settings").glob("*.py")), ROOT / "deploy" / "gunicorn.conf.py"]
    read = set().union(*(variables_read(path) for path in sources))
    assert {"SECRET_KEY", "DATABASE_URL", "REDIS_URL", "GUNICORN_BIND"} <= read  # the parser finds them
    missing = sorted(read - documented_variables())
    assert not missing, f"add to deploy/env.example with meaning and default: {missing}"


def test_the_parser_sees_every_way_of_reading_the_environment(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text(
        'import os\na = os.environ.get("A")\nb = os.environ["B"]\nc = os.getenv("C", "")\n'
        'd = env_bool("D")\ne = env_list("E", "x")\nf = {}.get("NOT_ENV")\n'
    )
    assert variables_read(sample) == {"A", "B", "C", "D", "E"}


def manage_commands(command_line):
    words = shlex.split(command_line)
    return [words[i + 1] for i, word in enumerate(words[:-1]) if word == "manage.py"]


def started_command_lines():
    lines = []
    for unit in UNITS:
        lines += re.findall(r"^ExecStart=(.+)$", unit.read_text(), flags=re.MULTILINE)
    for line in PROCFILE.read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            lines += [part for part in line.split(":", 1)[1].split("&&")]
    return lines


def test_units_and_procfile_start_commands_that_exist():
    lines = started_command_lines()
    names = {name for line in lines for name in manage_commands(line)}
    assert {"db_worker", "run_scheduled_jobs", "migrate", "collectstatic"} <= names
    available = set(get_commands())
    assert names <= available, f"commands that do not exist: {sorted(names - available)}"
    for line in lines:
        if "gunicorn" in line:
            config = shlex.split(line)[shlex.split(line).index("-c") + 1]
            assert (ROOT / config).is_file(), config


def test_every_unit_reads_the_same_env_file_and_runs_production_settings():
    assert [unit.name for unit in UNITS] == [
        "kommunal-scheduler.service",
        "kommunal-web.service",
        "kommunal-worker.service",
    ]
    for unit in UNITS:
        text = unit.read_text()
        assert "EnvironmentFile=/etc/kommunal/env" in text, unit.name
        assert "DJANGO_SETTINGS_MODULE=settings.production" in text, unit.name
    procfile_types = [line.split(":")[0] for line in PROCFILE.read_text().splitlines() if line and line[0] != "#"]
    assert procfile_types == ["release", "web", "worker", "scheduler"]


def test_gunicorn_accepts_the_config_and_loads_the_app():
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "settings.test", "GUNICORN_WORKERS": "2"}
    result = subprocess.run(
        [sys.executable, "-m", "gunicorn", "--check-config", "-c", "deploy/gunicorn.conf.py", "cms.wsgi"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    env["LOG_FORMAT"] = "json"
    result = subprocess.run(
        [sys.executable, "-m", "gunicorn", "--print-config", "-c", "deploy/gunicorn.conf.py", "cms.wsgi"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert re.search(r"logger_class\s+= cms.gunicorn_logging.JsonAccessLogger", result.stdout)
    assert re.search(r"workers\s+= 2", result.stdout)
