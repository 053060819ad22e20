"""Scheduled jobs run once per period, however many schedulers (hosts) run them."""

import threading
import time
from collections import Counter
from datetime import UTC, datetime, timedelta

from django.db import connection

from cms import jobs
from cms.models import ScheduledJobRun
from cms.tests.processes import finish, shared_database, start

NOW = datetime(2026, 12, 7, 10, 30, 20, tzinfo=UTC)  # a Monday


def job(name="test_job", every=timedelta(minutes=1), run=lambda: None, timeout=None):
    return jobs.Job(name, every, run, timeout or every)


def test_periods():
    assert job().period_start(NOW) == datetime(2026, 12, 7, 10, 30, tzinfo=UTC)
    assert job(every=timedelta(days=1)).period_start(NOW) == datetime(2026, 12, 7, tzinfo=UTC)
    assert job(every=timedelta(weeks=1)).period_start(NOW + timedelta(days=3)) == datetime(2026, 12, 7, tzinfo=UTC)


def test_the_jobs_of_docs_deployment_are_registered():
    assert {job.name for job in jobs.registered()} >= {
        "publish_scheduled",
        "retry_mail",
        "purge_expired_submissions",
        "prune_task_results",
        "searchpromotions_garbage_collect",
        "update_index",
        "check_links",
    }


def test_once_per_period(db):
    runs = []
    minutely = job(run=lambda: runs.append(1))
    assert jobs.run_job(minutely, NOW)
    assert not jobs.run_job(minutely, NOW + timedelta(seconds=30))  # same minute: another scheduler ran it
    assert jobs.run_job(minutely, NOW + timedelta(seconds=40))  # 10:31: the next period
    assert len(runs) == 2
    record = ScheduledJobRun.objects.get(name="test_job")
    assert record.succeeded and record.running_until is None and record.finished_at is not None


def test_a_run_in_progress_blocks_the_next_period_until_its_timeout(db):
    minutely = job(timeout=timedelta(minutes=5))
    assert jobs.claim(minutely, NOW)  # this scheduler is still running it (or died)
    assert not jobs.claim(minutely, NOW + timedelta(minutes=1))
    assert jobs.claim(minutely, NOW + timedelta(minutes=6))  # it died: the job is not blocked for ever


def test_a_failing_job_is_recorded_and_the_others_still_run(db, monkeypatch):
    ran = []

    def broken():
        raise RuntimeError("boom")

    monkeypatch.setattr(jobs, "_registry", {})
    jobs.register("a_broken", timedelta(minutes=1), broken)
    jobs.register("b_working", timedelta(minutes=1), lambda: ran.append(1))
    assert [job.name for job in jobs.run_due(NOW)] == ["a_broken", "b_working"]
    assert ran == [1]
    failed = ScheduledJobRun.objects.get(name="a_broken")
    assert failed.succeeded is False and "boom" in failed.detail and failed.running_until is None


def test_two_schedulers_at_the_same_moment_run_a_job_once(transactional_db):
    """Two threads, each with its own database connection, claim the same period at once."""
    runs = []
    start_together = threading.Barrier(2)

    def slow():
        runs.append(threading.get_ident())
        time.sleep(0.2)

    minutely = job(run=slow)
    jobs.claim(job(name="warm_up"), NOW)  # the table exists before the threads race

    def scheduler(results):
        try:
            start_together.wait()
            results.append(jobs.run_job(minutely, NOW))
        finally:
            connection.close()

    results = []
    threads = [threading.Thread(target=scheduler, args=(results,)) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert sorted(results) == [False, True] and len(runs) == 1


def test_scheduler_processes_on_two_hosts_run_each_job_once_per_period(transactional_db, tmp_path):
    with shared_database(tmp_path) as (database_url, query):
        outputs = finish([start(database_url, "run_scheduled_jobs", "--once") for _host in range(2)])
        runs = Counter(tuple(line.split()[1::2]) for out, _err in outputs for line in out.splitlines())
        assert runs and set(runs.values()) == {1}, runs
        assert {name for name, _period in runs} == {job.name for job in jobs.registered()}
        # Later in the same period a scheduler finds nothing left but the jobs of a new minute.
        ((out, _err),) = finish([start(database_url, "run_scheduled_jobs", "--once")])
        again = {line.split()[1] for line in out.splitlines()}
        assert again <= {job.name for job in jobs.registered() if job.every == timedelta(minutes=1)}
        states = dict(query("SELECT name, succeeded FROM cms_scheduledjobrun"))
        assert all(states[name] for name, _period in runs), states
