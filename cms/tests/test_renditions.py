"""No rendition is made in a visitor's request: pages and the API only look them up; the worker makes them."""

import re
from pathlib import Path

import pytest
import wagtail_factories
from django.conf import settings as django_settings
from django.core.cache import cache
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult
from wagtail.images.models import Filter, Rendition

from cms import renditions

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
TEMPLATES = Path(django_settings.BASE_DIR) / "templates"
IMAGE_TAG = re.compile(r"{%\s*(image|srcset_image|picture)\s+\S+\s+([^%]*?)%}")


def template_specs():
    for path in TEMPLATES.rglob("*.html"):
        for _tag, arguments in IMAGE_TAG.findall(path.read_text()):
            specs = [bit for bit in arguments.split() if "=" not in bit and bit != "as"]
            specs = [bit for bit in specs if Filter.expanding_spec_pattern.match(bit) and "-" in bit]
            yield path.name, Filter.expand_spec(specs)


def test_every_spec_the_templates_use_is_made_by_the_worker():
    found = dict(template_specs())
    assert found, "no image tags found: the pattern is out of date"
    for name, specs in found.items():
        assert set(specs) <= set(renditions.SITE_RENDITIONS), name


def test_site_templates_use_the_tags_that_never_make_renditions():
    offenders = [path.name for path in TEMPLATES.rglob("*.html") if "wagtailimages_tags" in path.read_text()]
    assert offenders == []


def made(image):
    return Rendition.objects.filter(image=image).count()


def waiting(task):
    return DBTaskResult.objects.ready().filter(task_path=task.module_path).count()


def run_worker():
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", "--interval", "0", verbosity=0)


@pytest.fixture
def queued(settings, tmp_path, monkeypatch):
    settings.TASKS = DATABASE_QUEUE
    # The worker runs in this process, inside the test's transaction: it must not close the connection
    # between tasks (on PostgreSQL it would, seeing autocommit off).
    monkeypatch.setattr("django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None)
    settings.MEDIA_ROOT = str(tmp_path)
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def old_image(queued, django_capture_on_commit_callbacks):
    """An image without renditions and no task waiting for it (uploaded before the worker existed)."""
    image = wagtail_factories.ImageFactory(title="Rathaus", description="Das Rathaus von Annaba")
    DBTaskResult.objects.all().delete()
    cache.clear()
    return image


def test_an_upload_enqueues_the_renditions(queued, db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        image = wagtail_factories.ImageFactory(title="Neu")
    assert made(image) == 0 and waiting(renditions.make_renditions) == 1
    run_worker()
    assert {r.filter_spec for r in Rendition.objects.filter(image=image)} == set(renditions.SITE_RENDITIONS)


def test_a_page_request_makes_no_rendition_and_shows_the_alt_text(
    site, old_image, client, django_capture_on_commit_callbacks
):
    from programmes.factories import TopicPageFactory

    topic = TopicPageFactory(title="Wasser", slug="wasser", image=old_image)
    DBTaskResult.objects.all().delete()
    for _visitor in range(3):
        with django_capture_on_commit_callbacks(execute=True):
            html = client.get(topic.url).content.decode()
        html_index = client.get(site.topic_index.url).content.decode()
    assert made(old_image) == 0
    assert waiting(renditions.make_renditions) == 1  # once, however many visitors came
    assert 'role="img" aria-label="Das Rathaus von Annaba"' in html and "<img" not in html
    assert "og:image" not in html
    assert 'class="card__image image-pending"' in html_index

    run_worker()
    assert made(old_image) == len(renditions.SITE_RENDITIONS)
    html = client.get(topic.url).content.decode()
    assert "image-pending" not in html and 'alt="Das Rathaus von Annaba"' in html
    assert ".fill-1440x810." in html and 'property="og:image"' in html and ".fill-1200x630." in html
    assert ".fill-480x270." in client.get(site.topic_index.url).content.decode()


def test_an_api_request_makes_no_rendition(site, old_image, client, django_capture_on_commit_callbacks):
    from programmes.factories import TopicPageFactory

    topic = TopicPageFactory(title="Wasser", slug="wasser", image=old_image)
    DBTaskResult.objects.all().delete()
    with django_capture_on_commit_callbacks(execute=True):
        listing = client.get("/api/v2/images/").json()
        detail = client.get(f"/api/v2/pages/{topic.pk}/").json()
    assert made(old_image) == 0 and waiting(renditions.make_renditions) == 1
    assert listing["items"][0]["rendition"] is None and detail["image"] is None

    run_worker()
    image = client.get(f"/api/v2/pages/{topic.pk}/").json()["image"]
    assert image["alt"] == "Das Rathaus von Annaba" and ".fill-400x300." in image["thumbnail"]["url"]
    assert client.get("/api/v2/images/").json()["items"][0]["rendition"]["width"]


def test_publishing_a_page_makes_the_renditions_of_its_block_images(
    site, old_image, django_capture_on_commit_callbacks
):
    from programmes.factories import TopicPageFactory

    topic = TopicPageFactory(title="Wasser", slug="wasser")
    topic.body = [("image", {"image": old_image, "alt_text": "Rathaus", "decorative": False})]
    assert renditions.images_shown_by(topic) == {old_image.pk}
    with django_capture_on_commit_callbacks(execute=True):
        topic.save_revision().publish()
    assert waiting(renditions.make_page_renditions) == 1
    run_worker()
    assert made(old_image) == len(renditions.SITE_RENDITIONS)


def test_a_decorative_image_without_renditions_shows_nothing(site, old_image, client):
    from programmes.factories import TopicPageFactory

    topic = TopicPageFactory(title="Wasser", slug="wasser")
    topic.body = [("image", {"image": old_image, "alt_text": "", "decorative": True})]
    topic.save_revision().publish()
    html = client.get(topic.url).content.decode()
    assert "block-image" in html and "image-pending" not in html and "<img" not in html
    assert made(old_image) == 0


def test_the_worker_survives_an_image_without_its_file(queued, db):
    image = wagtail_factories.ImageFactory(title="Verloren")
    image.file.storage.delete(image.file.name)
    assert renditions.make_renditions.call(image.pk) == 0


def test_an_image_embedded_in_rich_text_makes_no_rendition(db, old_image):
    """Rich text offers editors no images; one that reaches the database anyway shows its alt text."""
    from wagtail.rich_text import expand_db_html

    html = expand_db_html(
        f'<p><embed embedtype="image" id="{old_image.pk}" format="fullwidth" alt="Rathaus &amp; Markt"/></p>'
    )
    assert html == "<p>Rathaus &amp; Markt</p>"
    assert made(old_image) == 0
