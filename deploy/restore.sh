#!/usr/bin/env bash
# Restore a backup into an EMPTY database and an EMPTY media storage (docs/deployment.md, "Restore").
#   deploy/restore.sh /var/backups/kommunal/kz-backup-20260101T023000Z
# Stop web, worker and scheduler first; create the empty database (createdb) and bucket beforehand.
# Afterwards: manage.py migrate (if the code is newer than the backup), then start the services.
set -euo pipefail
APP_DIR=${APP_DIR:-$(cd "$(dirname "$0")/.." && pwd)}
ENV_FILE=${ENV_FILE:-/etc/kommunal/env}
BACKUP=${1:?usage: restore.sh BACKUP_DIRECTORY}

if [ -r "$ENV_FILE" ]; then set -a; . "$ENV_FILE"; set +a; fi
export DJANGO_SETTINGS_MODULE=${DJANGO_SETTINGS_MODULE:-settings.production}
PYTHON=${PYTHON:-$APP_DIR/.venv/bin/python}

BACKUP=$(cd "$BACKUP" && pwd)
cd "$APP_DIR"
"$PYTHON" manage.py restore_site "$BACKUP"
"$PYTHON" manage.py migrate --noinput
