"""The task queue's health, for /readyz (cms/health.py) and monitoring: is anything waiting too long?

django-tasks-db keeps no worker heartbeat; the age of the oldest task that is ready to run says the
same thing from the outside: with no worker (or too few) it grows.
"""

from datetime import timedelta

from django.utils import timezone
from django_tasks import task_backends
from django_tasks_db import DatabaseBackend
from django_tasks_db.models import DBTaskResult, get_date_max


def queue_health(max_wait=timedelta(minutes=5)):
    """(ok, detail): ok unless a task has been ready to run for longer than ``max_wait``."""
    backend = task_backends["default"]
    if not isinstance(backend, DatabaseBackend):
        return True, f"{type(backend).__name__}: tasks run where they are enqueued"
    now = timezone.now()
    ready = DBTaskResult.objects.ready().filter(backend_name=backend.alias)
    waiting = ready.count()
    if not waiting:
        return True, "no task waiting"
    # Ready since it was enqueued, or since its run_after for a deferred task.
    oldest = min(
        max(enqueued_at, run_after) if run_after != get_date_max() else enqueued_at
        for enqueued_at, run_after in ready.order_by("enqueued_at").values_list("enqueued_at", "run_after")[:100]
    )
    age = now - oldest
    detail = f"{waiting} task(s) waiting, the oldest for {int(age.total_seconds())} s"
    if age > max_wait:
        return False, f"{detail}: is a worker (manage.py db_worker) running?"
    return True, detail
