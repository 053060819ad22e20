"""Liveness (``/healthz``) and readiness (``/readyz``) for process managers and load balancers.

``/healthz`` answers as long as the process can serve a request: no database, cache or storage is
touched, so a slow dependency never gets a healthy process restarted. ``/readyz`` checks each
dependency a request may need and says which one failed; a load balancer takes the host out of
rotation on 503 and back when it answers 200 again.

The checks are the setting ``READINESS_CHECKS`` (name -> dotted path of a function that returns a
short detail or raises). The details are public, so they name the backend, never a host, user or
error text; the full error goes to the log with the request id.
"""

import logging
import time
import uuid

from django.conf import settings
from django.core.cache import caches
from django.core.files.storage import storages
from django.db import connections
from django.http import HttpResponse, JsonResponse
from django.utils.module_loading import import_string
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from django_tasks import task_backends
from django_tasks.exceptions import InvalidTaskBackendError

from cms.queue import queue_health

logger = logging.getLogger(__name__)

DEFAULT_CHECKS = {
    "database": "cms.health.check_database",
    "cache": "cms.health.check_cache",
    "storage": "cms.health.check_storage",
    "queue": "cms.health.check_task_backend",
}
# A name no upload can have (uploads live under original_images/, images/, documents/).
STORAGE_PROBE = "readyz-probe/absent"


class CheckFailed(Exception):
    """A dependency answered, but not as it should; the message is safe to show publicly."""


def check_database():
    with connections["default"].cursor() as cursor:
        cursor.execute("SELECT 1")
        row = cursor.fetchone()
    if row != (1,):
        raise CheckFailed("unexpected answer to SELECT 1")
    return connections["default"].vendor


def check_cache():
    cache = caches["default"]
    key = f"readyz:{uuid.uuid4().hex}"
    value = uuid.uuid4().hex
    cache.set(key, value, timeout=30)
    try:
        if cache.get(key) != value:
            # django-redis with IGNORE_EXCEPTIONS (or a full memcached) drops writes silently.
            raise CheckFailed("a value written was not read back")
    finally:
        cache.delete(key)
    return type(cache).__name__


def check_storage():
    storage = storages["default"]
    bucket = getattr(storage, "bucket_name", None)
    if bucket and hasattr(storage, "connection"):
        # S3: exists() on a missing bucket is just False, so ask for the bucket itself (one HEAD request).
        storage.connection.meta.client.head_bucket(Bucket=bucket)
    else:
        # One metadata request; a fresh MEDIA_ROOT that holds no upload yet is fine.
        storage.exists(STORAGE_PROBE)
    return type(storage).__name__


def check_task_backend():
    """The task backend is configured, passes its own checks and, when it stores tasks, no task has
    waited for a worker too long (cms/queue.py)."""
    try:
        backend = task_backends["default"]
    except InvalidTaskBackendError as error:
        raise CheckFailed("the configured task backend cannot be loaded") from error
    problems = [message for message in backend.check() if message.is_serious()]
    if problems:
        raise CheckFailed(f"{type(backend).__name__} is misconfigured ({problems[0].id or 'check failed'})")
    ok, detail = queue_health()
    if not ok:
        raise CheckFailed(detail)
    return f"{type(backend).__name__}: {detail}"


def _describe(error):
    if isinstance(error, CheckFailed):
        return str(error)
    return f"unreachable ({type(error).__name__})"


def run_checks():
    results = {}
    for name, path in getattr(settings, "READINESS_CHECKS", DEFAULT_CHECKS).items():
        started = time.monotonic()
        try:
            detail = import_string(path)()
            status = "ok"
        except Exception as error:  # any failure of a dependency is a "not ready", never a 500
            logger.warning("readiness check %s failed", name, exc_info=True)
            detail, status = _describe(error), "error"
        results[name] = {
            "status": status,
            "detail": str(detail),
            "ms": round((time.monotonic() - started) * 1000, 1),
        }
    return results


@never_cache
@require_safe
def healthz(request):
    return HttpResponse("ok\n", content_type="text/plain; charset=utf-8")


@never_cache
@require_safe
def readyz(request):
    checks = run_checks()
    ready = all(result["status"] == "ok" for result in checks.values())
    response = JsonResponse({"status": "ok" if ready else "error", "checks": checks}, status=200 if ready else 503)
    # Each failed check was logged above as a warning; without this Django logs every 503 of a probe
    # (every few seconds during an outage) as an ERROR, which error reporting would turn into a flood.
    response._has_been_logged = True
    return response
