"""Empty optional block fields (an image without caption, a call to action without text, a FAQ or
facts block without title, a document without its own title) on a page being translated.

Investigated, no workaround module needed in wagtail-localize 1.14: empty strings are not extracted as
segments, and on save the empty values are kept from the source, so the translation editor opens,
saving and publishing succeed and the translated page renders. These tests pin that.
"""

import pytest
import wagtail_factories
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail_localize.models import StringSegment, Translation

from programmes.factories import CallForParticipationPageFactory

from .helpers import locale, translate_and_publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def call_with_empty_optionals(site):
    image = wagtail_factories.ImageFactory(title="Rathaus")
    document = wagtail_factories.DocumentFactory(title="Merkblatt")
    call = CallForParticipationPageFactory(title="Aufruf mit Lücken", slug="aufruf-mit-luecken")
    call.body = [
        ("image", {"image": image, "alt_text": "Das Rathaus", "decorative": False, "caption": "", "credit": ""}),
        (
            "call_to_action",
            {
                "title": "Jetzt bewerben",
                "text": "",
                "link_label": "Zum Formular",
                "link": {"page": None, "url": "https://example.org/formular"},
            },
        ),
        ("faq", {"title": "", "items": [{"question": "Wer darf?", "answer": "<p>Kommunen.</p>"}]}),
        ("facts", {"title": "", "facts": [{"value": "6", "label": "Partnerschaften", "source": ""}]}),
        ("documents", {"title": "", "documents": [{"document": document, "title": ""}]}),
        ("quote", {"quote": "Zusammen geht mehr.", "attribution": ""}),
        ("image", {"image": image, "alt_text": "", "decorative": True, "caption": "", "credit": ""}),
    ]
    call.faq = [("question", {"question": "Bis wann?", "answer": "<p>Bis Ende Mai.</p>"})]
    call.documents = [("document", {"document": document, "title": ""})]
    call.save_revision().publish()
    translate_and_publish(site.home, "fr")
    translate_and_publish(site.call_index, "fr")
    return call


def test_translating_a_page_with_empty_optional_fields(admin_client, call_with_empty_optionals):
    translation, french = translate_and_publish(
        call_with_empty_optionals, "fr", {"Jetzt bewerben": "Postulez maintenant", "Wer darf?": "Qui peut ?"}
    )
    # No empty string became a segment to translate.
    assert not StringSegment.objects.filter(source=translation.source, string__data="").exists()
    # The translation editor opens.
    assert admin_client.get(reverse("wagtailadmin_pages:edit", args=[french.pk])).status_code == 200
    # The translated page kept the empty values and renders.
    french = french.specific
    blocks = {block.block_type: block.value for block in french.body}
    assert blocks["call_to_action"]["title"] == "Postulez maintenant" and blocks["call_to_action"]["text"] == ""
    assert blocks["image"]["caption"] == ""
    assert blocks["faq"]["title"] == ""
    response = admin_client.get(french.url)
    assert response.status_code == 200
    assert "Postulez maintenant" in response.content.decode()


def test_syncing_after_the_source_changes_keeps_working(admin_client, call_with_empty_optionals):
    translation, _ = translate_and_publish(call_with_empty_optionals, "fr")
    call = call_with_empty_optionals
    call.body[1].value["text"] = "Neu: ein Text"  # an empty optional field is filled in
    call.save_revision().publish()
    response = admin_client.post(
        reverse("wagtail_localize:update_translations", args=[translation.source_id]), {"publish_translations": "on"}
    )
    assert response.status_code == 302
    assert StringSegment.objects.filter(source=translation.source, string__data="Neu: ein Text").exists()
    assert Translation.objects.get(pk=translation.pk).enabled


def test_the_images_own_alt_text_is_not_a_segment(client, site):
    """Issue 14: an image block without an override uses the image's alternative text in each language
    (cms.image_alt), so translators are not asked to type it again on every page that shows the image."""
    from cms.models import ImageAltText

    image = wagtail_factories.ImageFactory(title="Rathaus", description="Das Rathaus von Annaba")
    call = CallForParticipationPageFactory(title="Aufruf mit Bild", slug="aufruf-mit-bild")
    call.body = [("image", {"image": image, "alt_text": "", "decorative": False, "caption": "", "credit": ""})]
    call.save_revision().publish()
    translate_and_publish(site.home, "fr")
    translate_and_publish(site.call_index, "fr")

    translation, french = translate_and_publish(call, "fr")

    assert not StringSegment.objects.filter(source=translation.source, string__data="Das Rathaus von Annaba").exists()
    assert french.specific.body[0].value["alt_text"] == ""
    # No French text yet: the German one, marked as German.
    assert body_image(client.get(french.url)) == {"alt": "Das Rathaus von Annaba", "lang": "de"}
    ImageAltText.objects.create(image=image, locale=locale("fr"), text="La mairie d'Annaba")
    assert body_image(client.get(french.url)) == {"alt": "La mairie d'Annaba", "lang": "fr"}
    assert body_image(client.get(call.url)) == {"alt": "Das Rathaus von Annaba", "lang": "de"}


def test_an_override_is_translated_per_page(client, site):
    """An override says what the image means on this page: it stays a segment, translated with the page."""
    image = wagtail_factories.ImageFactory(title="Rathaus", description="Das Rathaus von Annaba")
    call = CallForParticipationPageFactory(title="Aufruf mit Bild", slug="aufruf-mit-bild")
    call.body = [
        (
            "image",
            {
                "image": image,
                "alt_text": "Der Marktplatz vor dem Rathaus",
                "decorative": False,
                "caption": "",
                "credit": "",
            },
        )
    ]
    call.save_revision().publish()
    translate_and_publish(site.home, "fr")
    translate_and_publish(site.call_index, "fr")

    translation, french = translate_and_publish(
        call, "fr", {"Der Marktplatz vor dem Rathaus": "La place du marché devant la mairie"}
    )

    assert StringSegment.objects.filter(
        source=translation.source, string__data="Der Marktplatz vor dem Rathaus"
    ).exists()
    # The override is in the page's language, as the element around it says: no lang of its own.
    assert body_image(client.get(french.url)) == {"alt": "La place du marché devant la mairie", "lang": None}


def body_image(response):
    """alt and lang of the image block's img element."""
    figure = BeautifulSoup(response.content, "html.parser").select_one("figure.block-image img")
    return {"alt": figure["alt"], "lang": figure.get("lang")}
