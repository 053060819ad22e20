"""sitemap.xml with hreflang alternates, and robots.txt.

Every live, public, real page is listed once under its own URL; its <xhtml:link> alternates name
each live real translation plus x-default (the German version). Aliases (pages not yet translated)
are not listed: they show the German text, whose own URL is the canonical one. Apps add entries that
are not pages (such as partnerships, snippets with a page of their own) as ``SitemapSource``
contributions (cms/platform.py), listed the same way, one entry per language version.
"""

from collections import defaultdict
from functools import partial

from django.conf import settings
from django.http import HttpResponse
from django.urls import reverse
from django.utils.html import escape
from wagtail.models import Page, Site

from cms import content_cache
from cms.api.http import conditional
from cms.languages import bcp47
from cms.localization import public_pages
from cms.platform import registry
from cms.public_url import absolute


def sitemap_pages(request):
    site = Site.find_for_request(request) or Site.objects.filter(is_default_site=True).first()
    if site is None:
        return []
    root_keys = Page.objects.filter(pk=site.root_page_id).values("translation_key")
    roots = list(Page.objects.filter(translation_key__in=root_keys).values_list("path", flat=True))
    pages = public_pages(Page.objects.live().filter(alias_of__isnull=True)).select_related("locale")
    result = []
    for page in pages.order_by("path"):
        if any(page.path.startswith(root) for root in roots):
            result.append(page)
    return result


@conditional
def sitemap_view(request):
    # Only published content, no date-driven status (scheduled publishing and expiry are publishes and
    # unpublishes): kept in the content cache until content changes.
    body = content_cache.cached(
        "sitemap", (request.get_host(),), partial(sitemap_xml, request), language="", until_next_change=False
    )
    # No Last-Modified: partnerships carry no date, and a sitemap older than one of them must not
    # be answered with 304 to If-Modified-Since. The ETag (a hash of the body) covers every change.
    return HttpResponse(body, content_type="application/xml; charset=utf-8")


def sitemap_xml(request):
    pages = sitemap_pages(request)
    # (key, language, url, lastmod): pages by translation key, each source's entries by their own key,
    # namespaced by the source's name so that keys of different models never clash.
    entries = []
    for page in pages:
        url = page.get_full_url(request)
        if url:
            entries.append((("page", page.translation_key), page.locale.language_code, url, page.last_published_at))
    for source in registry.sitemap_sources():
        for key, url, code, lastmod in source.entries(request):
            entries.append(((source.name, key), code, url, lastmod))
    by_key = defaultdict(dict)
    for key, code, url, _lastmod in entries:
        by_key[key][code] = url
    order = [code for code, _name in settings.LANGUAGES]
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ]
    for key, _code, url, lastmod in entries:
        lines.append("<url>")
        lines.append(f"<loc>{escape(url)}</loc>")
        if lastmod:
            lines.append(f"<lastmod>{lastmod.date().isoformat()}</lastmod>")
        versions = by_key[key]
        if len(versions) > 1:
            for code in sorted(versions, key=lambda c: order.index(c) if c in order else len(order)):
                lines.append(f'<xhtml:link rel="alternate" hreflang="{bcp47(code)}" href="{escape(versions[code])}"/>')
            if settings.LANGUAGE_CODE in versions:
                lines.append(
                    f'<xhtml:link rel="alternate" hreflang="x-default" '
                    f'href="{escape(versions[settings.LANGUAGE_CODE])}"/>'
                )
        lines.append("</url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def robots_txt(request):
    sitemap_url = absolute(reverse("sitemap"), request)
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /*/search/",
        "Allow: /",
        "",
        f"Sitemap: {sitemap_url}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
