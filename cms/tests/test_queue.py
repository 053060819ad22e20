from datetime import timedelta

from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from cms.queue import queue_health
from participation.mail import deliver_mail


def test_without_the_database_queue_there_is_nothing_to_wait_for(settings):
    ok, detail = queue_health()
    assert ok and "ImmediateBackend" in detail


def test_a_task_waiting_too_long_means_no_worker_runs(db, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    assert queue_health() == (True, "no task waiting")
    deliver_mail.enqueue(1)
    ok, detail = queue_health()
    assert ok and detail.startswith("1 task(s) waiting")
    DBTaskResult.objects.update(enqueued_at=timezone.now() - timedelta(minutes=6))
    ok, detail = queue_health()
    assert not ok and "db_worker" in detail
    # Deferred to the future: not waiting yet.
    DBTaskResult.objects.update(run_after=timezone.now() + timedelta(minutes=1))
    assert queue_health() == (True, "no task waiting")
