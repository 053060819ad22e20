"""Topics, countries and sources: one declaration (programmes/mixins.py, cms/sources.py) for every model."""

import pytest
from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.utils import translation
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import get_translatable_fields

from home.models import StandardPage
from programmes.factories import EventPageFactory, TopicPageFactory, make_draft, publish_ancestors_in, translate_page
from programmes.mixins import CountriesMixin, TopicsMixin
from programmes.models import Country, Partnership, ProgrammePhasePage, TopicPage


def relation_to(model, target, name):
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return False
    return field.many_to_many and field.related_model is target


@pytest.mark.parametrize(
    ("name", "target", "mixin"), [("topics", TopicPage, TopicsMixin), ("countries", Country, CountriesMixin)]
)
def test_every_content_model_with_topics_or_countries_takes_them_from_the_mixin(name, target, mixin):
    # Content (pages and translatable snippets), not what people send in (an expression of interest).
    content = [model for model in apps.get_models() if issubclass(model, TranslatableMixin)]
    having = [model for model in content if relation_to(model, target, name)]
    assert having
    assert [model for model in having if not issubclass(model, mixin)] == []


def test_live_topics_are_in_the_visitors_language_and_never_unpublished(site):
    water = TopicPageFactory(title="Wasser")
    publish_ancestors_in(translate_page(water, "fr", title="Eau"))
    waste = TopicPageFactory(title="Abfall")  # published in German only
    draft = make_draft(TopicPageFactory, title="Entwurf")
    event = EventPageFactory()
    event.topics.set([water, waste, draft])
    with translation.override("fr"):
        assert sorted(topic.title for topic in event.live_topics()) == ["Abfall", "Eau"]


@pytest.mark.parametrize(
    ("model", "order"),
    [
        (StandardPage, ["summary", "body"]),
        (ProgrammePhasePage, ["summary", "body", "sources"]),
        (Partnership, ["focus", "sources"]),
    ],
)
def test_shared_fields_keep_their_place_in_the_translation_editor(model, order):
    # wagtail-localize lists a model's segments in field order; the shared bases must not reorder them.
    names = [field.field_name for field in get_translatable_fields(model) if field.field_name in order]
    assert names == order
