"""Factories for the news app; items default to the news index of the default locale."""

import datetime

import factory
import wagtail_factories

from programmes.factories import first_page_of, index_page_factory

from .models import NewsIndexPage, NewsItemPage

NewsIndexPageFactory = index_page_factory(NewsIndexPage, "Aktuelles", "aktuelles")


class NewsItemPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Meldung {n}")
    summary = "Eine Meldung aus dem Vorhaben."
    date = datetime.date(2024, 5, 1)
    parent = first_page_of(NewsIndexPage)

    class Meta:
        model = NewsItemPage
