"""A news item in each language: lang and dir of the document (ar-dz right to left), the date in the
language's format, and German text marked where an item is not translated."""

import pytest
from bs4 import BeautifulSoup

from programmes.factories import publish_ancestors_in, translate_page

pytestmark = pytest.mark.django_db

TITLES = {"fr": "Conférence de lancement", "ar-dz": "المؤتمر الافتتاحي", "en": "Kick-off conference"}


@pytest.mark.parametrize(
    ("language", "lang", "direction", "date"),
    [
        ("de", "de", "ltr", "4. September 2016"),
        ("fr", "fr", "ltr", "4 septembre 2016"),
        ("ar-dz", "ar-DZ", "rtl", "4 سبتمبر 2016"),
        ("en", "en", "ltr", "4 September 2016"),
    ],
)
def test_item_in_each_language(client, news, language, lang, direction, date):
    page = news.kick_off
    if language == "fr":
        page = news.french_kick_off
        publish_ancestors_in(page)
    elif language != "de":
        page = translate_page(page, language, title=TITLES[language], slug=f"kick-off-{language}")
        publish_ancestors_in(page)
    response = client.get(page.url)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.html["lang"] == lang and soup.html["dir"] == direction
    assert soup.h1.get_text() == (TITLES.get(language) or "Auftaktkonferenz")
    assert soup.select_one(".article__header time").get_text() == date
    # Topics, countries and linked pages are those chosen in German, named in the page's language.
    assert soup.select_one(".facts-list") is not None
    assert soup.select(".sources li")


def test_a_german_item_under_a_translated_index_is_marked_as_german(client, news):
    publish_ancestors_in(news.french_kick_off)  # its index in French, made with it
    french_index = news.french_kick_off.get_parent()
    html = client.get(french_index.url).content.decode()
    soup = BeautifulSoup(html, "html.parser")
    german = next(card for card in soup.select(".card--news") if "Wassermeldung" in card.get_text())
    assert german.select_one(".card__title")["lang"] == "de"
    assert german.select_one(".card__untranslated") is not None
