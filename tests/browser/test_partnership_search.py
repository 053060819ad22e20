"""A visitor finds a partnership in site search, in German and in Arabic, and lands on its page (axe-clean)."""

import re

import pytest

from .fixtures import assert_no_wcag_violations

pytestmark = pytest.mark.browser


def test_visitor_finds_a_partnership_and_reads_its_page(demo_site, page, axe):
    page.goto(f"{demo_site.url}/de/search/?q=Tlemcen")
    result = page.locator(".search-result").filter(has_text="Partnerschaft").first
    assert "Tlemcen" in result.locator("mark").first.inner_text()
    assert_no_wcag_violations(axe, page, "search-partnership-de")
    result.get_by_role("link").click()
    page.wait_for_url(re.compile(r"/de/partnerschaften/\d+-bamberg-tlemcen/$"))
    assert page.get_by_role("heading", level=1).inner_text() == "Bamberg – Tlemcen"
    breadcrumbs = page.get_by_role("navigation", name=re.compile("Brotkrümel|Breadcrumb"))
    assert breadcrumbs.get_by_role("link", name="Partnerschaften").count() == 1
    assert_no_wcag_violations(axe, page, "partnership-de")

    # The same partnership in Arabic, right to left, through the language switcher.
    page.get_by_role("navigation", name="Sprache").get_by_role("link", name=re.compile("العربية")).click()
    page.wait_for_url(re.compile(r"/ar-dz/"))
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert_no_wcag_violations(axe, page, "partnership-ar")
