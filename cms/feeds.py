"""The base of the platform's Atom feeds (RFC 4287), per language; apps contribute feeds with
``cms.platform.Feed`` (programmes/feeds.py has the calls and events feeds).

A feed is in the language of the URL (/fr/feeds/calls.atom); items not yet translated appear in
German, and their <entry> says so with xml:lang. Times are RFC 3339. The feed's rel="alternate"
link is the listing page in its language, its id and rel="self" its own address; the platform is
the author of the feed and of every entry (RFC 4287 §4.1.1 requires one).
"""

import datetime

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import get_language, gettext_lazy

from cms.api.http import conditional
from cms.languages import bcp47, foreign_language_tag
from cms.public_url import absolute

FEED_LIMIT = 50
EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)


class LanguageAtomFeed(Atom1Feed):
    """Atom with xml:lang on the feed and on each entry whose text is in another language."""

    def root_attributes(self):
        attrs = super().root_attributes()
        attrs["xml:lang"] = self.feed["language"]
        return attrs

    def write_items(self, handler):
        for item in self.items:
            attrs = {"xml:lang": item["entry_lang"]} if item.get("entry_lang") else {}
            handler.startElement("entry", attrs)
            self.add_item_elements(handler, item)
            handler.endElement("entry")


class PlatformFeed(Feed):
    feed_type = LanguageAtomFeed
    url_name = None
    listing_model = None
    author_name = gettext_lazy("Municipal Partnerships Maghreb-Germany")
    item_author_name = author_name

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return conditional(super().__call__)(request, *args, **kwargs)

    def get_feed(self, obj, request):
        feed = super().get_feed(obj, request)
        feed.feed["language"] = bcp47(get_language())
        return feed

    def link(self):
        # rel="alternate" is the same content as HTML: the listing page in the feed's language.
        page = self.listing_model.for_language(get_language())
        return page.get_full_url(self.request) if page else self.author_link()

    def author_link(self):
        return absolute(f"/{get_language()}/", self.request)

    def feed_url(self):
        # Under the site's public address, as the entries' links are.
        return absolute(reverse(self.url_name), self.request)

    def feed_guid(self):
        # A permanent id: the feed's own address (the alternate page could move).
        return self.feed_url()

    def items(self):
        return list(self.get_items()[:FEED_LIMIT])

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_guid(self, item):
        return item.get_full_url(self.request)

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        # Atom requires <updated>; a page made without a revision (imports, tests) has no publication date.
        return item.last_published_at or item.first_published_at or item.latest_revision_created_at or EPOCH

    def item_extra_kwargs(self, item):
        return {"entry_lang": foreign_language_tag(item)}

    def feed_extra_kwargs(self, obj):
        return {}
