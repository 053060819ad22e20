"""Listing querysets: statuses computed in the database with an explicit ``now``."""

import datetime
import zoneinfo

import pytest
from wagtail.models import PageViewRestriction

from programmes.factories import CallForParticipationPageFactory, EventPageFactory, make_draft
from programmes.models import CallForParticipationPage, EventPage

BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")
NOW = datetime.datetime(2021, 3, 1, 12, 0, tzinfo=BERLIN)


def at(days, hours=0):
    return NOW + datetime.timedelta(days=days, hours=hours)


def titles(queryset):
    return list(queryset.values_list("title", flat=True))


@pytest.fixture
def calls(site):
    return {
        "upcoming": CallForParticipationPageFactory(title="upcoming", opening=at(1), deadline=at(30)),
        "open": CallForParticipationPageFactory(title="open", opening=at(-1), deadline=at(10)),
        "open-no-opening": CallForParticipationPageFactory(title="open-no-opening", opening=None, deadline=at(5)),
        "closed": CallForParticipationPageFactory(title="closed", opening=at(-30), deadline=at(-1)),
        "closes-now": CallForParticipationPageFactory(title="closes-now", opening=at(-30), deadline=NOW),
    }


class TestCallQuerySet:
    def test_upcoming(self, calls):
        assert titles(CallForParticipationPage.objects.upcoming(now=NOW)) == ["upcoming"]

    def test_open_includes_calls_without_opening(self, calls):
        assert sorted(titles(CallForParticipationPage.objects.open(now=NOW))) == ["open", "open-no-opening"]

    def test_closed_includes_deadline_reached_now(self, calls):
        assert sorted(titles(CallForParticipationPage.objects.closed(now=NOW))) == ["closed", "closes-now"]

    def test_current_is_open_or_upcoming_closing_soonest_first(self, calls):
        assert titles(CallForParticipationPage.objects.current(now=NOW)) == ["open-no-opening", "open", "upcoming"]

    @pytest.mark.parametrize("status", ["upcoming", "open", "closed"])
    def test_with_status_matches_status_at(self, calls, status):
        selected = CallForParticipationPage.objects.with_status(status, now=NOW)
        assert selected.exists()
        assert {call.status_at(NOW) for call in selected} == {status}

    def test_statuses_partition_all_calls(self, calls):
        counts = sum(
            CallForParticipationPage.objects.with_status(s, now=NOW).count() for s in ("upcoming", "open", "closed")
        )
        assert counts == len(calls)

    def test_without_now_uses_current_time(self, site):
        CallForParticipationPageFactory(title="default-open")
        assert titles(CallForParticipationPage.objects.open()) == ["default-open"]


class TestEventQuerySet:
    @pytest.fixture
    def events(self, site):
        return [
            EventPageFactory(title="past", start=at(-2), end=at(-2, 2)),
            EventPageFactory(title="older-past", start=at(-9), end=at(-9, 2)),
            EventPageFactory(title="ongoing", start=at(0, -1), end=at(0, 1)),
            EventPageFactory(title="later", start=at(20), end=at(20, 2)),
            EventPageFactory(title="soon", start=at(3), end=at(3, 2)),
            EventPageFactory(title="ends-now", start=at(0, -2), end=NOW),
        ]

    def test_upcoming_includes_ongoing_soonest_first(self, events):
        assert titles(EventPage.objects.upcoming(now=NOW)) == ["ongoing", "soon", "later"]

    def test_past_latest_first(self, events):
        assert titles(EventPage.objects.past(now=NOW)) == ["ends-now", "past", "older-past"]


class TestForListing:
    def test_only_live_public_items(self, site):
        CallForParticipationPageFactory(title="published")
        make_draft(CallForParticipationPageFactory, title="draft")
        private = CallForParticipationPageFactory(title="private")
        PageViewRestriction.objects.create(page=private, restriction_type="password", password="geheim")
        assert titles(CallForParticipationPage.objects.for_listing()) == ["published"]

    def test_pages_below_a_private_page_are_not_public(self, site):
        PageViewRestriction.objects.create(page=site.event_index, restriction_type="password", password="geheim")
        EventPageFactory(title="below-private")
        assert titles(EventPage.objects.for_listing()) == []
