"""The URLs ``make bench`` measures: one of each page type and endpoint, found in the demo content.

Runs inside Django (the benchmark calls it through ``manage.py shell``; a test checks that every URL
answers 200 on the demo content, so the list cannot rot).
"""

from urllib.parse import urlsplit

from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale

from home.models import HomePage, StandardPage
from programmes.models import (
    CallForParticipationPage,
    CallIndexPage,
    EventIndexPage,
    EventPage,
    PartnershipIndexPage,
    ProgrammePage,
    ProgrammePhasePage,
    TopicPage,
)

SEARCH_QUERY = "Abfall"
GERMAN_PAGES = [
    ("home", HomePage),
    ("programme", ProgrammePage),
    ("phase", ProgrammePhasePage),
    ("topic", TopicPage),
    ("calls", CallIndexPage),
    ("call", CallForParticipationPage),
    ("events", EventIndexPage),
    ("event", EventPage),
    ("partnerships", PartnershipIndexPage),
    ("standard page", StandardPage),
]


def first_live(model, language_code="de"):
    page = model.objects.live().public().filter(locale__language_code=language_code).order_by("path").first()
    if page is None:
        raise LookupError(f"no live {model.__name__} in {language_code}: load the demo content first")
    return page


def page_path(page):
    # The path as a browser asks for it; the demo has one site.
    return urlsplit(page.get_full_url()).path


def bench_targets():
    """[(label, path)] in the order the benchmark measures them."""
    targets = [(label, page_path(first_live(model))) for label, model in GERMAN_PAGES]
    targets += [
        ("home /fr/", page_path(first_live(HomePage, "fr"))),
        ("home /ar-dz/", page_path(first_live(HomePage, "ar-dz"))),
    ]
    with translation.override(Locale.get_default().language_code):
        targets += [
            (f"search ?q={SEARCH_QUERY}", f"{reverse('search')}?q={SEARCH_QUERY}"),
            ("Atom feed (events)", reverse("events_feed")),
            ("calendar (events .ics)", reverse("events_ical")),
        ]
    call = first_live(CallForParticipationPage)
    call_type = f"{CallForParticipationPage._meta.app_label}.{CallForParticipationPage.__name__}"
    targets += [
        ("sitemap", reverse("sitemap")),
        ("API list (calls, fields=*)", f"/api/v2/pages/?type={call_type}&fields=*"),
        ("API detail (call)", f"/api/v2/pages/{call.pk}/"),
        ("static file (site.css)", static("css/site.css")),
    ]
    return targets
