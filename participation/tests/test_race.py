"""Two registrations racing for the last place get one place and one waiting-list entry.

On PostgreSQL both run at the same time in two threads (two connections); the event's capacity
row is locked, so the second waits for the first. SQLite allows one writer at a time anyway, so
there the same two registrations run one after the other in two threads: the same outcome must
follow from the same code path. The test runs (and asserts) on both databases.
"""

import threading
import time

from django.db import connection, connections

from participation import services
from participation.models import Registration, RegistrationStatus
from programmes.factories import EventPageFactory


def _register_in_thread(event, email, token, barrier, errors):
    try:
        if barrier:
            barrier.wait(timeout=10)
        services.register(event, {"name": email, "organisation": "Kommune", "email": email, "language": "de"}, token)
    except Exception as error:  # reported to the test below
        errors.append(error)
    finally:
        connections.close_all()


def test_two_registrations_race_for_the_last_place(tx_site, monkeypatch):
    event = EventPageFactory(capacity=1)
    concurrent = connection.vendor == "postgresql"
    original = services.free_places

    def slow_free_places(page):
        # Widen the window between reading the count and inserting: without the lock, both
        # registrations would see the free place here.
        result = original(page)
        time.sleep(0.3)
        return result

    monkeypatch.setattr(services, "free_places", slow_free_places)
    errors = []
    barrier = threading.Barrier(2) if concurrent else None
    threads = [
        threading.Thread(
            target=_register_in_thread, args=(event, f"p{n}@example.org", f"race-token-{n:010d}", barrier, errors)
        )
        for n in range(2)
    ]
    started = time.monotonic()
    if concurrent:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)
    else:
        for thread in threads:
            thread.start()
            thread.join(timeout=30)
    assert not errors, errors
    statuses = sorted(Registration.objects.values_list("status", flat=True))
    assert statuses == [RegistrationStatus.CONFIRMED, RegistrationStatus.WAITING]
    if concurrent:
        # The second registration waited for the first one's lock (two sleeps in a row).
        assert time.monotonic() - started >= 0.6


def test_lock_row_is_created_once(tx_site):
    event = EventPageFactory(capacity=3)
    for n in range(3):
        services.register(
            event, {"name": "N", "organisation": "K", "email": f"q{n}@example.org", "language": "de"}, f"tok-{n:014d}"
        )
    from participation.models import EventCapacity

    assert EventCapacity.objects.get(pk=event.pk).lock_count == 3
