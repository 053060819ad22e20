"""The news listing and an item in headless Chromium, in the four languages of the demo: the right
language and direction, axe-core finds no WCAG 2.1 AA violation, and the page reflows at 320 px."""

import pytest

from news.models import NewsIndexPage, NewsItemPage
from tests.browser.fixtures import assert_no_wcag_violations

pytestmark = pytest.mark.browser

LANGUAGES = {"de": ("de", "ltr"), "fr": ("fr", "ltr"), "ar-dz": ("ar-DZ", "rtl"), "en": ("en", "ltr")}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_news_listing_and_an_item_are_accessible_in_every_language(demo_site, page, axe, language):
    lang, direction = LANGUAGES[language]
    index = NewsIndexPage.objects.live().get(locale__language_code=language)
    item = NewsItemPage.objects.live().filter(locale__language_code=language).order_by("-date").first()
    for name, url in ((f"news-index-{language}", index.url), (f"news-item-{language}", item.url)):
        page.goto(f"{demo_site.url}{url}")
        assert page.locator("html").get_attribute("lang") == lang
        assert page.locator("html").get_attribute("dir") == direction
        assert page.get_by_role("heading", level=1).count() == 1
        assert_no_wcag_violations(axe, page, name)
        # Reflow (WCAG 1.4.10): at 320 CSS pixels nothing needs scrolling sideways.
        page.set_viewport_size({"width": 320, "height": 800})
        assert page.evaluate("document.documentElement.scrollWidth") <= 320, name
        page.set_viewport_size({"width": 1280, "height": 900})
