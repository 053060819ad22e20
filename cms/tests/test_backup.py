"""Backup and restore round trip on PostgreSQL and an S3 bucket (moto_server), in production settings.

Content in two languages with a registration, an image and a document is backed up from one database
and bucket and restored into an EMPTY database and an EMPTY bucket; pages, translations, registrations
and the bytes of every file must come back the same. A damaged backup and a non-empty target are refused.
"""

import json
import subprocess
import sys

import pytest

from cms.backup import MEDIA_ARCHIVE, BackupError, read_manifest
from tests.servers import (
    ROOT,
    bucket_contents,
    forget_cache,
    manage,
    moto_server,
    postgres_database,
    production_env,
    s3_client,
)


def shell(env, code):
    return manage(env, "shell", "--no-imports", "-c", code).strip().splitlines()[-1]


def script(name, env, *args):
    result = subprocess.run([ROOT / "deploy" / name, *args], cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


@pytest.fixture(scope="module")
def round_trip(tmp_path_factory):
    backups = tmp_path_factory.mktemp("backups")
    with (
        moto_server() as s3,
        postgres_database("kz_ops_src") as source_db,
        postgres_database("kz_ops_dst") as target_db,
    ):
        client = s3_client(s3)
        client.create_bucket(Bucket="kz-source")
        client.create_bucket(Bucket="kz-target")
        source = production_env(source_db, s3, "kz-source")
        target = production_env(target_db, s3, "kz-target")
        try:
            yield run_round_trip(s3, source, target, backups)
        finally:
            forget_cache(source)
            forget_cache(target)


def run_round_trip(s3, source, target, backups):
    manage(source, "migrate", "--noinput", "-v0")
    manage(source, "setup_site", "--hostname", "kommunal.test", "--port", "443")
    ids = json.loads(shell(source, "from tests.ops_content import load_sample_content; load_sample_content()"))
    before = json.loads(shell(source, "from tests.ops_content import snapshot; snapshot()"))
    # Through the operator's scripts, as cron and the runbook run them.
    scripts = {"ENV_FILE": "/nonexistent", "PYTHON": sys.executable, "BACKUP_KEEP": "1"}
    backup_dir = script("backup.sh", {**source, **scripts}, str(backups)).strip().splitlines()[-1]
    restored = script("restore.sh", {**target, **scripts}, backup_dir)
    after = json.loads(shell(target, "from tests.ops_content import snapshot; snapshot()"))
    second = subprocess.run(
        [sys.executable, "manage.py", "restore_site", backup_dir],
        cwd=ROOT,
        env=target,
        capture_output=True,
        text=True,
    )
    # A second nightly run with BACKUP_KEEP=1 leaves only itself.
    newest = script("backup.sh", {**source, **scripts}, str(backups)).strip().splitlines()[-1]
    return {
        "kept": sorted(str(path) for path in backups.iterdir()),
        "newest": newest,
        "ids": ids,
        "before": before,
        "after": after,
        "restored": restored,
        "second": second,
        "backup_dir": backup_dir,
        "source_bucket": bucket_contents(s3, "kz-source"),
        "target_bucket": bucket_contents(s3, "kz-target"),
    }


def test_the_content_to_back_up_is_what_the_test_claims(round_trip):
    before, ids = round_trip["before"], round_trip["ids"]
    locales = {page[1] for page in before["pages"]}
    assert {"de", "fr"} <= locales
    event = next(page for page in before["pages"] if page[0] == ids["event"])
    french = next(page for page in before["pages"] if page[0] == ids["event_fr"])
    assert event[1:3] == ["de", french[2]] and french[1] == "fr"  # one translation key
    assert len(before["registrations"]) == 1
    assert before["images"] and before["documents"]
    image_file = before["images"][0][1]
    assert image_file in before["files"] and before["documents"][0][1] in before["files"]
    # A rendition, too: under renditions/ on S3 (cms/storage_settings.py), images/ on disk.
    assert any(name.startswith(("images/", "renditions/images/")) for name in before["files"]), before["files"]


def test_restore_brings_back_pages_translations_registrations_and_files(round_trip):
    assert round_trip["after"] == round_trip["before"]
    assert "restored the backup" in round_trip["restored"]


def test_the_restored_bucket_holds_the_same_bytes(round_trip):
    source, target = round_trip["source_bucket"], round_trip["target_bucket"]
    assert source and set(target) == set(source)
    assert all(target[key] == source[key] for key in source)


def test_rotation_keeps_the_newest_backups(round_trip):
    assert round_trip["kept"] == [round_trip["newest"]]
    assert round_trip["newest"] != round_trip["backup_dir"]


def test_a_second_restore_into_the_now_full_database_is_refused(round_trip):
    second = round_trip["second"]
    assert second.returncode != 0
    assert "The database is not empty" in second.stderr


def test_a_damaged_backup_is_refused(round_trip, tmp_path):
    import shutil

    copy = tmp_path / "damaged"
    shutil.copytree(round_trip["newest"], copy)
    assert read_manifest(copy)["media"]
    archive = copy / MEDIA_ARCHIVE
    data = bytearray(archive.read_bytes())
    data[-2000] ^= 0xFF
    archive.write_bytes(bytes(data))
    with pytest.raises(BackupError, match="does not match its checksum"):
        read_manifest(copy)
