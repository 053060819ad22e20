"""The Arabic site in headless Chromium: right to left, mirrored layout, isolated Latin text, axe-clean.

Uses the demo content; where it has no Arabic versions yet, an Arabic home page is created and the
rest of the tree is aliased into Arabic (as wagtail-localize's synchronisation does).
"""

import pytest
from wagtail.models import Locale, Page

from programmes.factories import translate_page
from programmes.models import CallForParticipationPage, EventPage

from ..multilingual import alias_missing_pages
from .conftest import assert_no_wcag_violations

pytestmark = pytest.mark.browser


@pytest.fixture
def arabic_site(demo_site):
    arabic = Locale.objects.get_or_create(language_code="ar-dz")[0]
    german_home = Page.objects.get(locale=Locale.get_default(), depth=2)
    if not german_home.get_translations().filter(locale=arabic).exists():
        translate_page(german_home.specific, "ar-dz", title="التعاون البلدي بين المغرب العربي وألمانيا")
    alias_missing_pages(["ar-dz"])
    return demo_site


def arabic_url(model):
    page = model.objects.live().filter(locale__language_code="ar-dz").order_by("path").first()
    assert page is not None, f"no Arabic {model.__name__}"
    return page.url


def assert_right_to_left(page):
    assert page.locator("html").get_attribute("lang") == "ar-DZ"
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.evaluate("getComputedStyle(document.querySelector('main')).direction") == "rtl"
    # The main navigation starts at the right edge of its row.
    edges = page.evaluate(
        """() => {
            const list = document.querySelector('.main-nav > ul');
            const first = list.querySelector('li');
            const style = getComputedStyle(list);
            const box = list.getBoundingClientRect();
            return {first: first.getBoundingClientRect().right,
                    contentRight: box.right - parseFloat(style.paddingRight)};
        }"""
    )
    assert abs(edges["first"] - edges["contentRight"]) < 2, edges
    # Arabic text is set in the self-hosted Arabic font.
    assert "Noto Sans Arabic" in page.evaluate("getComputedStyle(document.querySelector('h1')).fontFamily")


def test_arabic_home_call_and_event_are_right_to_left_and_accessible(arabic_site, page, axe):
    # One test for the three pages: the demo content is loaded once.
    pages = [
        ("home-ar", "/ar-dz/"),
        ("call-ar", arabic_url(CallForParticipationPage)),
        ("event-ar", arabic_url(EventPage)),
    ]
    for name, path in pages:
        page.goto(f"{arabic_site.url}{path}")
        assert_right_to_left(page)
        # Text shown in German (aliases, German snippets) is marked as such and laid out left to right.
        for element in page.locator("main [lang=de]").all()[:5]:
            assert element.evaluate("e => getComputedStyle(e).direction") == "ltr"
        # Breadcrumb separators (a chevron of two borders) point in the reading direction: to the left.
        if page.locator(".breadcrumbs li + li").count():
            separator = page.evaluate(
                """() => {
                    const style = getComputedStyle(document.querySelector('.breadcrumbs li + li'), '::before');
                    return {left: style.borderLeftStyle, right: style.borderRightStyle, transform: style.transform};
                }"""
            )
            assert separator["left"] == "solid" and separator["right"] == "none", separator
        # No letter spacing in Arabic.
        assert page.evaluate("getComputedStyle(document.querySelector('main')).letterSpacing") in ("normal", "0px")
        assert_no_wcag_violations(axe, page, name)
