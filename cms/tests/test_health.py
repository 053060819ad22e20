"""/healthz and /readyz: outside the language prefixes, never cached, and each dependency reported on its own.

Every failure is real: Redis on a closed port, a storage whose exists() raises; only the database is mocked.
"""

from datetime import timedelta
from unittest import mock

import pytest
from django.core.checks import Error
from django.core.files.storage import FileSystemStorage
from django.db.utils import OperationalError
from django.test import override_settings
from django.utils import timezone
from django_tasks.backends.dummy import DummyBackend
from django_tasks_db.models import DBTaskResult

from participation.mail import deliver_mail
from tests.services import closed_port


class UnreachableStorage(FileSystemStorage):
    def exists(self, name):
        raise ConnectionError("connect to s3.internal.example:443 failed for user kz-app")


def test_healthz_answers_without_touching_the_database(client):
    # No django_db mark: any query would raise.
    with mock.patch("cms.health.caches", side_effect=AssertionError("cache touched")):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok\n"
    assert response["Content-Type"].startswith("text/plain")
    assert "no-cache" in response["Cache-Control"] and "max-age=0" in response["Cache-Control"]


@pytest.mark.django_db
def test_probes_are_not_redirected_into_a_language(client):
    for path in ("/healthz", "/readyz"):
        response = client.get(path, HTTP_ACCEPT_LANGUAGE="fr")
        assert response.status_code == 200, path
        assert "Location" not in response


@pytest.mark.django_db
def test_readyz_reports_every_dependency_ok(client):
    response = client.get("/readyz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert set(body["checks"]) == {"database", "cache", "storage", "queue"}
    assert all(check["status"] == "ok" for check in body["checks"].values())
    assert body["checks"]["cache"]["detail"] == "LocMemCache"
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_readyz_is_503_when_redis_is_unreachable(client):
    cache = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{closed_port()}/4",
            "KEY_PREFIX": "kz-ops-test",
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 1, "SOCKET_TIMEOUT": 1},
        }
    }
    with override_settings(CACHES=cache):
        response = client.get("/readyz")
    assert response.status_code == 503
    checks = response.json()["checks"]
    assert checks["cache"]["status"] == "error"
    assert checks["cache"]["detail"].startswith("unreachable (")
    assert checks["database"]["status"] == checks["storage"]["status"] == checks["queue"]["status"] == "ok"


@pytest.mark.django_db
def test_readyz_is_503_when_the_storage_fails_and_does_not_publish_the_error_text(client):
    storages = {
        "default": {"BACKEND": f"{__name__}.UnreachableStorage"},
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    with override_settings(STORAGES=storages):
        response = client.get("/readyz")
    assert response.status_code == 503
    storage = response.json()["checks"]["storage"]
    assert storage == {"status": "error", "detail": "unreachable (ConnectionError)", "ms": storage["ms"]}
    assert b"s3.internal.example" not in response.content and b"kz-app" not in response.content


@pytest.mark.django_db
def test_readyz_is_503_when_the_database_fails(client):
    with mock.patch("cms.health.connections") as connections:
        connections.__getitem__.return_value.cursor.side_effect = OperationalError("could not connect to db.internal")
        response = client.get("/readyz")
    assert response.status_code == 503
    checks = response.json()["checks"]
    assert checks["database"] == {"status": "error", "detail": "unreachable (OperationalError)", "ms": mock.ANY}
    assert checks["cache"]["status"] == "ok"


class MisconfiguredBackend(DummyBackend):
    def check(self, **kwargs):
        return [Error("no worker queue configured", id="tasks.E999")]


@pytest.mark.django_db
def test_readyz_is_503_when_the_task_backend_fails_its_own_checks(client):
    with override_settings(TASKS={"default": {"BACKEND": f"{__name__}.MisconfiguredBackend"}}):
        response = client.get("/readyz")
    assert response.status_code == 503
    queue = response.json()["checks"]["queue"]
    assert queue["status"] == "error"
    assert queue["detail"] == "MisconfiguredBackend is misconfigured (tasks.E999)"


@pytest.mark.django_db
def test_readyz_is_503_when_tasks_wait_for_a_worker_too_long(client):
    with override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}):
        response = client.get("/readyz")
        assert response.json()["checks"]["queue"] == {
            "status": "ok",
            "detail": "DatabaseBackend: no task waiting",
            "ms": mock.ANY,
        }
        deliver_mail.enqueue(1)
        DBTaskResult.objects.update(enqueued_at=timezone.now() - timedelta(minutes=6))
        response = client.get("/readyz")
    assert response.status_code == 503
    queue = response.json()["checks"]["queue"]
    assert queue["status"] == "error"
    assert "is a worker (manage.py db_worker) running?" in queue["detail"]


@pytest.mark.django_db
def test_the_checks_are_a_setting_so_another_queue_check_can_replace_this_one(client):
    checks = {"database": "cms.health.check_database", "queue": f"{__name__}.failing_queue_health"}
    with override_settings(READINESS_CHECKS=checks):
        response = client.get("/readyz")
    assert response.status_code == 503
    assert set(response.json()["checks"]) == {"database", "queue"}
    assert response.json()["checks"]["queue"]["detail"] == "3 tasks waiting longer than 10 minutes"


def failing_queue_health():
    from cms.health import CheckFailed

    raise CheckFailed("3 tasks waiting longer than 10 minutes")


@pytest.mark.django_db
def test_readyz_checks_that_the_s3_bucket_exists(client):
    from tests.servers import moto_server, s3_client

    with moto_server() as endpoint:
        s3_client(endpoint).create_bucket(Bucket="kz-ready")

        def s3(bucket):
            options = {
                "bucket_name": bucket,
                "endpoint_url": endpoint,
                "access_key": "testing",
                "secret_key": "testing",
                "region_name": "us-east-1",
            }
            return {
                "default": {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options},
                "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
            }

        with override_settings(STORAGES=s3("kz-ready")):
            ready = client.get("/readyz")
        with override_settings(STORAGES=s3("kz-missing")):
            missing = client.get("/readyz")
    assert ready.status_code == 200
    assert ready.json()["checks"]["storage"]["detail"] == "S3Storage"
    assert missing.status_code == 503
    assert missing.json()["checks"]["storage"]["detail"] == "unreachable (ClientError)"


@pytest.mark.django_db
def test_a_failing_probe_is_one_warning_per_check_not_an_error_per_request(client, caplog):
    with mock.patch("cms.health.connections") as connections:
        connections.__getitem__.return_value.cursor.side_effect = OperationalError("down")
        response = client.get("/readyz")
    assert response.status_code == 503
    assert [(r.name, r.levelname) for r in caplog.records] == [("cms.health", "WARNING")]
