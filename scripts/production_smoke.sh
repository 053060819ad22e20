#!/usr/bin/env bash
# Production smoke test (docs/deployment.md end to end): make smoke, and CI after the test suites.
# Needs PostgreSQL on 127.0.0.1:5432 (user postgres), Redis on 127.0.0.1:6379 (database 4), pg tools.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-.venv/bin/python}
exec timeout --signal=INT 180 "$PYTHON" scripts/production_smoke.py
