"""The lean uncached path: what a request looks up once (cms/request_cache.py) and rich text page links
localized in one query (cms/rich_text.py)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import Locale, Page
from wagtail.rich_text import expand_db_html
from wagtail.rich_text.pages import PageLinkHandler

from cms.request_cache import _store, memo
from cms.templatetags.site_tags import breadcrumbs
from programmes.factories import TopicPageFactory, publish_ancestors_in, translate_page

pytestmark = pytest.mark.django_db


def locale_queries(queries):
    return [query["sql"] for query in queries if 'FROM "wagtailcore_locale"' in query["sql"]]


def test_a_request_looks_each_language_up_once(client, site):
    topic = TopicPageFactory(title="Abfallmanagement")
    french = translate_page(topic, "fr", title="Gestion des déchets")
    publish_ancestors_in(french)
    client.get(french.url)  # fills the process-wide caches (content types, site root paths)
    with CaptureQueriesContext(connection) as context:
        assert client.get(french.url).status_code == 200
    lookups = locale_queries(context.captured_queries)
    # Without the per-request memo: a lookup per .localized, per URL and per route (10 or more). Now
    # French and German once each, and the table of all locales (for untranslated content) once.
    assert len(lookups) == len(set(lookups)) <= 3, lookups


def test_outside_a_request_nothing_is_remembered(site):
    with CaptureQueriesContext(connection) as context:
        Locale.get_default()
        Locale.get_default()
    assert len(locale_queries(context.captured_queries)) == 2


def test_within_a_request_the_same_locale_object_is_returned(site):
    token = _store.set({})
    try:
        with translation.override("de"), CaptureQueriesContext(connection) as context:
            first, second = Locale.get_active(), Locale.get_default()
        assert first is second and first.language_code == "de"
        assert len(locale_queries(context.captured_queries)) == 1
        assert memo(("locale", "de"), lambda: None) is first
    finally:
        _store.reset(token)


@pytest.fixture
def linked_topics(site):
    """Three German topics: the first two translated into French (the second only as a draft)."""
    translated, drafted, untranslated = (TopicPageFactory(title=f"Thema {n}") for n in range(3))
    publish_ancestors_in(translate_page(translated, "fr", title="Thème 0"))
    translate_page(drafted, "fr", publish=False, title="Thème 1 (brouillon)")
    pages = (translated, drafted, untranslated)
    html = "".join(f'<p><a linktype="page" id="{page.pk}">{page.title}</a></p>' for page in pages)
    return html + '<p><a linktype="page" id="999999">gone</a></p>'


def test_rich_text_page_links_are_those_of_wagtail(linked_topics):
    with translation.override("fr"):
        ours = expand_db_html(linked_topics)
        wagtails = "".join(
            PageLinkHandler.expand_db_attributes_many([{"id": pk}])[0]
            for pk in [a.split('"')[0] for a in linked_topics.split('id="')[1:]]
        )
    hrefs = [part.split('"')[0] for part in ours.split('href="')[1:]]
    assert hrefs == [part.split('"')[0] for part in wagtails.split('href="')[1:]]
    assert hrefs[0].startswith("/fr/") and all(href.startswith("/de/") for href in hrefs[1:])
    assert "<a>gone</a>" in ours


def test_rich_text_page_links_are_localized_in_two_queries(linked_topics):
    with translation.override("fr"):
        expand_db_html(linked_topics)  # the Site's root paths, cached per process
        with CaptureQueriesContext(connection) as context:
            expand_db_html(linked_topics)
    # The active Locale (no request to remember it in), the linked pages, their French translations:
    # not one or two queries per link.
    assert len(context.captured_queries) == 3, [query["sql"][:80] for query in context.captured_queries]


def test_breadcrumbs_read_the_parents_the_router_kept(rf, site):
    from programmes.factories import CallForParticipationPageFactory

    call = CallForParticipationPageFactory(title="Aufruf 1", slug="aufruf-1")
    request = rf.get(call.url)
    with translation.override("de"):
        routed = Page.route_for_request(request, call.url.removeprefix("/de"))[0]
        with CaptureQueriesContext(connection) as context:
            from_router = breadcrumbs({"request": request, "page": routed})
        from_database = breadcrumbs({"request": request, "page": Page.objects.get(pk=call.pk).specific})
    assert [crumb["title"] for crumb in from_router] == [site.home.title, site.call_index.title]
    assert from_router == from_database
    assert not any('"depth" >=' in query["sql"] for query in context.captured_queries)  # no ancestors query
