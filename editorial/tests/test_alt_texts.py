"""Translators write the alternative texts of images in their own language (editorial/alt_texts.py)."""

import pytest
import wagtail_factories
from bs4 import BeautifulSoup
from django.contrib.messages import get_messages
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.images.models import Image
from wagtail.models import Collection, ModelLogEntry

from cms.models import ImageAltText
from cms.renditions import make_renditions
from programmes.factories import TopicPageFactory, publish_ancestors_in, translate_page

from .conftest import locale
from .test_roles import denied

pytestmark = pytest.mark.django_db

URL = "/admin/alt-texts/"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)


def make_image(title, description="Ein Bild"):
    # In the root collection, on which setup_roles grants the groups' image permissions.
    root = Collection.get_first_root_node()
    return wagtail_factories.ImageFactory(title=title, description=description, collection=root)


def add_alt(image, code, text):
    return ImageAltText.objects.create(image=image, locale=locale(code), text=text)


def texts(image):
    return dict(ImageAltText.objects.filter(image=image).values_list("locale__language_code", "text"))


def rows(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return [row.find_all("div")[0].get_text(strip=True) for row in soup.select("tr[data-image]")]


def post(client, images, language="fr", save="all", **texts_by_image):
    data = {"language": language, "image": [image.pk for image in images], "save": save}
    data.update({f"alt-{image.pk}": texts_by_image.get(image.title, "") for image in images})
    return client.post(URL, data)


def login(client, user):
    client.force_login(user)
    return client


class TestAccess:
    def test_translators_and_administrators_only(self, client, users):
        for user, status in (
            (users.fr, 200),
            (users.ar, 200),
            (users.en, 200),
            (users.admin, 200),
            (users.superuser, 200),
            (users.editor, 403),  # writes every language in the image form; no translator screen
            (users.approver, 403),
            (users.team, 403),
        ):
            response = login(client, user).get(URL)
            assert response.status_code == status or denied(response) and status == 403, user

    def test_a_translator_is_offered_only_their_language(self, client, users):
        response = login(client, users.fr).get(URL)
        assert [value for value, _label in response.context["filter_form"].fields["language"].choices] == ["fr"]
        response = login(client, users.admin).get(URL)
        choices = [value for value, _label in response.context["filter_form"].fields["language"].choices]
        assert choices == ["fr", "ar-dz", "en"]

    def test_a_french_translator_cannot_read_or_write_arabic(self, client, users):
        image = make_image("Rathaus")
        login(client, users.fr)
        for request in (
            lambda: client.get(URL + "?language=ar-dz"),
            lambda: post(client, [image], "ar-dz", Rathaus="x"),
        ):
            response = request()
            assert (response.status_code, response["Location"]) == (302, URL)
            assert "Sie dürfen Alternativtexte nur in Français schreiben." in client.get(URL).content.decode()
        assert texts(image) == {}

    def test_an_image_the_user_may_not_choose_is_refused(self, client, users):
        image = make_image("Rathaus")
        login(client, users.fr)
        response = client.post(URL, {"language": "fr", "image": [image.pk, 999999], "save": "all"})
        assert denied(response)

    def test_menu_item_for_translators_only(self, client, users):
        assert URL in login(client, users.fr).get(reverse("wagtailadmin_home")).content.decode()
        assert URL not in login(client, users.editor).get(reverse("wagtailadmin_home")).content.decode()


class TestListing:
    def test_images_without_a_text_in_the_language_first_with_a_count(self, client, users):
        done = make_image("Hafen")
        add_alt(done, "fr", "Le port")
        add_alt(make_image("Markt"), "ar-dz", "السوق")  # Arabic only: still missing in French
        make_image("Rathaus")
        login(client, users.fr)

        response = client.get(URL)

        assert sorted(rows(response)) == ["Markt", "Rathaus"]
        heading = BeautifulSoup(response.content, "html.parser").find(id="alt-texts-heading")
        assert " ".join(heading.text.split()) == "Ohne Alternativtext in Français: 2 Bilder"
        everything = client.get(URL + "?language=fr&show=all")
        assert sorted(rows(everything)) == ["Hafen", "Markt", "Rathaus"]
        field = BeautifulSoup(everything.content, "html.parser").find("textarea", {"name": f"alt-{done.pk}"})
        assert field.get_text(strip=True) == "Le port"

    def test_german_text_and_labels(self, client, users):
        make_image("Rathaus", "Das Rathaus von Annaba")
        response = login(client, users.fr).get(URL)
        soup = BeautifulSoup(response.content, "html.parser")
        assert soup.find("td", lang="de").get_text(strip=True) == "Das Rathaus von Annaba"
        assert soup.title.get_text(strip=True).startswith("Alternativtexte")
        assert soup.header.h1.get_text(strip=True) == "Alternativtexte"  # not the breadcrumbs' "Startseite"
        field = soup.find("textarea", {"name": f"alt-{Image.objects.get().pk}"})
        label = soup.find("label", {"for": field["id"]})
        assert label.get_text(strip=True) == "Alternativtext (Français) für „Rathaus“"
        assert "Alle auf dieser Seite speichern" in soup.get_text()

    def test_arabic_field_is_right_to_left(self, client, users):
        image = make_image("Rathaus")
        response = login(client, users.ar).get(URL)
        field = BeautifulSoup(response.content, "html.parser").find("textarea", {"name": f"alt-{image.pk}"})
        assert (field["dir"], field["lang"]) == ("rtl", "ar-dz")
        french = login(client, users.fr).get(URL)
        field = BeautifulSoup(french.content, "html.parser").find("textarea", {"name": f"alt-{image.pk}"})
        assert (field["dir"], field["lang"]) == ("ltr", "fr")

    def test_pagination(self, client, users):
        for number in range(25):
            make_image(f"Bild {number:02}")
        response = login(client, users.fr).get(URL)
        assert len(rows(response)) == 20
        assert len(rows(client.get(URL + "?language=fr&show=missing&p=2"))) == 5

    def test_thumbnails_are_looked_up_never_made(self, client, users, django_capture_on_commit_callbacks):
        image = make_image("Rathaus")
        login(client, users.fr)
        with django_capture_on_commit_callbacks() as callbacks:
            response = client.get(URL)
        assert not image.renditions.exists()
        assert "Vorschau wird vorbereitet" in response.content.decode()
        assert callbacks  # the worker is asked for the rendition
        make_renditions.call(image.pk)
        soup = BeautifulSoup(client.get(URL).content, "html.parser")
        assert soup.select_one("tr[data-image] img")["alt"] == ""

    def test_query_count_does_not_grow_with_the_images(self, client, users):
        login(client, users.fr)

        def count():
            client.get(URL)  # warm
            with CaptureQueriesContext(connection) as queries:
                assert client.get(URL).status_code == 200
            return len(queries)

        for number in range(2):
            make_renditions.call(make_image(f"Bild {number}").pk)
        few = count()
        for number in range(2, 20):
            image = make_image(f"Bild {number}")
            add_alt(image, "ar-dz", "صورة")
            make_renditions.call(image.pk)
        assert count() == few


class TestSaving:
    def test_saves_every_row_logs_and_says_so_in_german(self, client, users):
        first, second, third = make_image("Rathaus"), make_image("Hafen"), make_image("Markt")
        add_alt(third, "fr", "Le marché")
        login(client, users.fr)

        response = post(client, [first, second, third], Rathaus="La mairie\n ", Hafen="", Markt="Le marché\r\ncouvert")

        assert response.status_code == 302
        assert [texts(first), texts(second), texts(third)] == [{"fr": "La mairie"}, {}, {"fr": "Le marché couvert"}]
        assert [str(message) for message in get_messages(response.wsgi_request)] == [
            "2 Alternativtexte in Français gespeichert."
        ]
        entries = ModelLogEntry.objects.filter(action="kz.alt_text")
        assert {(entry.object_id, entry.data["new"], entry.user_id) for entry in entries} == {
            (str(first.pk), "La mairie", users.fr.pk),
            (str(third.pk), "Le marché couvert", users.fr.pk),
        }
        assert {str(entry.message) for entry in entries} == {"Alternativtext (Français) geändert"}
        history = login(client, users.superuser).get(reverse("wagtailadmin_reports:site_history")).content.decode()
        assert "Alternativtext ändern" in history

    def test_one_row_saves_only_that_row(self, client, users):
        first, second = make_image("Rathaus"), make_image("Hafen")
        login(client, users.fr)
        post(client, [first, second], save=str(second.pk), Rathaus="La mairie", Hafen="Le port")
        assert texts(first) == {} and texts(second) == {"fr": "Le port"}

    def test_an_emptied_text_is_removed(self, client, users):
        image = make_image("Rathaus")
        add_alt(image, "fr", "La mairie")
        add_alt(image, "ar-dz", "البلدية")
        login(client, users.fr)
        post(client, [image], Rathaus="")
        assert texts(image) == {"ar-dz": "البلدية"}

    def test_a_too_long_text_is_an_error_and_nothing_is_saved(self, client, users):
        first, second = make_image("Rathaus"), make_image("Hafen")
        login(client, users.fr)
        response = post(client, [first, second], Rathaus="La mairie", Hafen="x" * 300)
        assert response.status_code == 200
        assert ImageAltText.objects.count() == 0
        assert "konnten nicht gespeichert werden" in response.content.decode()

    def test_the_filter_is_kept_after_saving(self, client, users):
        image = make_image("Rathaus")
        login(client, users.fr)
        response = client.post(
            URL,
            {"language": "fr", "image": [image.pk], "save": "all", f"alt-{image.pk}": "x", "query": "show=all&p=1"},
        )
        assert response["Location"] == URL + "?show=all&p=1"


def test_a_cached_french_page_shows_the_new_text_on_the_next_request(
    client, users, site, settings, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE_ENABLED = True
    image = make_image("Rathaus", "Das Rathaus von Annaba")
    topic = TopicPageFactory(parent=site.topic_index, title="Thema", slug="thema", image=image)
    make_renditions.call(image.pk)
    french = translate_page(topic, "fr")
    publish_ancestors_in(french)
    visitor = Client()
    visitor.get(french.url)
    assert visitor.get(french.url)["X-Cache"] == "HIT"
    assert 'alt="Das Rathaus von Annaba"' in visitor.get(french.url).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        post(login(client, users.fr), [image], Rathaus="La mairie d'Annaba")

    soup = BeautifulSoup(Client().get(french.url).content, "html.parser")
    hero = soup.find("img", alt="La mairie d'Annaba")
    assert hero is not None and hero["lang"] == "fr"


class TestDashboard:
    def test_translators_see_their_count_with_a_link(self, client, users):
        make_image("Rathaus")
        add_alt(make_image("Hafen"), "fr", "Le port")
        html = login(client, users.fr).get(reverse("wagtailadmin_home")).content.decode()
        panel = BeautifulSoup(html, "html.parser").find(id="alt-texts-section")
        assert "Alternativtexte der Bilder" in panel.get_text()
        link = panel.find("a", href=f"{URL}?language=fr&show=missing")
        assert " ".join(link.text.split()) == "1 Bild ohne Alternativtext in Français"

    def test_not_for_editors(self, client, users):
        make_image("Rathaus")
        html = login(client, users.editor).get(reverse("wagtailadmin_home")).content.decode()
        assert 'id="alt-texts' not in html and URL not in html

    def test_the_count_costs_the_same_for_many_images(self, client, users):
        login(client, users.fr)

        def count():
            client.get(reverse("wagtailadmin_home"))
            with CaptureQueriesContext(connection) as queries:
                client.get(reverse("wagtailadmin_home"))
            return len(queries)

        make_image("Bild 0")
        few = count()
        for number in range(1, 20):
            make_image(f"Bild {number}")
        assert count() == few
