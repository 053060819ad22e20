"""Smoke test of the visitor's path: home → calls → the call → events filtered by topic."""

import re

import pytest

from .fixtures import assert_no_wcag_violations

pytestmark = pytest.mark.browser


def test_visitor_finds_the_call_and_the_topic_events(demo_site, page, axe):
    page.goto(f"{demo_site.url}/de/")
    assert page.locator("html").get_attribute("lang") == "de"
    assert page.locator("html").get_attribute("dir") == "ltr"
    assert_no_wcag_violations(axe, page, "home-de")

    # The skip link is the first thing a keyboard user reaches, and it is visible on focus.
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.getAttribute('href')")
    assert focused == "#main"

    page.get_by_role("navigation", name=re.compile("Haupt|Main", re.I)).get_by_role("link", name="Aufrufe").click()
    page.wait_for_url(re.compile(r"/de/aufrufe/$"))
    assert_no_wcag_violations(axe, page, "calls-de")

    page.get_by_role("link", name=re.compile("Interessierte für kommunale Projektpartnerschaften")).first.click()
    page.wait_for_url(re.compile(r"/de/aufrufe/.+/$"))
    assert page.get_by_role("heading", level=1).inner_text().startswith("Interessierte")
    assert page.get_by_text("Abgeschlossen", exact=False).or_(page.get_by_text("Geschlossen")).count() >= 1
    assert_no_wcag_violations(axe, page, "call-de")

    page.goto(f"{demo_site.url}/de/veranstaltungen/")
    page.get_by_label("Zeitraum").or_(page.get_by_label("Wann")).select_option("past")
    page.get_by_label("Thema").select_option(label="Abfallmanagement")
    page.get_by_role("button", name=re.compile("Filter|Anzeigen", re.I)).click()
    page.wait_for_url(re.compile(r"topic=abfallmanagement"))
    results = page.get_by_role("link", name=re.compile("Informationsveranstaltung"))
    assert results.count() >= 1
    assert_no_wcag_violations(axe, page, "events-by-topic-de")
