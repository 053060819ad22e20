"""Purges: any change to published content replaces the cache's generation, at once and again after its
transaction commits (a request in between may have stored the old state).

The origin cache is purged whole (a new generation): robust, whatever a change shows up in. Changes to an
app's ``watch``ed model (a registration) bump only their tags instead (``depends_on``). A CDN
configured with ``WAGTAILFRONTENDCACHE`` (``wagtail.contrib.frontend_cache``) is sent the URLs that show
the change: the page in each language, its ancestors (listings, home pages), the pages it links to and
that link to it (topics, programme), and the site-wide URLs (feeds, calendars, sitemap, API lists);
for a tag, the URLs its app names.

post_save and post_delete are connected per watched model (``connect``, once every app is ready), so
that every other model keeps Django's fast delete.
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
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.signals import page_published, page_unpublished, post_page_move

from cms.api.router import api_router
from cms.public_url import absolute

from . import store, tag, tag_sources

# Site-wide URLs (per language where they have one) that show lists of content.
SITE_WIDE_URL_NAMES = ("calls_feed", "events_feed", "events_ical", "sitemap", "api_index")
# The core's own watched models: a change purges everything (apps tag theirs: ``cms.page_cache.watch``).
CORE_WATCHED = (
    "wagtailcore.Site",
    "wagtailcore.Locale",
    "wagtailcore.Collection",
    "wagtailcore.PageViewRestriction",
    "wagtailcore.CollectionViewRestriction",
    "wagtailredirects.Redirect",
    "wagtailsearchpromotions.SearchPromotion",
    "cms.ImageAltText",  # shown wherever its image is, like the image itself
)

# What saving a draft, a comment or a lock changes on a live page: nothing visitors see.
PAGE_DRAFT_FIELDS = {
    "wagtail_admin_comments",
    "latest_revision",
    "latest_revision_created_at",
    "draft_title",
    "has_unpublished_changes",
    "locked",
    "locked_by",
    "locked_at",
}
# Wagtail notes an image's or document's size and hash on first use: no change to what pages show.
BOOKKEEPING_FIELDS = {"file_size", "file_hash"}


def purge(urls=()):
    """Replace the generation now and once the current transaction commits; send ``urls`` to the CDN, if any."""
    store.new_generation()
    transaction.on_commit(store.new_generation)
    purge_from_cdn(urls)


def purge_from_cdn(urls):
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


def page_urls(pages, ancestors=True):
    """Each page's URL, those of its live language versions and (with ``ancestors``) those of its
    ancestors' (listings, home)."""
    from wagtail.models import Page

    urls = set()
    for page in pages:
        related = Page.objects.filter(translation_key=page.translation_key)
        if ancestors:
            related |= page.get_ancestors().filter(depth__gt=1)
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


def on_page_saved(sender, instance, update_fields=None, **kwargs):
    """A live page saved without publishing (by code: demo content, imports) shows at once as well."""
    if instance.live and not (update_fields and set(update_fields) <= PAGE_DRAFT_FIELDS):
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

    if isinstance(instance, Page):  # connected for deletions only: pages purge when (un)published
        purge(cdn_urls_for(instance, is_page=True))
        return
    update_fields = set(kwargs.get("update_fields") or ())
    if update_fields and update_fields <= BOOKKEEPING_FIELDS:
        return
    if kwargs.get("created") and isinstance(instance, BaseSiteSetting):
        return  # made with its defaults on a site's first request (``for_request``): nothing shows differently
    purge(cdn_urls_for(instance, is_page=False))


def on_tagged_changed(sender, instance, **kwargs):
    """A watched app model changed: only the responses that show its tags become misses."""
    tags, urls = tag_sources()[sender]
    changed = [tag(kind, pk) for kind, pk in tags(instance)]
    for name in changed:
        store.bump_tag(name)
    transaction.on_commit(lambda: [store.bump_tag(name) for name in changed])
    if cdn_configured():
        purge_from_cdn(urls(instance))


def watched():
    """Snippets, site settings, images, documents and the core's models: a change purges everything.
    Call once every app is ready: snippets are registered in wagtail_hooks.py, which this loads."""
    from wagtail.contrib.settings.registry import registry as settings_registry
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.snippets.models import get_snippet_models

    models = [*get_snippet_models(), *settings_registry, get_image_model(), get_document_model()]
    return {*models, *(apps.get_model(label) for label in CORE_WATCHED)}


def connect():
    """Called from the last app's ready() (cms/page_cache/apps.py), after wagtail.snippets is ready."""
    from wagtail.models import Page, get_page_models

    page_published.connect(on_page_changed, dispatch_uid="page_cache_published")
    page_unpublished.connect(on_page_changed, dispatch_uid="page_cache_unpublished")
    post_page_move.connect(on_page_moved, dispatch_uid="page_cache_moved")
    # A deleted page of any type deletes its wagtailcore_page row: one receiver for all page types.
    post_delete.connect(on_object_changed, sender=Page, dispatch_uid="page_cache_page_deleted")
    for model in get_page_models():  # post_save is sent for the page's own type only
        post_save.connect(on_page_saved, sender=model, dispatch_uid=f"page_cache_page_saved_{model._meta.label}")
    for model in watched():
        post_save.connect(on_object_changed, sender=model, dispatch_uid=f"page_cache_saved_{model._meta.label}")
        post_delete.connect(on_object_changed, sender=model, dispatch_uid=f"page_cache_deleted_{model._meta.label}")
    for model in tag_sources():
        post_save.connect(on_tagged_changed, sender=model, dispatch_uid=f"page_cache_tagged_{model._meta.label}")
        post_delete.connect(on_tagged_changed, sender=model, dispatch_uid=f"page_cache_untagged_{model._meta.label}")
