"""The broken-link check: links on live pages that lead to an unpublished or deleted page, or to an
external address that does not answer properly.

Internal links come from Wagtail's reference index (rich text, page choosers, link blocks, in every
field and StreamField). External addresses are read from the stored content of each rich text,
StreamField and URL field. The check runs in the task worker (``check_links``), daily from the
scheduler (apps.py) and on demand from the report; never in a visitor's or editor's request.

External requests are bounded: a timeout per request, a fixed number of threads, one request at a
time per host with a pause between them, each address checked once per run; HEAD first, then GET for
servers that refuse HEAD.
"""

import html
import json
import re
import threading
import time
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from urllib.parse import urlsplit

import requests
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.utils import timezone
from django_tasks import task
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, ReferenceIndex

from .models import LinkProblem

HREF = re.compile(r"""<a\s[^>]*?href\s*=\s*["']([^"']+)["']""", re.IGNORECASE)
USER_AGENT = "kz-link-check/1 (+https://wagtail.org)"


@dataclass(frozen=True)
class FoundLink:
    page_id: int
    field: str  # the model field's name; the report shows its label in the admin's language
    url: str
    target_page_id: int | None = None  # internal links only


def _external_urls(value):
    """http(s) addresses in stored content: strings that are one, and links in HTML."""
    if isinstance(value, dict):
        for item in value.values():
            yield from _external_urls(item)
    elif isinstance(value, list):
        for item in value:
            yield from _external_urls(item)
    elif isinstance(value, str):
        if value.startswith(("http://", "https://")) and not any(c.isspace() for c in value):
            yield value
        elif "<a" in value:
            for href in HREF.findall(value):
                href = html.unescape(href)
                if href.startswith(("http://", "https://")):
                    yield href


def external_links(page):
    for field in page._meta.concrete_fields:
        if isinstance(field, StreamField):
            raw = field.get_prep_value(field.value_from_object(page))
            value = json.loads(raw) if isinstance(raw, str) else raw
        elif isinstance(field, RichTextField | models.URLField):
            value = field.value_from_object(page)
        else:
            continue
        for url in dict.fromkeys(_external_urls(value)):
            yield FoundLink(page.pk, field.name, url)


def internal_links(pages):
    """Links from ``pages`` to other pages, as the reference index records them."""
    page_type = ContentType.objects.get_for_model(Page)
    by_id = {str(page.pk): page for page in pages}
    references = ReferenceIndex.objects.filter(
        base_content_type=page_type, object_id__in=list(by_id), to_content_type=page_type
    )
    for reference in references:
        field_name = reference.model_path.split(".")[0]
        yield FoundLink(by_id[reference.object_id].pk, field_name, "", int(reference.to_object_id))


class HostPacer:
    """One request at a time per host, at least ``interval`` seconds apart."""

    def __init__(self, interval):
        self.interval = interval
        self._guard = threading.Lock()
        self._locks = defaultdict(threading.Lock)
        self._last = {}

    @contextmanager
    def turn(self, host):
        with self._guard:
            lock = self._locks[host]
        with lock:
            wait = self._last.get(host, float("-inf")) + self.interval - time.monotonic()
            if wait > 0:
                time.sleep(wait)
            try:
                yield
            finally:
                self._last[host] = time.monotonic()


def check_url(url, pacer, timeout):
    """None if ``url`` answers below 400, else (kind, detail)."""
    headers = {"User-Agent": USER_AGENT}
    host = urlsplit(url).hostname or ""
    try:
        with pacer.turn(host):
            response = requests.head(url, timeout=timeout, allow_redirects=True, headers=headers)
            if response.status_code >= 400:
                # Some servers refuse HEAD (405, or 404/403 for HEAD only): ask as a browser would.
                with requests.get(url, timeout=timeout, allow_redirects=True, headers=headers, stream=True) as get:
                    response = get
    except requests.Timeout:
        return LinkProblem.Kind.TIMEOUT, f"> {timeout:g} s"
    except requests.RequestException as error:
        return LinkProblem.Kind.UNREACHABLE, type(error).__name__
    if response.status_code >= 400:
        return LinkProblem.Kind.HTTP_ERROR, f"HTTP {response.status_code}"
    return None


def check_external(urls):
    """{url: None or (kind, detail)}, checked concurrently within the configured bounds."""
    pacer = HostPacer(settings.LINK_CHECK_HOST_INTERVAL)
    urls = list(dict.fromkeys(urls))
    with ThreadPoolExecutor(max_workers=settings.LINK_CHECK_CONCURRENCY) as pool:
        results = pool.map(lambda url: check_url(url, pacer, settings.LINK_CHECK_TIMEOUT), urls)
        return dict(zip(urls, results, strict=True))


def find_problems(pages):
    pages = list(pages)
    internal = list(internal_links(pages))
    external = [link for page in pages for link in external_links(page)]
    targets = dict(Page.objects.filter(pk__in={link.target_page_id for link in internal}).values_list("pk", "live"))
    problems = []
    for link in internal:
        if link.target_page_id not in targets:
            problems.append((link, LinkProblem.Kind.DELETED, ""))
        elif not targets[link.target_page_id]:
            problems.append((link, LinkProblem.Kind.UNPUBLISHED, ""))
    results = check_external(link.url for link in external)
    problems += [(link, *results[link.url]) for link in external if results[link.url]]
    return problems


@task()
def check_links(page_ids=None):
    """Check the links of the given live pages (all live pages if None) and store what is broken."""
    pages = Page.objects.live().filter(alias_of__isnull=True)  # aliases repeat their source's links
    if page_ids is not None:
        pages = pages.filter(pk__in=page_ids)
    pages = list(pages.specific())
    problems = find_problems(pages)
    now = timezone.now()
    with transaction.atomic():
        stale = LinkProblem.objects.all() if page_ids is None else LinkProblem.objects.filter(page_id__in=page_ids)
        stale.delete()
        LinkProblem.objects.bulk_create(
            LinkProblem(
                page_id=link.page_id,
                field=link.field[:255],
                url=link.url,
                target_page_id=link.target_page_id,
                kind=kind,
                detail=detail[:255],
                checked_at=now,
            )
            for link, kind, detail in problems
        )
    return len(problems)
