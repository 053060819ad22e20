"""Navigation: the news index in the main menu, breadcrumbs, and its section for site setup."""

import pytest
from bs4 import BeautifulSoup

from cms.platform import Section, registry
from news.models import NewsIndexPage

pytestmark = pytest.mark.django_db


def test_the_news_index_is_in_the_main_navigation(client, news):
    soup = BeautifulSoup(client.get("/de/").content, "html.parser")
    links = {a.get_text(strip=True): a["href"] for a in soup.select(".main-nav a")}
    assert links["Aktuelles"] == "/de/aktuelles/"


def test_breadcrumbs_of_an_item(client, news):
    soup = BeautifulSoup(client.get("/de/aktuelles/auftaktkonferenz/").content, "html.parser")
    crumbs = [item.get_text(strip=True) for item in soup.select(".breadcrumbs li")]
    assert crumbs == ["Kommunale Zusammenarbeit", "Aktuelles", "Auftaktkonferenz"]


def test_the_section_is_declared_for_site_setup():
    section = registry.page_type(NewsIndexPage).section
    assert section == Section("Aktuelles", "aktuelles", order=15, approval=True)
    assert section in registry.sections()
    assert section.in_menu
