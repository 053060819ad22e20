"""Links inside rich text that point to a German page, rendered on a translated page.

Investigated, no workaround needed: wagtail-localize keeps the German page id in translated rich text
(the link is not a translatable segment), and Wagtail 7.4's ``PageLinkHandler`` renders it as
``page.localized.url`` — the live version of the linked page in the active language (a translation, or
the alias in that locale tree), else the German page. These tests pin that behaviour for
RichTextField and RichTextBlock, so an upgrade that changes it fails here.
"""

import pytest
from django.utils import translation as django_translation
from wagtail_localize.models import LocaleSynchronization

from home.factories import StandardPageFactory
from programmes.factories import CallForParticipationPageFactory

from .helpers import locale, translate_and_publish

pytestmark = pytest.mark.django_db


def link_to(page):
    return f'<p>Siehe <a linktype="page" id="{page.pk}">Kontakt</a>.</p>'


@pytest.fixture
def target(site):
    page = StandardPageFactory(title="Kontakt", slug="kontakt")
    page.save_revision().publish()
    return page


@pytest.fixture
def linking_pages(target):
    call = CallForParticipationPageFactory(title="Aufruf 2025", slug="aufruf-2025", offer=link_to(target))
    call.body = [("rich_text", link_to(target))]
    call.save_revision().publish()
    return call


def rendered(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return response.content.decode()


def test_links_point_to_the_live_translation(client, site, target, linking_pages):
    translate_and_publish(site.home, "fr")
    _, french_target = translate_and_publish(target, "fr", {"kontakt": "contact", "Kontakt": "Contact"})
    translate_and_publish(site.call_index, "fr")
    _, french_call = translate_and_publish(linking_pages, "fr")
    french_target.refresh_from_db()
    html = rendered(client, french_call)
    assert french_target.url.startswith("/fr/")
    # Both the RichTextField (offer) and the RichTextBlock (body) link to the French page.
    assert html.count(f'href="{french_target.url}"') == 2
    assert f'href="{target.url}"' not in html


def test_links_point_to_the_alias_when_not_translated(client, site, target, linking_pages):
    LocaleSynchronization.objects.create(locale=locale("fr"), sync_from=locale("de"))
    _, french_call = translate_and_publish(linking_pages, "fr")
    alias = target.get_translation(locale("fr"))
    assert alias.alias_of_id == target.pk
    html = rendered(client, french_call)
    assert html.count(f'href="{alias.url}"') == 2 and alias.url.startswith("/fr/")


def test_german_page_keeps_german_links(client, site, target, linking_pages):
    translate_and_publish(site.home, "fr")
    translate_and_publish(target, "fr")
    with django_translation.override("de"):
        html = rendered(client, linking_pages)
    assert html.count(f'href="{target.url}"') == 2
