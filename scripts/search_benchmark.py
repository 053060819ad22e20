"""Search times on the generated data set, for the database in DATABASE_URL.

    DATABASE_URL=... manage.py load_demo_content
    DATABASE_URL=... manage.py generate_search_dataset --pages 10000
    DATABASE_URL=... .venv/bin/python scripts/search_benchmark.py [--repeat 5]

For the fixed query set of search/tests/corpus.py in each language, times

* ``search.query.search_pages`` (what the site and the API call): the first 10 results plus the count;
* the site search page, ``/<language>/search/?q=…``, rendered in full through Django's test client:
  pages and partnerships merged, promotions, excerpts from the bodies with the matched words marked,
  the site's header and footer.

Prints the median and the 95th percentile per language and over all, and how many queries have
results. Figures, not a test: it asserts nothing, but exits with status 1 when a query has no results
(the data set would not measure what it should).
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

from django.db import connection, reset_queries  # noqa: E402
from django.test import Client  # noqa: E402
from wagtail.models import Locale, Page, Site  # noqa: E402

from search.query import search_pages  # noqa: E402
from search.tests.corpus import QUERIES  # noqa: E402


def p95(times):
    return statistics.quantiles(times, n=20, method="inclusive")[-1] if len(times) > 1 else times[0]


def ms(times):
    return f"median {statistics.median(times) * 1000:7.1f} ms  p95 {p95(times) * 1000:7.1f} ms"


def time_search_pages(query, locale, site):
    started = time.perf_counter()
    results = search_pages(Page.objects.all(), query, locale, site=site)
    first = list(results[:10])
    count = results.count()
    return time.perf_counter() - started, bool(first) and count > 0


def time_search_page(client, language, query):
    started = time.perf_counter()
    response = client.get(f"/{language}/search/", {"q": query})
    elapsed = time.perf_counter() - started
    if response.status_code != 200:
        raise SystemExit(f"/{language}/search/?q={query}: status {response.status_code}")
    return elapsed, bool(response.context_data["results"])  # a TemplateResponse keeps its context


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    site = Site.objects.get(is_default_site=True)
    # The default site's address: the page is routed and its links built as for a visitor.
    client = Client(HTTP_HOST=site.hostname)
    print(f"{connection.vendor}: {Page.objects.count()} pages in the database, {args.repeat} runs per query")
    totals = {"search_pages": [], "page": []}
    missing = []
    for language, queries in QUERIES.items():
        locale = Locale.objects.get(language_code=language)
        times = {"search_pages": [], "page": []}
        answered = 0
        client.get(f"/{language}/search/", {"q": queries[0][0]})  # fills caches once, as a running site has them
        for query, _key in queries:
            found = True
            for _ in range(args.repeat):
                elapsed, hits = time_search_pages(query, locale, site)
                times["search_pages"].append(elapsed)
                elapsed, shown = time_search_page(client, language, query)
                times["page"].append(elapsed)
                found = found and hits and shown
                reset_queries()  # DEBUG keeps every query otherwise
            answered += found
            if not found:
                missing.append((language, query))
        for name in totals:
            totals[name] += times[name]
        print(
            f"  {language:6} search_pages {ms(times['search_pages'])} | search page {ms(times['page'])} "
            f"| {answered}/{len(queries)} queries with results"
        )
    print(f"  all    search_pages {ms(totals['search_pages'])} | search page {ms(totals['page'])}")
    if missing:
        print(f"Queries without results: {missing}")
        sys.exit(1)


if __name__ == "__main__":
    main()
