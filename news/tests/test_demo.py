"""The demo news: loaded with the rest of the demo (news registers its DemoContent), translated into
fr, ar-dz and en from news/demo/locale without a missing string (strict), each item with its sources."""

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import Client
from wagtail.models import Locale

from news.models import NewsIndexPage, NewsItemPage
from programmes.models import CallForParticipationPage, ProgrammePage

pytestmark = pytest.mark.django_db

LANGUAGES = ("fr", "ar-dz", "en")
INDEX_TITLES = {"de": "Aktuelles", "fr": "Actualités", "ar-dz": "الأخبار", "en": "News"}


@pytest.fixture(scope="module")
def loaded(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo_content", verbosity=0, skip_index=True, strict=True)
        yield
        transaction.set_rollback(True)


def test_at_least_three_items_each_with_sources(loaded):
    german = NewsItemPage.objects.filter(locale__language_code="de").order_by("date")
    assert german.count() >= 3
    for item in german:
        assert item.live and item.source_list, item
    assert [item.date.year for item in german] == [2016, 2019, 2020, 2024]
    assert [item.date_precision for item in german] == ["day", "year", "year", "year"]


def test_links_to_the_programme_and_the_call(loaded):
    phase_2 = NewsItemPage.objects.get(locale__language_code="de", slug="zweite-phase-schwerpunkt-algerien")
    assert isinstance(phase_2.related_programme.specific, ProgrammePage)
    assert isinstance(phase_2.related_call.specific, CallForParticipationPage)
    assert {country.code for country in phase_2.countries.all()} == {"DZ"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_item_is_translated(loaded, language):
    locale = Locale.objects.get(language_code=language)
    items = NewsItemPage.objects.filter(locale=locale, alias_of__isnull=True, live=True)
    assert items.count() == NewsItemPage.objects.filter(locale__language_code="de").count()
    index = NewsIndexPage.objects.get(locale=locale)
    assert index.title == INDEX_TITLES[language] and index.alias_of_id is None
    # Links and countries are chosen in German and synchronised into every translation.
    for item in items:
        source = item.get_translation(Locale.objects.get(language_code="de"))
        assert item.related_programme_id == source.related_programme_id
        assert set(item.countries.all()) == set(source.countries.all())


@pytest.mark.parametrize("language", ("de", *LANGUAGES))
def test_the_listing_and_every_item_render(loaded, language):
    client = Client()
    index = NewsIndexPage.objects.get(locale__language_code=language)
    response = client.get(index.url)
    assert response.status_code == 200
    assert response.content.decode().count('class="card card--news"') == 4
    for item in NewsItemPage.objects.filter(locale__language_code=language):
        assert client.get(item.url).status_code == 200, item.url
