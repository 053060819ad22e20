"""Median search time on the generated data set, for the database in DATABASE_URL.

    DATABASE_URL=... manage.py generate_search_dataset --pages 10000
    DATABASE_URL=... .venv/bin/python scripts/search_benchmark.py [--repeat 5]

Times search.query.search_pages (what the site and the API call) for the fixed query set of
search/tests/corpus.py in each language: the first page of 10 results plus the result count,
as the results page needs them. Prints figures; it is not a test and asserts nothing.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings.dev")

import django

django.setup()

from django.db import connection  # noqa: E402
from wagtail.models import Locale, Page  # noqa: E402

from search.query import search_pages  # noqa: E402
from search.tests.corpus import QUERIES  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    pages = Page.objects.count()
    print(f"{connection.vendor}: {pages} pages in the database")
    all_times = []
    for language, queries in QUERIES.items():
        locale = Locale.objects.get(language_code=language)
        times, hits = [], 0
        for query, _key in queries:
            for _ in range(args.repeat):
                started = time.perf_counter()
                results = search_pages(Page.objects.all(), query, locale)
                first = list(results[:10])
                count = results.count()
                times.append(time.perf_counter() - started)
            hits += bool(first)
            del count
        all_times += times
        print(
            f"  {language:6} median {statistics.median(times) * 1000:7.1f} ms  "
            f"max {max(times) * 1000:7.1f} ms  ({hits}/{len(queries)} queries with results)"
        )
    print(f"  all    median {statistics.median(all_times) * 1000:7.1f} ms over {len(all_times)} searches")


if __name__ == "__main__":
    main()
