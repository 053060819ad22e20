"""The news test site: the minimal site (conftest.py at the root), a news index in the menu, two topics,
two countries, a programme, a call and an event to link to, and four items, one translated into French."""

import datetime
from types import SimpleNamespace

import pytest

from news.factories import NewsIndexPageFactory, NewsItemPageFactory
from programmes.factories import (
    CallForParticipationPageFactory,
    CountryFactory,
    EventPageFactory,
    ProgrammePageFactory,
    TopicPageFactory,
    translate_page,
)


@pytest.fixture
def news(site):
    index = NewsIndexPageFactory(parent=site.home, show_in_menus=True, intro="Neues aus dem Vorhaben.")
    dz, tn = CountryFactory(code="DZ"), CountryFactory(code="TN")
    waste = TopicPageFactory(title="Abfallwirtschaft", slug="abfallwirtschaft")
    water = TopicPageFactory(title="Wasser", slug="wasser")
    programme = ProgrammePageFactory(slug="programm")
    call = CallForParticipationPageFactory(title="Aufruf Abfall", slug="aufruf-abfall")
    event = EventPageFactory(title="Fachaustausch", slug="fachaustausch")
    kick_off = NewsItemPageFactory(
        title="Auftaktkonferenz",
        slug="auftaktkonferenz",
        date=datetime.date(2016, 9, 4),
        topics=[waste],
        countries=[dz, tn],
        related_programme=programme,
        related_call=call,
        related_event=event,
        sources="Website der SKEW\ngiz.de, Projekt 38368",
    )
    renamed = NewsItemPageFactory(
        title="Neuer Name", slug="neuer-name", date=datetime.date(2019, 1, 1), date_precision="year", countries=[tn]
    )
    water_news = NewsItemPageFactory(
        title="Wassermeldung", slug="wassermeldung", date=datetime.date(2021, 3, 23), topics=[water], countries=[dz]
    )
    latest = NewsItemPageFactory(title="Jüngste Meldung", slug="juengste-meldung", date=datetime.date(2024, 1, 1))
    french_kick_off = translate_page(kick_off, "fr", title="Conférence de lancement", slug="conference-de-lancement")
    return SimpleNamespace(
        site=site,
        index=index,
        dz=dz,
        tn=tn,
        waste=waste,
        water=water,
        programme=programme,
        call=call,
        event=event,
        kick_off=kick_off,
        renamed=renamed,
        water_news=water_news,
        latest=latest,
        french_kick_off=french_kick_off,
    )
