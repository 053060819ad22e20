"""The search page's query count, pinned with results of every kind, flat from 10 to 100 matching items.

Results of every content type (call, event, topic, programme, phase, standard page), partnerships
and a promoted result (translated into French, so the French visitor gets the translation), bodies
with rich text and images (excerpts come from them), in German and in French.
"""

import datetime

import pytest
import wagtail_factories
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from home.factories import StandardPageFactory
from home.models import SiteSettings
from programmes.factories import (
    CallForParticipationPageFactory,
    CountryFactory,
    EventPageFactory,
    PartnershipFactory,
    ProgrammePageFactory,
    ProgrammePhasePageFactory,
    TopicPageFactory,
    translate_page,
)

pytestmark = pytest.mark.django_db

WORD = "Zephyrion"
# Measured with this commit's templates, warm (navigation and footer cached, cms/site_chrome.py). French
# needs three more: its Locale besides the default one, the languages of the German results shown to a
# French visitor, and the translations that replace the promoted German pages. SQLite two more than PostgreSQL: it
# ranks pages and partnerships in a query of their own each (search/backends/sqlite.py).
SEARCH_PAGE_BUDGET = {"sqlite": {"de": 17, "fr": 20}, "postgresql": {"de": 15, "fr": 18}}
TYPES = {
    "CallForParticipationPage",
    "EventPage",
    "TopicPage",
    "ProgrammePage",
    "ProgrammePhasePage",
    "StandardPage",
    "Partnership",
}


def body(image, text):
    return [
        ("heading", {"text": "Worum es geht", "level": "h2"}),
        ("image", {"image": image, "alt_text": "Rathaus", "decorative": False, "caption": "", "credit": ""}),
        ("rich_text", f"<p>Ein Absatz über die Zusammenarbeit der Kommunen. {text}</p>"),
    ]


@pytest.fixture
def one_result_of_each_kind(site):
    # The settings row exists in production; made by the first request, it would renew the cached frame.
    SiteSettings.for_site(site.site)
    image = wagtail_factories.ImageFactory(title="Rathaus")
    country = CountryFactory(code="DZ")
    # The word twice in a short title and summary: these rank above the growing items below.
    named = f"{WORD} {WORD}"
    programme = ProgrammePageFactory(title=f"{WORD} Programm", summary=named)
    pages = [
        programme,
        ProgrammePhasePageFactory(parent=programme, title=f"{WORD} Phase", summary=named),
        CallForParticipationPageFactory(title=f"{WORD} Aufruf", summary=named, countries=[country]),
        EventPageFactory(title=f"{WORD} Workshop", summary=named),
        TopicPageFactory(title=f"{WORD} Thema", summary=named),
        StandardPageFactory(title=f"{WORD} Seite", summary=named),
    ]
    for page in pages:
        page.body = body(image, "Mehr dazu unten.")
        page.save_revision().publish()
    PartnershipFactory(german_partner=WORD, maghreb_partner="Oran", focus=named, country=country)
    promoted = TopicPageFactory(title="Wasser", summary="Trinkwasser für alle.")
    SearchPromotion.objects.create(query=Query.get(WORD), page=promoted, sort_order=0)
    translate_page(site.home, "fr", title="Accueil")
    for page in (pages[2], pages[4], promoted):
        translate_page(page, "fr", title=f"{page.title} (fr)")
    return {"image": image, "country": country, "size": len(pages) + 1}


def grow(one_result_of_each_kind, size):
    """Matching items of every kind (the word once, in the body or the focus) up to ``size`` in all."""
    makers = [
        lambda n: CallForParticipationPageFactory(
            title=f"Aufruf {n}", deadline=timezone.now() + datetime.timedelta(days=n)
        ),
        lambda n: EventPageFactory(title=f"Veranstaltung {n}"),
        lambda n: TopicPageFactory(title=f"Thema {n}"),
        lambda n: StandardPageFactory(title=f"Seite {n}"),
    ]
    for n in range(one_result_of_each_kind["size"], size):
        if n % 5 == 4:
            focus = f"Ein langer Schwerpunkt rund um {WORD} und vieles andere"
            PartnershipFactory(focus=focus, country=one_result_of_each_kind["country"])
            continue
        page = makers[n % 5](n)
        page.body = body(
            one_result_of_each_kind["image"], f"Auch hier geht es ausführlich und lange um {WORD} und um anderes."
        )
        page.save_revision().publish()
    one_result_of_each_kind["size"] = size


def count(client, language):
    with CaptureQueriesContext(connection) as context:
        response = client.get(f"/{language}/search/", {"q": WORD})
    assert response.status_code == 200
    shown = {type(result["object"]).__name__ for result in response.context["results"]}
    return len(context.captured_queries), response, shown


def test_search_page_query_count_is_flat_with_every_kind_of_result(client, one_result_of_each_kind):
    counts = {}
    for size in (10, 100):
        grow(one_result_of_each_kind, size)
        for language in ("de", "fr"):
            client.get(f"/{language}/search/", {"q": WORD})  # fills process-wide caches (content types …)
            queries, response, shown = count(client, language)
            assert response.context["page_obj"].paginator.count == size
            assert shown == TYPES, (language, size, shown)
            [promoted] = response.context["promoted"]
            assert promoted["page"].title == ("Wasser (fr)" if language == "fr" else "Wasser")
            # Excerpts come from the bodies; their images cost no query.
            assert sum("<mark>" in str(result["excerpt"]) for result in response.context["results"]) == 10
            counts[language, size] = queries
    print(f"\n[{connection.vendor}] search page queries (language, matching items): {counts}")
    for language, budget in SEARCH_PAGE_BUDGET[connection.vendor].items():
        assert counts[language, 10] == counts[language, 100] <= budget, counts
