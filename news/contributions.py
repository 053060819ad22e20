"""What the news app contributes to the platform (cms/platform.py); docs/extending.md walks through it."""

from django.utils.translation import gettext_lazy as _

from cms.platform import Feed, PageType, Section, register

from . import api, feeds
from .models import NewsIndexPage, NewsItemPage

register(
    PageType(
        NewsIndexPage,
        api=api.NEWS_INDEX,
        section=Section("Aktuelles", "aktuelles", order=15, approval=True),
    ),
    PageType(NewsItemPage, api=api.NEWS_ITEM, on_topic_pages=True),
    Feed("news_feed", "feeds/news.atom", feeds.NewsFeed(), _("News (Atom feed)")),
)
