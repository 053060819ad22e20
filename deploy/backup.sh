#!/usr/bin/env bash
# Nightly backup of the database and all media files (docs/deployment.md, "Back up").
#   deploy/backup.sh [BACKUP_DIR]       e.g. from cron: 30 2 * * * kommunal /srv/kommunal/app/deploy/backup.sh
# Writes BACKUP_DIR/kz-backup-<UTC time>/ (database.dump, media.tar, manifest.json with checksums) and
# removes all but the newest BACKUP_KEEP (default 14) complete backups. Copy BACKUP_DIR off the host.
set -euo pipefail
APP_DIR=${APP_DIR:-$(cd "$(dirname "$0")/.." && pwd)}
ENV_FILE=${ENV_FILE:-/etc/kommunal/env}
BACKUP_DIR=${1:-${BACKUP_DIR:-/var/backups/kommunal}}
BACKUP_KEEP=${BACKUP_KEEP:-14}

if [ -r "$ENV_FILE" ]; then set -a; . "$ENV_FILE"; set +a; fi
export DJANGO_SETTINGS_MODULE=${DJANGO_SETTINGS_MODULE:-settings.production}
PYTHON=${PYTHON:-$APP_DIR/.venv/bin/python}

mkdir -p "$BACKUP_DIR"
umask 077  # the dump holds personal data (registrations): readable by the app user only
cd "$APP_DIR"
"$PYTHON" manage.py backup_site "$BACKUP_DIR"

# Rotation: complete backups only (a failed run leaves no directory; *.partial is removed by backup_site).
ls -1d "$BACKUP_DIR"/kz-backup-*Z 2>/dev/null | sort | head -n -"$BACKUP_KEEP" | while read -r old; do
  rm -rf -- "$old"
done
