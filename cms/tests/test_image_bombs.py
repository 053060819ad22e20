"""Images with too many pixels are a form error in the admin, never a 500 (cms/image_forms.py)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.models import Collection

from tests.services import png

Image = get_image_model()


def upload(admin_client, content, name="bild.png"):
    return admin_client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Bild",
            "description": "Ein schwarzes Bild",
            "collection": Collection.get_first_root_node().pk,
            "file": SimpleUploadedFile(name, content, content_type="image/png"),
        },
        HTTP_ACCEPT_LANGUAGE="de",
    )


@pytest.fixture
def german_admin(german_admin_client):
    return german_admin_client


def field_errors(response):
    return [str(error) for error in response.context["form"].errors.get("file", [])]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("width", "height"),
    [
        (20000, 20000),  # 400 megapixels: Pillow raises DecompressionBombError
        (11000, 11000),  # 121 megapixels: Pillow only warns; was accepted under Wagtail's 128 MP default
    ],
)
def test_a_decompression_bomb_is_a_german_form_error(german_admin, settings, tmp_path, width, height):
    settings.MEDIA_ROOT = tmp_path
    content = png(width, height)
    assert len(content) < 1_000_000  # a small file
    response = upload(german_admin, content)
    assert response.status_code == 200
    (error,) = field_errors(response)
    assert "zu viele Bildpunkte" in error
    assert "40 Megapixel" in error
    assert not Image.objects.exists()


@pytest.mark.django_db
def test_an_image_just_over_the_limit_is_refused(german_admin, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    assert settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS == 40_000_000
    response = upload(german_admin, png(6400, 6260))  # 40.06 megapixels
    assert response.status_code == 200
    (error,) = field_errors(response)
    assert "zu viele Bildpunkte" in error
    assert not Image.objects.exists()


@pytest.mark.django_db
def test_an_image_within_the_limit_is_saved(german_admin, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    with override_settings(WAGTAILIMAGES_MAX_IMAGE_PIXELS=1_000_000):
        response = upload(german_admin, png(1000, 1000))
    assert response.status_code == 302, field_errors(response)
    image = Image.objects.get()
    assert (image.width, image.height) == (1000, 1000)


@pytest.mark.django_db
def test_the_multiple_uploader_refuses_a_bomb_with_the_message(german_admin, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    response = german_admin.post(
        reverse("wagtailimages:add_multiple"),
        {"files[]": SimpleUploadedFile("bombe.png", png(20000, 20000), content_type="image/png")},
        HTTP_X_REQUESTED_WITH="XMLHttpRequest",
    )
    assert response.status_code == 200
    payload = response.json()
    assert payload["success"] is False
    assert "zu viele Bildpunkte" in payload["error_message"]
    assert not Image.objects.exists()
