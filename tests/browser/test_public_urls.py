"""Every absolute URL the platform hands out works: the demo site on the live server (the default Site at
the live server's address, as `make run` puts it at PUBLIC_URL) is crawled from the API index, the feeds,
the calendars, the sitemap, robots.txt, the widget, every page's head and a registration e-mail; each
absolute URL found is requested and must answer 200 (after redirects, e.g. the API's ``find``).

No browser is needed; marked ``browser`` because it shares the browser tests' demo content and live server.
"""

import base64
import html
import json
import re
import urllib.error
import urllib.request
from collections import deque
from urllib.parse import urlsplit

import pytest
from django.db import transaction

pytestmark = pytest.mark.browser

ABSOLUTE = re.compile(r"""https?://[^\s"'<>\\]+""")
HEAD_LINK = re.compile(r"""<(?:link|meta|a)\b[^>]*>""")
ATTR = re.compile(r"""(?:href|content)="(https?://[^"]+)\"""")
ICS_URL = re.compile(r"^URL[;:][^\r\n]*?(https?://\S+)", re.MULTILINE)
OUR_HOSTS = {"localhost", "127.0.0.1", "testserver"}


def fetch(url):
    """(final URL, content type, text); a 4xx or 5xx fails the test with the URL."""
    try:
        with urllib.request.urlopen(url, timeout=60) as response:  # follows redirects
            return response.url, response.headers.get_content_type(), response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        pytest.fail(f"{url} answered {error.code}")


def urls_in(url, content_type, text):
    """The absolute URLs a document hands out: all of them in API JSON, feeds, sitemaps, calendars,
    robots.txt and the widget; in pages the head (hreflang, canonical, og:url, og:image, JSON-LD) and the
    language switcher."""
    if content_type == "text/html" and "/widget/" not in url:
        head, _sep, body = text.partition("</head>")
        found = [m for tag in HEAD_LINK.findall(head) for m in ATTR.findall(tag)]
        for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', head, re.S):
            found += ABSOLUTE.findall(block)
        found += [m for tag in re.findall(r"<a\b[^>]*\bhreflang=[^>]*>", body) for m in ATTR.findall(tag)]
        return found
    if content_type == "text/calendar":
        return ICS_URL.findall(text.replace("\r\n ", ""))  # unfolded lines
    return ABSOLUTE.findall(text)


def crawl(root, seeds, limit=1500):
    """Breadth first over every URL under ``root`` found in the seeds and what they lead to."""
    foreign = []
    seen, queue = set(seeds), deque(seeds)
    while queue:
        url = queue.popleft()
        _final, content_type, text = fetch(url)
        for found in urls_in(url, content_type, text):
            found = html.unescape(found).rstrip(".,;)")
            if found.startswith(root + "/") or found == root:
                if found not in seen:
                    seen.add(found)
                    queue.append(found)
            elif urlsplit(found).hostname in OUR_HOSTS:
                foreign.append((url, found))  # one of ours, on an address nobody serves
        assert len(seen) < limit, "the crawl does not end"
    assert not foreign, f"absolute URLs not under {root}: {foreign[:10]}"
    return seen


def registration_mail_urls(root):
    """The absolute URLs of a registration confirmation (body and its .ics attachment)."""
    from participation import services
    from participation.models import OutgoingMail
    from programmes.models import EventPage

    event = EventPage.objects.live().filter(locale__language_code="de").order_by("pk").first()
    data = {"name": "Test", "organisation": "Kommune", "email": "test@example.org", "language": "fr"}
    with transaction.atomic():
        services.register(event, data, "public-url-test")
    mail = OutgoingMail.objects.filter(to="test@example.org").latest("pk")
    texts = [mail.body] + [base64.b64decode(item["content"]).decode() for item in mail.attachments]
    urls = [url for text in texts for url in ABSOLUTE.findall(text.replace("\r\n ", ""))]
    ours = [url for url in urls if urlsplit(url).hostname in OUR_HOSTS]
    assert ours and all(url.startswith(root + "/") for url in ours), urls
    return ours


def test_every_absolute_url_answers(demo_site):
    root = demo_site.url
    api_index = json.loads(fetch(f"{root}/api/v2/")[2])
    assert all(url.startswith(root + "/") for url in api_index["endpoints"].values() if isinstance(url, str))
    seeds = [
        f"{root}/api/v2/",
        f"{root}/api/v2/pages/find/?html_path=/fr/",
        f"{root}/sitemap.xml",
        f"{root}/robots.txt",
        f"{root}/widget/demo/",
        f"{root}/widget/?lang=fr",
        *(f"{root}/{code}/feeds/{kind}.atom" for code in ("de", "fr", "ar-dz", "en") for kind in ("calls", "events")),
        *(f"{root}/{code}/calendar/events.ics" for code in ("de", "ar-dz")),
    ]
    seen = crawl(root, seeds)
    print(f"{len(seen)} absolute URLs followed")  # shown with -s
    kinds = {
        "api": "/api/v2/pages/",
        "feed": ".atom",
        "sitemap": "/sitemap.xml",
        "arabic page": "/ar-dz/",
        "english page": "/en/",
    }
    assert all(any(part in url for url in seen) for part in kinds.values()), kinds
    assert len(seen) > 100
    # Pages of each kind came in through the sitemap, API details through the listings.
    assert any("/partnerschaften/" in url or "/partenariats/" in url for url in seen)
    assert any(re.search(r"/api/v2/pages/\d+/", url) for url in seen)
    assert any(url.endswith(".ics") and "/calendar/events/" in url for url in seen)
    for url in registration_mail_urls(root):
        fetch(url)
