"""Media on this host's disk (no S3): originals are sent by Django behind their collection's view
restrictions, and the nginx sample publishes nothing of MEDIA_ROOT but the renditions."""

import re
from pathlib import Path

import pytest
import wagtail_factories
from django.test import Client
from wagtail.models import Collection, CollectionViewRestriction

from tests.services import png

NGINX_SAMPLE = Path(__file__).resolve().parents[2] / "deploy" / "nginx" / "kommunal.conf"


@pytest.fixture
def images(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    root = Collection.get_first_root_node()
    internal = root.add_child(name="Intern")
    CollectionViewRestriction.objects.create(collection=internal, restriction_type="login")
    public = wagtail_factories.ImageFactory(title="Rathaus", file__data=png(40, 30))
    secret = wagtail_factories.ImageFactory(title="Intern", collection=internal, file__data=png(40, 30))
    return public, secret


def test_a_public_original_is_sent_by_django_not_left_to_the_web_server(images):
    public, _secret = images
    response = Client().get(f"/images/{public.pk}/original/")
    assert response.status_code == 200
    with public.file.open("rb") as original:
        assert b"".join(response.streaming_content) == original.read()
    assert "no-store" in response["Cache-Control"]


def test_a_restricted_original_needs_a_login(images, admin_client):
    _public, secret = images
    response = Client().get(f"/images/{secret.pk}/original/")
    assert response.status_code == 302 and "/login/" in response["Location"]
    assert admin_client.get(f"/images/{secret.pk}/original/").status_code == 200


def test_the_nginx_sample_serves_only_the_renditions_of_media_root():
    conf = NGINX_SAMPLE.read_text()
    media_locations = re.findall(r"location (/media/\S*) \{([^}]*)\}", conf)
    assert dict(media_locations).keys() == {"/media/images/", "/media/"}
    assert "alias /srv/kommunal/media/images/;" in dict(media_locations)["/media/images/"]
    assert "return 404;" in dict(media_locations)["/media/"]  # original_images/, documents/: never
