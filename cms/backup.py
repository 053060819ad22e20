"""Back up and restore the database and the media files, as one directory per backup.

A backup directory holds ``database.dump`` (``pg_dump --format=custom``), ``media.tar`` (every file of
the default storage: the S3 bucket or MEDIA_ROOT, read through Django's storage API so both work the
same) and ``manifest.json`` (when, the applied migrations, and the size and SHA-256 of each file).
Restore goes into an EMPTY database and an EMPTY storage only, checks every checksum first, and keeps
the storage keys exactly, so the image and document rows of the dump point at their files again.

Used by ``manage.py backup_site`` / ``restore_site`` and deploy/backup.sh / restore.sh.
"""

import hashlib
import json
import os
import shutil
import subprocess
import tarfile
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.db import connections
from django.db.migrations.recorder import MigrationRecorder

MANIFEST = "manifest.json"
DATABASE_DUMP = "database.dump"
MEDIA_ARCHIVE = "media.tar"
FORMAT_VERSION = 1


class BackupError(Exception):
    pass


def _postgres(alias="default"):
    """libpq arguments and environment for pg_dump/pg_restore from the Django database settings."""
    db = settings.DATABASES[alias]
    if db["ENGINE"] != "django.db.backends.postgresql":
        raise BackupError(f"Backups need PostgreSQL (DATABASE_URL); this database is {db['ENGINE']}.")
    args = ["--dbname", db["NAME"]]
    if db.get("HOST"):
        args += ["--host", db["HOST"]]
    if db.get("PORT"):
        args += ["--port", str(db["PORT"])]
    if db.get("USER"):
        args += ["--username", db["USER"]]
    env = {**os.environ}
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = db["PASSWORD"]  # never on the command line, where ps would show it
    return args, env


def _run(command, env):
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()[-2000:]}")
    return result


def _sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def storage_files(storage, directory=""):
    """Every file name in a storage, recursively, in a stable order."""
    directories, files = storage.listdir(directory)
    names = [f"{directory}{name}" for name in files]
    for sub in directories:
        names += storage_files(storage, f"{directory}{sub}/")
    return sorted(names)


def _applied_migrations():
    recorder = MigrationRecorder(connections["default"])
    latest = {}
    for app, name in recorder.migration_qs.values_list("app", "name").order_by("app", "name"):
        latest[app] = name
    return latest


def backup(destination, log=print):
    """Write a new backup directory under ``destination`` and return its path."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = Path(destination) / f"kz-backup-{stamp}"
    partial = target.with_name(target.name + ".partial")
    partial.mkdir(parents=True)
    try:
        args, env = _postgres()
        log(f"database -> {DATABASE_DUMP}")
        _run(
            ["pg_dump", "--format=custom", "--no-owner", "--no-privileges", "--file", partial / DATABASE_DUMP, *args],
            env,
        )

        storage = storages["default"]
        names = storage_files(storage)
        log(f"media ({type(storage).__name__}, {len(names)} files) -> {MEDIA_ARCHIVE}")
        media = []
        with tarfile.open(partial / MEDIA_ARCHIVE, "w") as archive:
            for name in names:
                # Through a local spool file: a large upload is never held in memory whole.
                with storage.open(name, "rb") as handle, tempfile.TemporaryFile() as spool:
                    digest = hashlib.sha256()
                    for block in iter(lambda handle=handle: handle.read(1 << 20), b""):
                        digest.update(block)
                        spool.write(block)
                    info = tarfile.TarInfo(name)
                    info.size = spool.tell()
                    info.mtime = int(datetime.now(UTC).timestamp())
                    spool.seek(0)
                    archive.addfile(info, spool)
                media.append({"name": name, "size": info.size, "sha256": digest.hexdigest()})

        manifest = {
            "format": FORMAT_VERSION,
            "created": datetime.now(UTC).isoformat(timespec="seconds"),
            "storage": type(storage).__name__,
            "migrations": _applied_migrations(),
            "files": {
                name: {"size": (partial / name).stat().st_size, "sha256": _sha256(partial / name)}
                for name in (DATABASE_DUMP, MEDIA_ARCHIVE)
            },
            "media": media,
        }
        (partial / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n")
        partial.rename(target)  # a backup directory without .partial is complete
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    return target


def read_manifest(source):
    source = Path(source)
    path = source / MANIFEST
    if not path.is_file():
        raise BackupError(f"{source} has no {MANIFEST}: not a complete backup.")
    manifest = json.loads(path.read_text())
    if manifest.get("format") != FORMAT_VERSION:
        raise BackupError(f"Unknown backup format {manifest.get('format')!r}.")
    for name, expected in manifest["files"].items():
        if _sha256(source / name) != expected["sha256"]:
            raise BackupError(f"{name} does not match its checksum in the manifest: the backup is damaged.")
    return manifest


def _database_is_empty():
    with connections["default"].cursor() as cursor:
        return not connections["default"].introspection.table_names(cursor)


def restore(source, log=print):
    """Restore a backup directory into the empty database and the empty storage of the current settings."""
    source = Path(source)
    manifest = read_manifest(source)
    storage = storages["default"]
    if not _database_is_empty():
        raise BackupError("The database is not empty. Restore into a new, empty database (createdb).")
    if storage_files(storage):
        raise BackupError(f"The media storage ({type(storage).__name__}) is not empty. Restore into an empty one.")

    args, env = _postgres()
    log(f"{DATABASE_DUMP} -> database")
    connections["default"].close()  # pg_restore needs no competing session holding locks
    _run(
        [
            "pg_restore",
            "--no-owner",
            "--no-privileges",
            "--single-transaction",
            "--exit-on-error",
            *args,
            source / DATABASE_DUMP,
        ],
        env,
    )

    expected = {entry["name"]: entry for entry in manifest["media"]}
    log(f"{MEDIA_ARCHIVE} ({len(expected)} files) -> {type(storage).__name__}")
    with tarfile.open(source / MEDIA_ARCHIVE, "r") as archive:
        for member in archive:
            if not member.isfile() or member.name not in expected:
                raise BackupError(f"Unexpected entry {member.name!r} in {MEDIA_ARCHIVE}.")
            data = archive.extractfile(member).read()
            if hashlib.sha256(data).hexdigest() != expected[member.name]["sha256"]:
                raise BackupError(f"{member.name} does not match its checksum.")
            saved = storage.save(member.name, ContentFile(data))
            if saved != member.name:  # the storage renamed it: rows in the database would not find it
                raise BackupError(f"The storage saved {member.name!r} as {saved!r}.")
    return manifest
