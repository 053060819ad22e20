"""The Atom feed of news, per language (/fr/feeds/news.atom), on the platform's feed base (cms/feeds.py)."""

from django.utils.translation import gettext_lazy

from cms.feeds import PlatformFeed

from .models import NewsIndexPage, NewsItemPage


class NewsFeed(PlatformFeed):
    url_name = "news_feed"
    listing_model = NewsIndexPage
    title = gettext_lazy("News – Municipal Partnerships Maghreb-Germany")
    subtitle = gettext_lazy("News from the programme.")

    def get_items(self):
        return NewsItemPage.objects.for_listing().select_related("locale").order_by("-date", "-pk")
