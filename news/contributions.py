"""What the news app contributes to the platform (cms/platform.py); docs/extending.md walks through it."""

from django.utils.translation import gettext_lazy as _

from cms.platform import DemoContent, Feed, PageSearch, PageType, Section, register
from programmes.site_search import COUNTRIES, TOPICS

from . import api, demo, feeds, search
from .models import NewsIndexPage, NewsItemPage

register(
    PageType(
        NewsIndexPage,
        api=api.NEWS_INDEX,
        section=Section("Aktuelles", "aktuelles", order=15, approval=True),
    ),
    PageType(
        NewsItemPage,
        api=api.NEWS_ITEM,
        on_topic_pages=True,
        search=PageSearch(
            "news", _("News"), order=15, facets={"topic": TOPICS, "country": COUNTRIES}, result=search.result_line
        ),
    ),
    Feed("news_feed", "feeds/news.atom", feeds.NewsFeed(), _("News (Atom feed)")),
    DemoContent(pages=demo.PAGES, po_dir=demo.PO_DIR, order=300),
)
