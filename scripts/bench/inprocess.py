"""Warm queries and CPU time per request, in-process, for the home and programme pages, the call and
event pages, the call, event and partnership listings, the search, the sitemap, the API list and
detail, the feed and the calendar, in German, French and Arabic.

Runs the site through Django's test client (no server, no network), so that the figures show what
the application costs and not the machine's load: CPU is this process's CPU time per request.
Needs the demo content (``manage.py load_demo_content``) in the database of ``DATABASE_URL``::

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/kz .venv/bin/python scripts/bench/inprocess.py

Environment: ``N`` requests per URL (default 20), ``ONLY`` a comma-separated list of names,
``LANGS`` (default ``de,fr,ar-dz``), ``SHOW_QUERIES=1`` prints each URL's warm queries,
``PROFILE=cumulative`` (or ``tottime``) prints a cProfile of 20 more requests (``PROFILE_LINES`` rows,
default 40).
A benchmark, not a test: it asserts only that every URL answers 200.
"""

import cProfile
import io
import os
import pstats
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings.dev")
os.environ["DEBUG"] = "0"
os.environ.setdefault("PAGE_CACHE", "off")
os.environ.setdefault("DATABASE_CONN_MAX_AGE", "60")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))


def urls(language):
    from home.models import HomePage
    from programmes.models import (
        CallForParticipationPage,
        CallIndexPage,
        EventIndexPage,
        EventPage,
        PartnershipIndexPage,
        ProgrammePage,
        ProgrammePhasePage,
        TopicPage,
    )
    from scripts.bench.targets import SEARCH_QUERY, first_live, page_path

    call = first_live(CallForParticipationPage, language)
    return {
        "home": page_path(first_live(HomePage, language)),
        "programme": page_path(first_live(ProgrammePage, language)),
        "phase": page_path(first_live(ProgrammePhasePage, language)),
        "topic": page_path(first_live(TopicPage, language)),
        "partnerships": page_path(first_live(PartnershipIndexPage, language)),
        "call": page_path(call),
        "call_index": page_path(first_live(CallIndexPage, language)),
        "event": page_path(first_live(EventPage, language)),
        "event_index": page_path(first_live(EventIndexPage, language)),
        "search": f"/{language}/search/?q={SEARCH_QUERY}",
        "sitemap": "/sitemap.xml",
        "api_list": f"/api/v2/pages/?type=programmes.CallForParticipationPage&fields=*&locale={language}",
        "api_detail": f"/api/v2/pages/{call.pk}/",
        "feed": f"/{language}/feeds/events.atom",
        "calendar": f"/{language}/calendar/events.ics",
    }


def main():
    import django

    django.setup()

    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    count = int(os.environ.get("N", "20"))
    only = set(filter(None, os.environ.get("ONLY", "").split(",")))
    host = settings.PUBLIC_URL.split("://", 1)[-1]
    client = Client(HTTP_HOST=host)
    print(f"{'what':12} {'lang':6} {'queries':>7} {'CPU ms':>7} {'wall ms':>8}")
    for language in os.environ.get("LANGS", "de,fr,ar-dz").split(","):
        for name, url in urls(language).items():
            if only and name not in only:
                continue
            for _ in range(3):  # warm: the caches a visitor before filled
                response = client.get(url)
                assert response.status_code == 200, (url, response.status_code)
            connection.queries_log.clear()
            with CaptureQueriesContext(connection) as context:
                client.get(url)
            queries = list(context.captured_queries)  # read now: the next request empties the log
            cpu, wall = [], []
            for _ in range(count):
                started, started_cpu = time.perf_counter(), time.process_time()
                client.get(url)
                wall.append((time.perf_counter() - started) * 1000)
                cpu.append((time.process_time() - started_cpu) * 1000)
            print(
                f"{name:12} {language:6} {len(queries):7} {statistics.median(cpu):7.1f} {statistics.median(wall):8.1f}"
                f"  {url}",
                flush=True,
            )
            if os.environ.get("SHOW_QUERIES"):
                for query in queries:
                    print("   ", query["sql"][:60], "…", query["sql"].partition(" WHERE ")[2][:200])
            if sort := os.environ.get("PROFILE"):
                profile = cProfile.Profile()
                profile.enable()
                for _ in range(20):
                    client.get(url)
                profile.disable()
                out = io.StringIO()
                pstats.Stats(profile, stream=out).sort_stats(sort).print_stats(
                    int(os.environ.get("PROFILE_LINES", "40"))
                )
                print(out.getvalue())


if __name__ == "__main__":
    main()
