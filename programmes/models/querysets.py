"""Querysets for listings: what may be shown, and the statuses worked out from dates."""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from wagtail.models import PageManager
from wagtail.query import PageQuerySet

from cms.localization import prefer_active_locale, public_pages


class ListingQuerySet(PageQuerySet):
    def public(self):
        return public_pages(self)

    def for_listing(self, locale=None):
        """Live, public items, one per translation: the visitor's language where it exists."""
        return prefer_active_locale(self.live().public(), locale)


class CallQuerySet(ListingQuerySet):
    def upcoming(self, now=None):
        return self.filter(opening__gt=now or timezone.now())

    def open(self, now=None):
        now = now or timezone.now()
        return self.filter(Q(opening__isnull=True) | Q(opening__lte=now), deadline__gt=now)

    def closed(self, now=None):
        return self.filter(deadline__lte=now or timezone.now())

    def current(self, now=None):
        """Open or upcoming, closing soonest first."""
        return self.filter(deadline__gt=now or timezone.now()).order_by("deadline")

    def with_status(self, status, now=None):
        return {"upcoming": self.upcoming, "open": self.open, "closed": self.closed}[status](now)

    def with_listing_relations(self):
        return self.select_related("locale").prefetch_related("topics", "countries", "eligible_types")


class EventQuerySet(ListingQuerySet):
    def upcoming(self, now=None):
        """Not yet over (upcoming or ongoing), soonest first."""
        return self.filter(end__gt=now or timezone.now()).order_by("start")

    def past(self, now=None):
        return self.filter(end__lte=now or timezone.now()).order_by("-start")

    def with_listing_relations(self):
        return self.select_related("locale", "venue").prefetch_related("topics", "countries")


class TranslatableSnippetQuerySet(models.QuerySet):
    def for_display(self, locale=None):
        return prefer_active_locale(self.all(), locale)


ListingPageManager = PageManager.from_queryset(ListingQuerySet)
CallManager = PageManager.from_queryset(CallQuerySet)
EventManager = PageManager.from_queryset(EventQuerySet)
