"""Scheduled jobs: what runs how often, and one run per period however many schedulers run.

Every app host may run ``manage.py run_scheduled_jobs``. Before a job runs, its scheduler claims the
current period on the job's row in ``ScheduledJobRun`` with one conditional UPDATE ("period is older
than this one and no run is in progress"); the database lets exactly one scheduler win it, on
PostgreSQL and on SQLite alike, on one host or many. The others skip the job until the next period.
An advisory lock would only keep two runs from overlapping; the period row also stops a second
scheduler that wakes up a second after the first has finished.

Apps add their jobs with ``register`` (participation: mail retries, retention); the core registers
Wagtail's and the task queue's own jobs here.
"""

import io
import logging
import socket
import traceback
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from django.core.management import call_command, get_commands
from django.db import IntegrityError, OperationalError
from django.db.models import Q
from django.utils import timezone
from django_tasks import task, task_backends
from django_tasks_db import DatabaseBackend

from .models import ScheduledJobRun

logger = logging.getLogger(__name__)

EPOCH = datetime(2000, 1, 3, tzinfo=UTC)  # a Monday, 00:00 UTC: weekly periods start on Mondays


@dataclass(frozen=True)
class Job:
    name: str
    every: timedelta
    run: object  # a callable without arguments
    # A run still going after this long is taken for dead and the next period may start.
    timeout: timedelta

    def period_start(self, now):
        return EPOCH + ((now - EPOCH) // self.every) * self.every


_registry = {}


def register(name, every, run, timeout=None):
    _registry[name] = Job(name, every, run, timeout or every)


def command(name, *args, in_worker=False):
    """A job that runs a management command (skipped if the command does not exist here). ``in_worker``:
    long ones are handed to the task queue, so the scheduler's loop (publishing every minute) never
    waits for them."""

    def run():
        if in_worker:
            run_command.enqueue(name, *args)
        else:
            _call(name, *args)

    return run


def _call(name, *args):
    if name in get_commands():
        # Their reports are for people at a terminal; the job's row records success or the error.
        call_command(name, *args, verbosity=0, stdout=io.StringIO())


@task()
def run_command(name, *args):
    """A scheduled management command, run by the worker."""
    _call(name, *args)


def registered():
    return [_registry[name] for name in sorted(_registry)]


def claim(job, now):
    """True if this scheduler won the job's current period (and must run it)."""
    period = job.period_start(now)
    try:
        try:
            ScheduledJobRun.objects.get_or_create(name=job.name)
        except IntegrityError:  # another scheduler created the row at the same moment
            pass
        return bool(
            ScheduledJobRun.objects.filter(Q(period_start__isnull=True) | Q(period_start__lt=period), name=job.name)
            .filter(Q(running_until__isnull=True) | Q(running_until__lt=now))
            .update(
                period_start=period,
                running_until=now + job.timeout,
                started_at=now,
                finished_at=None,
                succeeded=None,
                host=socket.gethostname()[:255],
                detail="",
            )
        )
    except OperationalError as error:  # SQLite locked beyond its timeout: the other scheduler has it
        logger.warning("Could not claim job %s: %s", job.name, error)
        return False


def run_job(job, now=None):
    """Run ``job`` for the current period unless another scheduler did. Returns True if it ran here."""
    now = now or timezone.now()
    if not claim(job, now):
        return False
    succeeded, detail = True, ""
    try:
        job.run()
    except Exception:  # one failing job must not stop the others
        succeeded, detail = False, traceback.format_exc()[-4000:]
        logger.exception("Scheduled job %s failed", job.name)
    finally:
        try:
            ScheduledJobRun.objects.filter(name=job.name).update(
                running_until=None, finished_at=timezone.now(), succeeded=succeeded, detail=detail
            )
        except Exception:  # the job broke the connection; its claim expires after job.timeout
            logger.exception("Could not record the end of scheduled job %s", job.name)
    return True


def run_due(now=None):
    """Run every registered job whose period no scheduler has claimed yet. Returns the jobs run here."""
    now = now or timezone.now()
    return [job for job in registered() if run_job(job, now)]


def _prune_task_results():
    if isinstance(task_backends["default"], DatabaseBackend):
        call_command("prune_db_task_results", "--queue-name", "*", verbosity=0, stdout=io.StringIO())


register("publish_scheduled", timedelta(minutes=1), command("publish_scheduled"))
register("prune_task_results", timedelta(days=1), _prune_task_results)
register("searchpromotions_garbage_collect", timedelta(days=1), command("searchpromotions_garbage_collect"))
register("update_index", timedelta(weeks=1), command("update_index", in_worker=True))
