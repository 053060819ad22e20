"""Atom feeds of calls for participation and upcoming events, on the platform's feed base (cms/feeds.py)."""

from django.utils.translation import gettext_lazy

from cms.feeds import PlatformFeed

from .models import CallForParticipationPage, CallIndexPage, EventIndexPage, EventPage


class CallsFeed(PlatformFeed):
    url_name = "calls_feed"
    listing_model = CallIndexPage
    title = gettext_lazy("Calls for participation – Municipal Partnerships Maghreb-Germany")
    subtitle = gettext_lazy("New and updated calls for participation.")

    def get_items(self):
        return CallForParticipationPage.objects.for_listing().select_related("locale").order_by("-last_published_at")


class EventsFeed(PlatformFeed):
    url_name = "events_feed"
    listing_model = EventIndexPage
    title = gettext_lazy("Events – Municipal Partnerships Maghreb-Germany")
    subtitle = gettext_lazy("Upcoming events.")

    def get_items(self):
        return EventPage.objects.for_listing().upcoming().select_related("locale")

    def item_description(self, item):
        return item.summary
