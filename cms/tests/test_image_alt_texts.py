"""Issue 14: one alternative text per image per language, written on the image (cms.image_alt).

The German text is the image's description and stays required; the other languages are optional
fields of the image form. Pages and the API use the text of their language, else the German one
marked as German.
"""

import io

import pytest
import wagtail_factories
from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from PIL import Image as PILImage
from wagtail.models import Locale

from cms.image_alt import Alt, alt_for, prefetch_alt_texts
from cms.models import ImageAltText
from cms.renditions import make_renditions
from programmes.factories import TopicPageFactory, publish_ancestors_in, translate_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def image(site, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    return wagtail_factories.ImageFactory(title="Rathaus", description="Das Rathaus von Annaba")


def png_upload(name):
    picture = io.BytesIO()
    PILImage.new("RGB", (40, 30), "white").save(picture, "PNG")
    return SimpleUploadedFile(name, picture.getvalue(), content_type="image/png")


def add_alt(image, code, text):
    return ImageAltText.objects.create(image=image, locale=Locale.objects.get(language_code=code), text=text)


# --- Choosing the text ------------------------------------------------------------------------------


class TestAltFor:
    def test_german_is_the_description(self, image):
        add_alt(image, "fr", "La mairie d'Annaba")
        assert alt_for(image, "de") == Alt("Das Rathaus von Annaba", "de")

    def test_a_language_with_its_own_text(self, image):
        add_alt(image, "ar-dz", "بلدية عنابة")
        assert alt_for(image, "ar-dz") == Alt("بلدية عنابة", "ar-dz")
        assert alt_for(image, "ar-dz").lang == "ar-DZ"

    def test_a_language_without_falls_back_to_german(self, image):
        add_alt(image, "fr", "La mairie d'Annaba")
        assert alt_for(image, "en") == Alt("Das Rathaus von Annaba", "de")

    def test_the_active_language_by_default(self, image):
        add_alt(image, "fr", "La mairie d'Annaba")
        with translation.override("fr"):
            assert alt_for(image).text == "La mairie d'Annaba"

    def test_an_unknown_language_is_german(self, image):
        assert alt_for(image, "xx") == Alt("Das Rathaus von Annaba", "de")

    def test_a_list_of_images_costs_one_query(self, image, django_assert_num_queries):
        images = [wagtail_factories.ImageFactory(title=f"Bild {n}", description=f"Bild {n}") for n in range(5)]
        for number, other in enumerate(images):
            add_alt(other, "fr", f"Image {number}")
        images = list(type(image).objects.filter(pk__in=[other.pk for other in images]).order_by("pk"))
        with django_assert_num_queries(1):
            prefetch_alt_texts(images, "fr")
            assert [alt_for(other, "fr").text for other in images] == [f"Image {n}" for n in range(5)]

    def test_german_needs_no_query(self, image, django_assert_num_queries):
        with django_assert_num_queries(0):
            prefetch_alt_texts([image], "de")
            assert alt_for(image, "de").text == "Das Rathaus von Annaba"


# --- The image form ---------------------------------------------------------------------------------


class TestImageForm:
    def post(self, client, image, **fields):
        data = {"title": "Rathaus", "description": "Das Rathaus von Annaba", "collection": image.collection_id}
        return client.post(reverse("wagtailimages:edit", args=[image.pk]), {**data, **fields})

    def test_one_optional_field_per_other_language_after_the_german_one(self, german_admin_client, image):
        form = german_admin_client.get(reverse("wagtailimages:edit", args=[image.pk])).context["form"]
        names = list(form.fields)
        start = names.index("description")
        assert names[start : start + 4] == ["description", "alt_text_fr", "alt_text_ar_dz", "alt_text_en"]
        labels = [str(form.fields[name].label) for name in names[start : start + 4]]
        assert labels == [
            "Alternativtext (Deutsch)",
            "Alternativtext (Français)",
            "Alternativtext (العربية)",
            "Alternativtext (English)",
        ]
        assert form.fields["description"].required
        assert not any(form.fields[name].required for name in names[start + 1 : start + 4])
        assert form.fields["alt_text_ar_dz"].widget.attrs == {"lang": "ar-dz", "dir": "rtl", "maxlength": "255"}
        assert "deutschen Alternativtext" in str(form.fields["alt_text_fr"].help_text)

    def test_saved_with_the_image_and_shown_again(self, german_admin_client, image):
        response = self.post(
            german_admin_client, image, alt_text_fr="La mairie d'Annaba", alt_text_ar_dz=" بلدية عنابة "
        )
        assert response.status_code == 302
        texts = dict(ImageAltText.objects.filter(image=image).values_list("locale__language_code", "text"))
        assert texts == {"fr": "La mairie d'Annaba", "ar-dz": "بلدية عنابة"}
        form = german_admin_client.get(reverse("wagtailimages:edit", args=[image.pk])).context["form"]
        assert form["alt_text_fr"].value() == "La mairie d'Annaba" and form["alt_text_en"].value() == ""

    def test_emptied_text_is_removed(self, german_admin_client, image):
        add_alt(image, "fr", "La mairie d'Annaba")
        add_alt(image, "en", "Annaba town hall")
        assert (
            self.post(german_admin_client, image, alt_text_fr="  ", alt_text_en="Annaba City Hall").status_code == 302
        )
        texts = dict(ImageAltText.objects.filter(image=image).values_list("locale__language_code", "text"))
        assert texts == {"en": "Annaba City Hall"}

    def test_german_stays_required_and_nothing_is_saved_without_it(self, german_admin_client, image):
        response = self.post(german_admin_client, image, description="", alt_text_fr="La mairie d'Annaba")
        assert response.status_code == 200 and "description" in response.context["form"].errors
        assert not ImageAltText.objects.exists()

    def test_uploading_saves_the_other_languages_too(self, german_admin_client, image):
        response = german_admin_client.post(
            reverse("wagtailimages:add"),
            {
                "title": "Hafen",
                "file": png_upload("hafen.png"),
                "description": "Der Hafen von Annaba",
                "collection": image.collection_id,
                "alt_text_fr": "Le port d'Annaba",
            },
        )
        assert response.status_code == 302, response.context["form"].errors
        uploaded = type(image).objects.get(title="Hafen")
        assert alt_for(uploaded, "fr") == Alt("Le port d'Annaba", "fr")

    def test_the_multiple_uploader_asks_for_them_and_saves_them(self, german_admin_client, image):
        """The German text is required, so the uploader sets the file aside and shows the form (with the
        other languages' fields); filling it in creates the image with its texts."""
        from wagtail.models import UploadedFile

        response = german_admin_client.post(
            reverse("wagtailimages:add_multiple"),
            {"files[]": png_upload("markt.png"), "collection": image.collection_id},
        )
        upload = UploadedFile.objects.get()
        assert f'name="uploaded-image-{upload.pk}-alt_text_ar_dz"' in response.json()["form"]
        prefix = f"uploaded-image-{upload.pk}-"
        response = german_admin_client.post(
            reverse("wagtailimages:create_multiple_from_uploaded_image", args=[upload.pk]),
            {
                prefix + "title": "Markt",
                prefix + "description": "Der Markt von Annaba",
                prefix + "collection": image.collection_id,
                prefix + "alt_text_en": "Annaba market",
            },
        )
        assert response.json()["success"] is True
        created = type(image).objects.get(pk=response.json()["image_id"])
        assert alt_for(created, "en") == Alt("Annaba market", "en")
        assert alt_for(created, "fr") == Alt("Der Markt von Annaba", "de")


# --- Pages ------------------------------------------------------------------------------------------


def card_images(response):
    soup = BeautifulSoup(response.content, "html.parser")
    found = soup.select(".card--topic img, .card--topic .image-pending")  # the span while renditions are made
    return [(img.get("alt", img.get("aria-label")), img.get("lang")) for img in found]


def topic_with_image(site, number, image):
    topic = TopicPageFactory(parent=site.topic_index, title=f"Thema {number}", slug=f"thema-{number}", image=image)
    make_renditions.call(image.pk)
    return topic


class TestTopicIndex:
    def test_french_cards_use_the_french_text_else_the_german_one_marked_as_german(self, client, site, image):
        other = wagtail_factories.ImageFactory(title="Hafen", description="Der Hafen von Annaba")
        first = topic_with_image(site, 1, image)
        second = topic_with_image(site, 2, other)
        add_alt(image, "fr", "La mairie d'Annaba")
        publish_ancestors_in(translate_page(first, "fr"))
        translate_page(second, "fr")
        french_index = site.topic_index.get_translation(Locale.objects.get(language_code="fr"))

        cards = card_images(client.get(french_index.url))

        assert sorted(cards) == [("Der Hafen von Annaba", "de"), ("La mairie d'Annaba", "fr")]
        german = card_images(client.get(site.topic_index.url))
        assert sorted(german) == [("Das Rathaus von Annaba", "de"), ("Der Hafen von Annaba", "de")]

    def test_queries_do_not_grow_with_the_images(self, client, site, image):
        first = topic_with_image(site, 0, image)
        add_alt(image, "fr", "La mairie d'Annaba")
        publish_ancestors_in(translate_page(first, "fr"))
        french_index = site.topic_index.get_translation(Locale.objects.get(language_code="fr"))

        def count():
            client.get(french_index.url)  # warm
            with CaptureQueriesContext(connection) as queries:
                assert client.get(french_index.url).status_code == 200
            return len(queries)

        few = count()
        for number in range(1, 6):
            other = wagtail_factories.ImageFactory(title=f"Bild {number}", description=f"Bild {number}")
            add_alt(other, "fr", f"Image {number}")
            translate_page(topic_with_image(site, number, other), "fr")
        assert count() == few
        assert ("Image 5", "fr") in card_images(client.get(french_index.url))


# --- API --------------------------------------------------------------------------------------------


class TestAPI:
    @pytest.fixture
    def images(self, image):
        other = wagtail_factories.ImageFactory(title="Hafen", description="Der Hafen von Annaba")
        add_alt(image, "fr", "La mairie d'Annaba")
        add_alt(image, "ar-dz", "بلدية عنابة")
        for each in (image, other):
            make_renditions.call(each.pk)
        return image, other

    def alts(self, client, **params):
        response = client.get("/api/v2/images/", params)
        assert response.status_code == 200
        return response, [
            (item["alt"], item["alt_lang"], item["rendition"]["alt"]) for item in response.json()["items"]
        ]

    def test_images_in_the_language_asked_for_else_german(self, client, images):
        response, alts = self.alts(client, locale="fr")
        assert alts == [
            ("La mairie d'Annaba", "fr", "La mairie d'Annaba"),
            ("Der Hafen von Annaba", "de", "Der Hafen von Annaba"),
        ]
        assert response["Content-Language"] == "de, fr"
        _response, alts = self.alts(client, locale="ar-dz", search="Rathaus")
        assert alts == [("بلدية عنابة", "ar-dz", "بلدية عنابة")]
        _response, alts = self.alts(client)
        assert [alt[:2] for alt in alts] == [("Das Rathaus von Annaba", "de"), ("Der Hafen von Annaba", "de")]
        detail = client.get(f"/api/v2/images/{images[0].pk}/", {"locale": "ar-dz"})
        assert (detail.json()["alt"], detail.json()["alt_lang"], detail["Content-Language"]) == (
            "بلدية عنابة",
            "ar-dz",
            "ar-DZ",
        )

    def test_an_unknown_locale_is_a_400(self, client, images):
        response = client.get("/api/v2/images/", {"locale": "xx"})
        assert response.status_code == 400 and "locale" in response.json()["message"]

    def test_pages_give_the_alt_text_of_their_language(self, client, site, images):
        image, other = images
        topic = TopicPageFactory(parent=site.topic_index, title="Thema", slug="thema", image=image)
        topic.body = [("image", {"image": other, "alt_text": "", "decorative": False, "caption": "", "credit": ""})]
        topic.save_revision().publish()
        french = translate_page(topic, "fr")
        publish_ancestors_in(french)
        response = client.get("/api/v2/pages/", {"type": "programmes.TopicPage", "fields": "image,body"})
        by_locale = {item["meta"]["locale"]: item for item in response.json()["items"]}
        for code, expected_image, expected_block in (
            ("de", ("Das Rathaus von Annaba", "de"), ("Der Hafen von Annaba", "de")),
            ("fr", ("La mairie d'Annaba", "fr"), ("Der Hafen von Annaba", "de")),
        ):
            item = by_locale[code]
            assert (item["image"]["alt"], item["image"]["alt_lang"]) == expected_image
            block_image = item["body"][0]["value"]["image"]
            assert (block_image["alt"], block_image["alt_lang"]) == expected_block


# --- Translations made before -----------------------------------------------------------------------


def test_alt_texts_translated_per_page_before_are_kept_on_the_image(site, image):
    from django.core.management import call_command

    from programmes.factories import CallForParticipationPageFactory

    other = wagtail_factories.ImageFactory(title="Hafen", description="Der Hafen von Annaba")
    call = CallForParticipationPageFactory(title="Aufruf mit Bildern", slug="aufruf-mit-bildern")
    call.body = [
        ("image", {"image": image, "alt_text": "", "decorative": False, "caption": "", "credit": ""}),
        (
            "image",
            {"image": other, "alt_text": "Der Hafen am Morgen", "decorative": False, "caption": "", "credit": ""},
        ),
    ]
    call.save_revision().publish()
    french = translate_page(call, "fr")
    publish_ancestors_in(french)
    # As wagtail-localize stored them before issue 14: the image's text, translated into the override.
    french.body[0].value["alt_text"] = "La mairie d'Annaba"
    french.body[1].value["alt_text"] = "Le port le matin"
    french.save_revision().publish()

    call_command("keep_translated_image_alt_texts", stdout=io.StringIO())
    call_command("keep_translated_image_alt_texts", stdout=io.StringIO())  # idempotent

    texts = set(ImageAltText.objects.values_list("image__title", "locale__language_code", "text"))
    # The second block's override translated the page's own override, not the image's text: not copied.
    assert texts == {("Rathaus", "fr", "La mairie d'Annaba")}
