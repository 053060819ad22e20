"""The content cache (cms/content_cache.py) and ``{% published_fragment %}``: kept per generation,
language and parts; never kept with a per-visitor value in it."""

import pytest
from django.template import engines
from django.test import RequestFactory
from django.utils import translation

from cms import content_cache, page_cache
from cms.page_cache import store

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_cache")]


def render(source, **context):
    request = RequestFactory().get("/de/aufrufe/")
    return engines["django"].from_string("{% load content_cache_tags %}" + source).render(context, request)


def test_a_value_is_kept_until_the_generation_changes():
    built = []

    def build():
        built.append(1)
        return len(built)

    assert content_cache.cached("thing", (1,), build) == 1
    assert content_cache.cached("thing", (1,), build) == 1
    assert content_cache.cached("thing", (2,), build) == 2  # other parts
    with translation.override("fr"):
        assert content_cache.cached("thing", (1,), build) == 3  # another language
    store.new_generation()
    assert content_cache.cached("thing", (1,), build) == 4


def test_values_of_many_items_are_read_and_built_together():
    calls = []

    def build(indexes):
        calls.append(indexes)
        return [f"item {index}" for index in indexes]

    assert content_cache.cached_many("items", [(1,), (2,)], build) == ["item 0", "item 1"]
    # The first two are kept; only the third is built (at its index in this call).
    assert content_cache.cached_many("items", [(1,), (2,), (3,)], build) == ["item 0", "item 1", "item 2"]
    assert calls == [[0, 1], [2]]


def test_a_fragment_is_rendered_once_per_generation():
    source = '{% published_fragment "teaser" 7 %}{{ title }}{% endpublished_fragment %}'
    assert render(source, title="Erster Titel") == "Erster Titel"
    assert render(source, title="Zweiter Titel") == "Erster Titel"
    store.new_generation()
    assert render(source, title="Zweiter Titel") == "Zweiter Titel"


def test_a_fragment_with_a_csrf_token_is_not_kept():
    source = '{% published_fragment "form" 7 %}<form>{% csrf_token %}</form>{% endpublished_fragment %}'
    first, second = render(source), render(source)
    assert "csrfmiddlewaretoken" in first and first != second


def test_a_fragment_with_a_submission_token_or_a_tagged_value_is_not_kept():
    request = RequestFactory().get("/de/veranstaltungen/")
    template = engines["django"].from_string(
        '{% load content_cache_tags %}{% published_fragment "places" 7 %}{{ value }}{% endpublished_fragment %}'
    )

    class Places:
        def __str__(self):
            page_cache.depends_on(request, "event-places", 7)
            return "3"

    class Token:
        def __str__(self):
            return page_cache.unique_token(request)

    assert template.render({"value": Places()}, request) == "3"
    assert template.render({"value": "2"}, request) == "2"  # the free places were not kept
    store.new_generation()
    token = template.render({"value": Token()}, request)
    assert template.render({"value": "anderes"}, request) == "anderes" != token


def test_an_empty_name_renders_without_caching():
    source = '{% published_fragment "" 7 %}{{ title }}{% endpublished_fragment %}'
    assert render(source, title="Erster Titel") == "Erster Titel"
    assert render(source, title="Zweiter Titel") == "Zweiter Titel"
