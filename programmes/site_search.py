"""The programmes' part of the site search (search/): the topic and country filters, the result lines
of calls and events, and partnerships as results of their own (registered in contributions.py)."""

from django.db.models import Exists
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from cms.localization import prefer_active_locale, public_pages
from cms.platform import Facet, PageSearch, SearchSource
from cms.request_cache import memo

from .models import CallStatus, Country, EventStatus, Partnership, PartnershipIndexPage, TopicPage

TOPICS = "topics__translation_key"
COUNTRIES = "countries__code"


def topic_choices(locale):
    """(slug, title, translation key): a topic is chosen by its slug and found in every language."""
    topics = prefer_active_locale(public_pages(TopicPage.objects.live()), locale).order_by("title")
    return [(t.slug, t.title, t.translation_key) for t in topics.only("slug", "title", "translation_key", "locale_id")]


def country_choices(locale):
    """(code, name, code), by name; Germany is where every partnership has its German side."""
    countries = sorted(((c.code, c.name) for c in Country.objects.exclude(code="DE")), key=lambda choice: choice[1])
    return [(code, name, code) for code, name in countries]


TOPIC = Facet("topic", _("Topic"), _("All topics"), _("There is no topic “%(value)s”."), topic_choices, order=10)
COUNTRY = Facet(
    "country", _("Country"), _("All countries"), _("There is no country “%(value)s”."), country_choices, order=20
)


def shown_status(page, statuses):
    """The page's status where worth a badge (what a visitor can still act on)."""
    status = page.status
    return {"status": status, "status_label": status.label} if status in statuses else {}


def call_result(call):
    return {
        **shown_status(call, {CallStatus.OPEN, CallStatus.UPCOMING}),
        "date": call.deadline,
        "date_label": _("Deadline"),
    }


def event_result(event):
    return {**shown_status(event, {EventStatus.UPCOMING, EventStatus.ONGOING}), "date": event.start}


CALLS = PageSearch(
    "call", _("Calls for participation"), 10, {"topic": TOPICS, "country": COUNTRIES}, result=call_result
)
EVENTS = PageSearch("event", _("Events"), 20, {"topic": TOPICS, "country": COUNTRIES}, result=event_result)
# A topic page is found by its own topic.
TOPIC_PAGES = PageSearch("topic", _("Topics"), 30, {"topic": "translation_key"})
PROGRAMMES = PageSearch("programme", _("Programme"), 40, {"topic": TOPICS, "country": COUNTRIES})
PROGRAMME_PHASES = PageSearch("programme", _("Programme"), 40, {"country": "focus_countries__code"})


def with_landing_page(queryset, locale):
    """``queryset`` (partnerships), or none of them when no partnership index is published for
    ``locale`` or the source language: a result must lead to a page. Checked inside the search's
    own queries (through the ids, as the search backend filters on indexed fields only)."""
    default = memo("default_locale", Locale.get_default)
    landing = public_pages(PartnershipIndexPage.objects.live()).filter(locale_id__in={locale.pk, default.pk})
    return queryset.filter(id__in=queryset.model.objects.filter(Exists(landing)).values("id"))


def describe_partnership(partnership, request, locale):
    """A partnership as a result: its focus and places, status and the year it began."""
    # Place names in the language of the partnership's text, which the excerpt is marked up as.
    with translation.override(partnership.locale.language_code):
        places = [
            partnership.region.display_name if partnership.region_id else "",
            partnership.country.name,
            partnership.german_state.display_name if partnership.german_state_id else "",
        ]
    return {
        "url": partnership.get_url(request, locale),
        "text": " · ".join(part for part in [partnership.focus, ", ".join(p for p in places if p)] if part),
        "status": partnership.status,
        "status_label": partnership.get_status_display(),
        "since": partnership.since,
    }


PARTNERSHIPS = SearchSource(
    "partnership",
    _("Partnerships"),
    Partnership,
    queryset=lambda: Partnership.objects.select_related("locale"),
    visible=with_landing_page,
    describe=describe_partnership,
    facets={"topic": TOPICS, "country": "country__code"},
    result_related=("country", "region", "german_state"),
    order=50,
)
