"""Page rules and fields of the news pages."""

import datetime

import pytest
from wagtail_localize.fields import SynchronizedField

from home.models import HomePage
from news.factories import NewsItemPageFactory
from news.models import NewsIndexPage, NewsItemPage

pytestmark = pytest.mark.django_db


def test_items_live_under_the_news_index_only_and_have_no_children():
    assert NewsItemPage.allowed_parent_page_models() == [NewsIndexPage]
    assert NewsIndexPage.allowed_subpage_models() == [NewsItemPage]
    assert NewsItemPage.allowed_subpage_models() == []


def test_one_news_index_per_home_page(news):
    assert NewsIndexPage.max_count_per_parent == 1
    assert not NewsIndexPage.can_create_at(news.site.home)
    assert NewsItemPage.can_create_at(news.index)


def test_the_news_index_can_be_created_under_the_home_page(site):
    assert NewsIndexPage in HomePage.allowed_subpage_models()


def test_topics_countries_and_linked_pages_are_the_same_in_every_language():
    synchronised = {f.field_name for f in NewsItemPage.override_translatable_fields if isinstance(f, SynchronizedField)}
    assert synchronised == {"topics", "countries", "related_programme", "related_call", "related_event"}


def test_items_are_listed_newest_first(news):
    assert list(news.index.get_items().filter(locale=news.kick_off.locale)) == [
        news.latest,
        news.water_news,
        news.renamed,
        news.kick_off,
    ]


def test_year_precision(news):
    assert news.renamed.year_only and not news.kick_off.year_only


def test_a_deleted_linked_page_empties_the_link(news):
    news.event.delete()
    news.kick_off.refresh_from_db()
    assert news.kick_off.related_event is None


def test_default_date_precision_is_the_day(news):
    item = NewsItemPageFactory(date=datetime.date(2022, 5, 2))
    assert item.date_precision == "day"
