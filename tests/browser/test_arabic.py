"""The Arabic site in headless Chromium: right to left, mirrored layout, isolated Latin text, axe-clean.

Uses the demo content; where it has no Arabic versions yet, an Arabic home page is created and the
rest of the tree is aliased into Arabic (as wagtail-localize's synchronisation does).
"""

import time

import pytest
from wagtail.models import Locale, Page

from programmes.factories import translate_page
from programmes.models import CallForParticipationPage, EventPage

from ..multilingual import alias_missing_pages
from .fixtures import assert_no_wcag_violations

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


# Layout shifts since navigation, summed (an upper bound of Cumulative Layout Shift). The buffered
# observer hands over the entries recorded before it was created, in a task of its own.
CUMULATIVE_LAYOUT_SHIFT = """() => new Promise(resolve => {
    let total = 0;
    new PerformanceObserver(list => {
        for (const entry of list.getEntries()) if (!entry.hadRecentInput) total += entry.value;
    }).observe({type: 'layout-shift', buffered: true});
    setTimeout(() => resolve(total), 200);
})"""
FONT_DELAY_SECONDS = 1.0


def test_arabic_pages_do_not_shift_when_the_web_font_arrives_late(arabic_site, browser):
    # Lighthouse measured CLS 0.309 on /ar-dz/ when the font swapped in late; good is below 0.1.
    paths = ["/ar-dz/", arabic_url(CallForParticipationPage), arabic_url(EventPage)]
    fonts_served = []

    def serve_font_slowly(route):
        # A slow connection: the font arrives after the first paint.
        time.sleep(FONT_DELAY_SECONDS)
        fonts_served.append(route.request.url)
        route.continue_()

    shifts = {}
    for width, height in ((320, 640), (1280, 900)):
        context = browser.new_context(viewport={"width": width, "height": height})
        page = context.new_page()
        page.route("**/*.woff2", serve_font_slowly)  # routing also turns the browser's cache off
        for path in paths:
            fonts_served.clear()
            page.goto(f"{arabic_site.url}{path}")
            page.wait_for_load_state("networkidle")
            assert len(fonts_served) == 2, f"{path}: Arabic font files requested: {fonts_served}"
            page.wait_for_timeout(300)  # a late swap would lay the page out again now
            shifts[f"{path} at {width} px"] = round(page.evaluate(CUMULATIVE_LAYOUT_SHIFT), 3)
        context.close()
    assert max(shifts.values()) < 0.1, f"cumulative layout shift: {shifts}"


def test_only_arabic_pages_preload_the_arabic_font(arabic_site, page):
    page.goto(f"{arabic_site.url}/ar-dz/")
    preloads = page.locator("head link[rel=preload][as=font][type='font/woff2'][crossorigin]")
    assert [href.rsplit("/", 1)[-1] for href in preloads.evaluate_all("links => links.map(l => l.href)")] == [
        "noto-sans-arabic-arabic-400-normal.woff2",
        "noto-sans-arabic-arabic-700-normal.woff2",
    ]
    page.goto(f"{arabic_site.url}/de/")
    assert page.locator("head link[rel=preload][as=font]").count() == 0
