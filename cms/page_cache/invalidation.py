"""Purges: any change to published content replaces the cache's generation, after its transaction commits.

The origin cache is purged whole (a new generation): robust, whatever a change shows up in. A CDN
configured with ``WAGTAILFRONTENDCACHE`` (``wagtail.contrib.frontend_cache``) is sent the URLs that show
the change: the page in each language, its ancestors (listings, home pages), the pages it links to and
that link to it (topics, programme), and the site-wide URLs (feeds, calendars, sitemap, API lists).
"""

import copy

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.urls import reverse
from django.utils import translation
from django_tasks import task
from wagtail.contrib.frontend_cache.utils import PurgeBatch, get_backends
from wagtail.signals import page_published, page_unpublished, post_page_move

from cms.api.router import api_router
from cms.public_url import absolute

from . import store, watched_models

# Site-wide URLs (per language where they have one) that show lists of content.
SITE_WIDE_URL_NAMES = ("calls_feed", "events_feed", "events_ical", "sitemap", "api_index")
# The core's own watched models; apps add theirs with ``cms.page_cache.watch``.
CORE_WATCHED = (
    "wagtailcore.Site",
    "wagtailcore.Locale",
    "wagtailcore.Collection",
    "wagtailcore.PageViewRestriction",
    "wagtailcore.CollectionViewRestriction",
    "wagtailredirects.Redirect",
    "wagtailsearchpromotions.SearchPromotion",
)

# Wagtail notes an image's or document's size and hash on first use: no change to what pages show.
BOOKKEEPING_FIELDS = {"file_size", "file_hash"}


def purge(urls=()):
    """Replace the generation once the current transaction commits; send ``urls`` to the CDN, if any."""
    transaction.on_commit(store.new_generation)
    if urls and cdn_configured():
        urls = sorted(urls)
        transaction.on_commit(lambda: purge_cdn.enqueue(urls))


@task()
def purge_cdn(urls):
    PurgeBatch(urls).purge()


def cdn_configured():
    return bool(get_backends())


def site_wide_urls():
    urls = set()
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            urls.update(absolute(reverse(name)) for name in SITE_WIDE_URL_NAMES)
    for endpoint in api_router.listed_endpoints:
        urls.add(absolute(reverse(f"wagtailapi:{endpoint}:listing")))
    return urls


def page_urls(pages):
    """Each page's URL, those of its live language versions and those of its ancestors' (listings, home)."""
    from wagtail.models import Page

    urls = set()
    for page in pages:
        related = Page.objects.filter(translation_key=page.translation_key) | page.get_ancestors().filter(depth__gt=1)
        translations = Page.objects.filter(translation_key__in=related.values("translation_key"), live=True)
        urls.update(each.get_full_url() for each in [page, *translations])
    return urls - {None}


def referencing_pages(instance):
    """Pages that link to ``instance`` or that ``instance`` links to (Wagtail's reference index)."""
    from wagtail.models import Page, ReferenceIndex

    pages = {obj for obj, _references in ReferenceIndex.get_grouped_references_to(instance) if isinstance(obj, Page)}
    outbound = ReferenceIndex.get_references_for_object(instance).select_related("to_content_type")
    linked = [ref.to_object_id for ref in outbound if issubclass(ref.to_content_type.model_class() or object, Page)]
    pages.update(Page.objects.filter(pk__in=linked, live=True))
    return pages


def cdn_urls_for(instance, is_page):
    if not cdn_configured():
        return set()
    pages = referencing_pages(instance)
    if is_page:
        pages.add(instance)
    return page_urls(pages) | site_wide_urls()


def on_page_changed(sender, instance, **kwargs):
    purge(cdn_urls_for(instance, is_page=True))


def on_page_moved(sender, instance, url_path_before=None, **kwargs):
    urls = cdn_urls_for(instance, is_page=True)
    if url_path_before and cdn_configured():
        before = copy.copy(instance)  # the moved page itself must keep its new path
        before.url_path = url_path_before
        urls |= {url for url in [before.get_full_url()] if url}
    purge(urls)


def on_object_changed(sender, instance, **kwargs):
    from wagtail.models import Page

    if isinstance(instance, Page):
        if kwargs.get("signal") is post_delete:
            purge(cdn_urls_for(instance, is_page=True))
        return
    update_fields = set(kwargs.get("update_fields") or ())
    if update_fields and update_fields <= BOOKKEEPING_FIELDS:
        return
    if issubclass(sender, watched()):
        purge(cdn_urls_for(instance, is_page=False))


_watched = None


def watched():
    """Snippets, site settings, images, documents, the core's models and what apps ``watch``."""
    global _watched
    if _watched is None:
        from wagtail import hooks
        from wagtail.contrib.settings.registry import registry as settings_registry
        from wagtail.documents import get_document_model
        from wagtail.images import get_image_model
        from wagtail.snippets.models import get_snippet_models

        hooks.search_for_hooks()  # snippets are registered in wagtail_hooks.py, also in management commands
        models = [*get_snippet_models(), *settings_registry, get_image_model(), get_document_model()]
        models += [apps.get_model(label) for label in CORE_WATCHED]
        _watched = tuple([*models, *watched_models()])
    return _watched


def connect():
    page_published.connect(on_page_changed, dispatch_uid="page_cache_published")
    page_unpublished.connect(on_page_changed, dispatch_uid="page_cache_unpublished")
    post_page_move.connect(on_page_moved, dispatch_uid="page_cache_moved")
    post_save.connect(on_object_changed, dispatch_uid="page_cache_saved")
    post_delete.connect(on_object_changed, dispatch_uid="page_cache_deleted")
