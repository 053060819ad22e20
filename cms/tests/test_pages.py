"""The shared page bases: a page type with a summary and a body takes them from ContentPage."""

from wagtail.models import get_page_models
from wagtail.search import index

from cms.pages import ContentPage


def field_names(model):
    return {field.name for field in model._meta.get_fields()}


def test_every_page_with_summary_and_body_is_a_content_page():
    with_both = [model for model in get_page_models() if {"summary", "body"} <= field_names(model)]
    assert with_both, "no page type has a summary and a body"
    assert [model for model in with_both if not issubclass(model, ContentPage)] == []


def test_content_pages_search_their_summary_and_body():
    for model in get_page_models():
        if issubclass(model, ContentPage):
            searched = {field.field_name for field in model.get_search_fields() if type(field) is index.SearchField}
            assert {"title", "summary", "body"} <= searched, model
