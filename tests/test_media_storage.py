"""Media on S3 (a real moto_server on loopback): private originals, public renditions, restricted
collections kept from anonymous visitors and from the API, and uploads while the storage is down.

The storage settings are the ones production builds (cms.storage_settings.s3_media_settings), and the
bucket carries the policy docs/deployment.md prescribes (cms.storage_settings.bucket_policy).
"""

import json
import urllib.error
import urllib.request
import uuid
from urllib.parse import urlsplit

import boto3
import pytest
import wagtail_factories
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction

from cms.storage_settings import bucket_policy, s3_media_settings
from tests.services import closed_port, free_port, png

Image = get_image_model()
Document = get_document_model()
STORAGE_DOWN = "Der Dateispeicher ist gerade nicht erreichbar"


@pytest.fixture(scope="module")
def moto_endpoint():
    from moto.server import ThreadedMotoServer

    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.stop()


@pytest.fixture
def aws_credentials(monkeypatch):
    for name, value in {
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_DEFAULT_REGION": "us-east-1",
    }.items():
        monkeypatch.setenv(name, value)
    for name in ("AWS_SESSION_TOKEN", "AWS_PROFILE", "AWS_SECURITY_TOKEN"):
        monkeypatch.delenv(name, raising=False)


def media_settings(settings, **kwargs):
    media = s3_media_settings(**kwargs)
    return override_settings(
        STORAGES={**settings.STORAGES, **media["STORAGES"]},
        WAGTAILDOCS_SERVE_METHOD=media["WAGTAILDOCS_SERVE_METHOD"],
    )


@pytest.fixture
def bucket(moto_endpoint, aws_credentials, settings):
    name = f"kz-fault-{uuid.uuid4().hex[:10]}"
    s3 = boto3.client("s3", endpoint_url=moto_endpoint, region_name="us-east-1")
    s3.create_bucket(Bucket=name)
    s3.put_bucket_policy(Bucket=name, Policy=json.dumps(bucket_policy(name)))
    with media_settings(settings, bucket=name, endpoint_url=moto_endpoint, region="us-east-1", url_expire=300):
        yield name


@pytest.fixture
def storage_down(aws_credentials, settings):
    endpoint = f"http://127.0.0.1:{closed_port()}"
    with media_settings(settings, bucket="kz-fault-down", endpoint_url=endpoint, timeout=1, max_attempts=1):
        yield


@pytest.fixture
def editor(german_admin_client):
    return german_admin_client


