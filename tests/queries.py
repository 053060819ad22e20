"""Query counting for the query-budget tests of every app (cms/tests, news/tests)."""

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext


def count_queries(url):
    """(cold, warm): the first request after a content change and the one after it."""
    client = Client()
    counts = []
    for _ in range(2):
        with CaptureQueriesContext(connection) as context:
            response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        counts.append(len(context.captured_queries))
    return tuple(counts)
