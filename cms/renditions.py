"""Renditions are made by the worker, never in a visitor's request.

A 14 KB PNG can decode to a gigapixel image: making its first renditions inside an anonymous request
let anyone spend the server's memory and CPU. Now the worker makes every rendition the site uses
(``SITE_RENDITIONS``) when an image is saved and when a page that shows images is published. A
visitor's request only *looks up* renditions (``existing``); where one is missing it enqueues the job
(once per image, however many requests come) and shows the image without it: templates render the
alternative text in its place (cms/templatetags/site_images.py), the API gives ``null`` for the image.
The admin keeps Wagtail's own tags and makes its thumbnails itself (editors are trusted); its preview
of a page renders the site's templates and so shows the same placeholder until the worker has run.
"""

import logging

from django.core.cache import cache
from django.db import transaction
from django.db.models import ForeignKey
from django.db.models.signals import post_save
from django.dispatch import Signal
from django_tasks import task
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.images.models import AbstractImage, Filter, SourceImageIOError
from wagtail.models import Page
from wagtail.signals import page_published

logger = logging.getLogger(__name__)

IMAGE_RENDITION = "max-1600x1600"  # the API's image
THUMBNAIL_RENDITION = "fill-400x300"  # the API's thumbnail

# Every filter spec the site's templates and API ask for, expanded ({% srcset_image %} sizes one by one).
# cms/tests/test_renditions.py fails when a template asks for one that is not listed here.
SITE_RENDITIONS = (
    IMAGE_RENDITION,
    THUMBNAIL_RENDITION,
    "fill-480x270",  # topic card; topic page hero (smallest)
    "fill-960x540",  # topic page hero
    "fill-1440x810",  # topic page hero
    "fill-1200x630",  # og:image of topic pages
    "width-480",  # image block
    "width-800",  # image block
    "width-1200",  # image block
)

# Sent when the worker has made renditions an image lacked: what showed the image without them (its
# alternative text, ``null`` in the API), cached or not, must be worked out again (cms/page_cache).
renditions_made = Signal()

# How long an image counts as "enqueued" without its task having run (a lost task is enqueued again after).
QUEUED_FOR = 10 * 60


def _queued_key(image_id):
    return f"renditions-queued:{image_id}"


def enqueue(image_id):
    """Enqueue ``make_renditions`` for the image once its row is committed, and only once while a task
    for it waits, however many requests ask (cache.add is atomic in Redis)."""
    transaction.on_commit(lambda: _enqueue_once(image_id))


def _enqueue_once(image_id):
    try:
        first = cache.add(_queued_key(image_id), True, QUEUED_FOR)
    except Exception:  # no cache: a duplicate task is cheap (it finds the renditions made)
        logger.warning("Cache unavailable; enqueueing renditions of image %s without deduplication", image_id)
        first = True
    if first:
        make_renditions.enqueue(image_id)


@task()
def make_renditions(image_id):
    """The worker's job: every rendition in SITE_RENDITIONS that the image lacks. Returns how many it has."""
    image = get_image_model().objects.filter(pk=image_id).first()
    try:
        if image is None:
            return 0
        had = set(image.renditions.filter(filter_spec__in=SITE_RENDITIONS).values_list("filter_spec", flat=True))
        made = image.get_renditions(*SITE_RENDITIONS)
        if len(had) < len(SITE_RENDITIONS):
            renditions_made.send(sender=type(image), image=image)
        return len(made)
    except SourceImageIOError as error:
        logger.warning("Image %s has no readable file; no renditions made: %s", image_id, error)
        return 0
    finally:
        try:
            cache.delete(_queued_key(image_id))  # a later miss (a new size) may enqueue again
        except Exception:
            logger.warning("Cache unavailable; image %s may not be enqueued again for %s s", image_id, QUEUED_FOR)


@task()
def make_page_renditions(page_id):
    """The renditions of every image a published page shows (its image fields and StreamField blocks)."""
    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        return 0
    image_ids = images_shown_by(page.specific)
    for image_id in image_ids:
        make_renditions.call(image_id)
    return len(image_ids)


def images_shown_by(page):
    """Ids of the images a page uses: image foreign keys and images chosen in StreamField blocks."""
    found = set()
    for field in page._meta.concrete_fields:
        if isinstance(field, ForeignKey) and issubclass(field.related_model, AbstractImage):
            if getattr(page, field.attname):
                found.add(getattr(page, field.attname))
        elif isinstance(field, StreamField):
            for model, object_id, _path, _content_path in field.stream_block.extract_references(
                getattr(page, field.name)
            ):
                if issubclass(model, AbstractImage) and object_id:
                    found.add(int(object_id))
    return found


def existing(image, specs):
    """The renditions of ``image`` for ``specs`` that exist, by spec: from prefetched renditions, the
    rendition cache or one query. Never makes one; if any is missing, the worker is asked to."""
    filters = [spec if isinstance(spec, Filter) else Filter(spec=spec) for spec in specs]
    found = {filter.spec: rendition for filter, rendition in image.find_existing_renditions(*filters).items()}
    if len(found) < len({filter.spec for filter in filters}):
        enqueue(image.pk)
    return found


def on_image_saved(sender, instance, **kwargs):
    enqueue(instance.pk)


def on_page_published(sender, instance, **kwargs):
    if images_shown_by(instance):
        transaction.on_commit(lambda: make_page_renditions.enqueue(instance.pk))


def connect():
    post_save.connect(on_image_saved, sender=get_image_model(), dispatch_uid="cms_renditions_image_saved")
    page_published.connect(on_page_published, dispatch_uid="cms_renditions_page_published")