def http_get(url):
    """(status, body) of a plain GET without credentials, as a visitor's browser makes it."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, b""


def unsigned(url):
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}{parts.path}"


def upload_image(client, content, **extra):
    return client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Rathaus",
            "description": "Das Rathaus von Annaba",
            "collection": Collection.get_first_root_node().pk,
            "file": SimpleUploadedFile("rathaus.png", content, content_type="image/png"),
            **extra,
        },
    )


def upload_document(client, content=b"Protokoll der Sitzung\n", collection=None):
    return client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Protokoll",
            "collection": (collection or Collection.get_first_root_node()).pk,
            "file": SimpleUploadedFile("protokoll.txt", content, content_type="text/plain"),
        },
    )


def form_errors(response):
    return [str(error) for error in response.context["form"].errors.get("file", [])]


# --- S3 up: what is public and what is not ----------------------------------------------------------


@pytest.mark.django_db
def test_an_uploaded_image_original_is_private_and_its_renditions_public(editor, bucket, moto_endpoint):
    content = png(120, 80)
    response = upload_image(editor, content)
    assert response.status_code == 302, form_errors(response)
    image = Image.objects.get()
    assert (image.width, image.height, image.file_size) == (120, 80, len(content))

    original = image.file.url
    assert original.startswith(f"{moto_endpoint}/{bucket}/original_images/")
    assert "X-Amz-Signature=" in original and "X-Amz-Expires=300" in original
    assert http_get(original) == (200, content)
    assert http_get(unsigned(original))[0] == 403  # the bucket policy does not open originals

    rendition = image.get_rendition("width-60")
    assert rendition.url.startswith(f"{moto_endpoint}/{bucket}/renditions/")
    assert "X-Amz" not in rendition.url  # plain URL: cacheable pages
    status, body = http_get(rendition.url)
    assert status == 200 and body.startswith(b"\x89PNG")


@pytest.mark.django_db
def test_the_api_links_the_original_through_the_restriction_check(client, editor, bucket):
    upload_image(editor, png(40, 40))
    image = Image.objects.get()
    item = client.get(f"/api/v2/images/{image.pk}/").json()
    assert item["meta"]["download_url"].endswith(f"/images/{image.pk}/original/")
    assert "X-Amz" not in json.dumps(item)  # the answer does not change with each signature
    response = client.get(f"/images/{image.pk}/original/")
    assert response.status_code == 302
    assert "X-Amz-Signature=" in response["Location"]
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_a_document_is_served_through_wagtail_with_a_short_lived_url(client, editor, bucket):
    content = b"Protokoll der Sitzung\n"
    assert upload_document(editor, content).status_code == 302
    document = Document.objects.get()
    assert document.url == f"/documents/{document.pk}/protokoll.txt"
    response = client.get(document.url)
    assert response.status_code == 302
    signed = response["Location"]
    assert "X-Amz-Signature=" in signed and f"/{bucket}/documents/" in signed
    assert http_get(signed) == (200, content)
    assert http_get(unsigned(signed))[0] == 403


@pytest.mark.django_db
def test_a_restricted_collection_document_is_refused_to_anonymous_visitors(editor, bucket):
    internal = Collection.get_first_root_node().add_child(name="Intern")
    CollectionViewRestriction.objects.create(collection=internal, restriction_type=CollectionViewRestriction.LOGIN)
    assert upload_document(editor, b"vertraulich", collection=internal).status_code == 302
    document = Document.objects.get()

    response = Client().get(document.url)  # anonymous
    assert response.status_code == 302
    assert "X-Amz" not in response["Location"] and "/login/" in response["Location"]
    assert http_get(unsigned(document.file.url))[0] == 403
    assert Client().get(f"/api/v2/documents/{document.pk}/").status_code == 404

    # The editor, logged in, gets the file.
    assert "X-Amz-Signature=" in editor.get(document.url)["Location"]


# --- Restricted images and the API (any storage) --------------------------------------------------


@pytest.fixture
def restricted_image(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    public = wagtail_factories.ImageFactory(title="Rathaus öffentlich", description="Rathaus")
    root = Collection.get_first_root_node()
    internal = root.add_child(name="Intern")
    below = internal.add_child(name="Intern Fotos")  # a restriction covers the collections below
    CollectionViewRestriction.objects.create(collection=internal, restriction_type=CollectionViewRestriction.LOGIN)
    secret = wagtail_factories.ImageFactory(title="Rathaus intern", description="Rathaus", collection=below)
    return public, secret


def test_restricted_images_are_not_in_the_api(client, restricted_image):
    public, secret = restricted_image
    titles = [item["title"] for item in client.get("/api/v2/images/").json()["items"]]
    assert titles == ["Rathaus öffentlich"]
    assert client.get(f"/api/v2/images/{secret.pk}/").status_code == 404
    assert client.get("/api/v2/images/find/", {"id": secret.pk}).status_code == 404
    assert client.get("/api/v2/images/find/", {"id": public.pk}).status_code == 302
    found = [item["title"] for item in client.get("/api/v2/images/", {"search": "Rathaus"}).json()["items"]]
    assert found == ["Rathaus öffentlich"]
    assert "intern" not in client.get("/api/v2/images/", {"search": "intern"}).content.decode()


def test_a_restricted_original_image_is_refused_to_anonymous_visitors(admin_client, restricted_image):
    _public, secret = restricted_image
    response = Client().get(f"/images/{secret.pk}/original/")
    assert response.status_code == 302 and "/login/" in response["Location"]
    # On disk (this fixture's storage) Django sends the file itself; on S3 it redirects to a signed URL.
    response = admin_client.get(f"/images/{secret.pk}/original/")
    assert response.status_code == 200
    with secret.file.open("rb") as original:
        assert b"".join(response.streaming_content) == original.read()


# --- S3 down: a form error, nothing saved ----------------------------------------------------------


@pytest.mark.django_db
def test_an_image_upload_while_the_storage_is_down_is_a_form_error(editor, storage_down):
    response = upload_image(editor, png(50, 50))
    assert response.status_code == 200
    (error,) = form_errors(response)
    assert STORAGE_DOWN in error and "nichts wurde gespeichert" in error
    assert not Image.objects.exists()


@pytest.mark.django_db
def test_a_document_upload_while_the_storage_is_down_is_a_form_error(editor, storage_down):
    response = upload_document(editor)
    assert response.status_code == 200
    (error,) = form_errors(response)
    assert STORAGE_DOWN in error
    assert not Document.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "model", "name", "content"),
    [
        ("wagtailimages:add_multiple", Image, "bild.png", png(30, 30)),
        ("wagtaildocs:add_multiple", Document, "liste.txt", b"Liste"),
    ],
)
def test_the_multiple_uploader_reports_the_storage_failure(editor, storage_down, url, model, name, content):
    response = editor.post(
        reverse(url), {"files[]": SimpleUploadedFile(name, content)}, HTTP_X_REQUESTED_WITH="XMLHttpRequest"
    )
    assert response.status_code == 200
    payload = response.json()
    assert payload["success"] is False
    assert STORAGE_DOWN in payload["error_message"]
    assert not model.objects.exists()


@pytest.mark.django_db
def test_pages_and_the_api_survive_a_storage_outage_when_a_new_rendition_is_needed(client, editor, bucket, settings):
    from django.template import Context, Template

    assert upload_image(editor, png(90, 60)).status_code == 302
    image = Image.objects.get()
    template = Template("{% load wagtailimages_tags %}{% image image width-45 %}")
    with media_settings(settings, bucket=bucket, endpoint_url=f"http://127.0.0.1:{closed_port()}", timeout=1):
        image = Image.objects.get()  # as a new request would load it
        html = template.render(Context({"image": image}))
        assert "<img" in html and 'width="0"' in html  # Wagtail's "missing image", not an exception
        response = client.get("/api/v2/images/")
        assert response.status_code == 200
        # The API never makes a rendition in a request (cms/renditions.py): none yet, so none given.
        assert response.json()["items"][0]["rendition"] is None
    # Back up: the rendition is made.
    html = template.render(Context({"image": Image.objects.get()}))
    assert 'width="45"' in html and f"/{bucket}/renditions/" in html
