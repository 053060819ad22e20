"""The news app is fully registered with the platform, and the system checks pass with it installed."""

from django.core import checks
from django.urls import reverse

from cms.platform import Feed, registry
from news.models import NewsIndexPage, NewsItemPage


def test_the_platform_checks_pass():
    problems = [message for message in checks.run_checks() if message.id.startswith("platform.")]
    assert problems == []


def test_both_page_types_are_registered_with_a_schema_for_every_api_field():
    for model in (NewsIndexPage, NewsItemPage):
        api = registry.page_type(model).api
        names = {getattr(field, "name", field) for field in api.fields}
        assert names and names == set(api.schema), model


def test_item_api_uses_the_shared_topic_and_country_filters():
    item_api = registry.page_type(NewsItemPage).api
    assert [api_filter.name for api_filter in item_api.filters] == ["topic", "country"]
    assert dict(item_api.orderings) == {"date": "date"}


def test_the_feed_is_registered_under_the_language_prefix():
    feed = next(feed for feed in registry.feeds() if feed.url_name == "news_feed")
    assert isinstance(feed, Feed) and feed.path == "feeds/news.atom"
    assert reverse("news_feed") == "/de/feeds/news.atom"
