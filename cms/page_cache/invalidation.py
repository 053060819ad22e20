"""Purges: any change to published content replaces the cache's generation, at once and again after its
transaction commits (a request in between may have stored the old state).

A transaction's changes make one purge (``PendingPurge``): publishing saves the page and then announces
it, a move saves many pages, yet the commit replaces the generation once and queues one CDN task in
which every address appears once, computed at the commit. Outside a transaction a change purges at once.

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
from wagtail.contrib.settings.registry import registry as settings_registry
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, ReferenceIndex, get_page_models
from wagtail.signals import page_published, page_unpublished, post_page_move
from wagtail.snippets.models import get_snippet_models

from cms.api.router import api_router
from cms.public_url import absolute
from cms.renditions import renditions_made

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


class PendingPurge:
    """What one transaction's changes purge, run once when it commits: one new generation, each changed
    tag bumped once, one CDN task with every address. A publish saves the page and then announces it, a
    move saves many: the addresses of an object are computed once, at commit, from the committed state."""

    def __init__(self):
        self.everything = False
        self.tags = set()
        self.urls = set()  # addresses known at once (deleted rows, a moved page's old address, tags')
        self.changed = {}  # {(model, pk, url_path): (instance, is_page)}: addresses computed at commit
        self.deferred = False  # waits for the transaction's commit
        self.done = False

    def run(self):
        """Called by each change's on_commit callback; the first one does the work for all of them."""
        if self.done:
            return
        self.done = True
        if self.everything:
            store.new_generation()
        for name in self.tags:
            store.bump_tag(name)
        urls = set(self.urls)
        if cdn_configured():
            for instance, is_page in self.changed.values():
                if instance.pk is not None:  # else deleted since: its addresses were taken then
                    urls |= cdn_urls_for(instance, is_page)
            if urls:
                purge_cdn.enqueue(sorted(urls))


def pending_purge():
    """This transaction's purge; outside a transaction a purge of its own, which the caller runs at once.

    Each change registers an on_commit callback for the shared purge, and the first one to run purges for
    all: so a purge is never lost when an earlier callback went with a rolled-back savepoint, and a purge
    that already ran is never added to (tests run callbacks without committing)."""
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        return PendingPurge()
    batch = getattr(connection, "page_cache_purge", None)
    if batch is None or batch.done:
        batch = connection.page_cache_purge = PendingPurge()
    batch.deferred = True
    transaction.on_commit(batch.run)
    return batch


def purge(instance=None, is_page=False, urls=()):
    """Purge everything at once and once the current transaction commits; tell the CDN, if any, the
    addresses of ``instance`` (computed at the commit) and ``urls``."""
    batch = pending_purge()
    batch.everything = True
    batch.urls.update(urls)
    if instance is not None:
        batch.changed.setdefault(change_key(instance), (instance, is_page))
    if batch.deferred:
        # Now as well: later requests in the same transaction (an atomic request, a test) must not be
        # served what was stored before. Requests in between may store the old state: the commit's purge.
        store.new_generation()
    else:
        batch.run()


def change_key(instance):
    """One object in one place: a page moved within the transaction is purged at both addresses."""
    return (instance._meta.label, instance.pk, getattr(instance, "url_path", None))


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
    purge(instance, is_page=True)


def on_page_saved(sender, instance, update_fields=None, **kwargs):
    """A live page saved without publishing (by code: demo content, imports) shows at once as well.
    Publishing saves the live page and then sends page_published: both go into one purge."""
    if instance.live and not (update_fields and set(update_fields) <= PAGE_DRAFT_FIELDS):
        purge(instance, is_page=True)


def on_page_moved(sender, instance, url_path_before=None, **kwargs):
    urls = set()
    if url_path_before and cdn_configured():
        before = copy.copy(instance)  # the moved page itself must keep its new path
        before.url_path = url_path_before
        urls |= {url for url in [before.get_full_url()] if url}
    purge(instance, is_page=True, urls=urls)


def on_object_changed(sender, instance, **kwargs):
    if isinstance(instance, Page):  # connected for deletions only: pages purge when (un)published
        # The rows are gone by the commit: the addresses are computed now.
        purge(urls=cdn_urls_for(instance, is_page=True))
        return
    update_fields = set(kwargs.get("update_fields") or ())
    if update_fields and update_fields <= BOOKKEEPING_FIELDS:
        return
    if kwargs.get("created") and isinstance(instance, BaseSiteSetting):
        return  # made with its defaults on a site's first request (``for_request``): nothing shows differently
    if kwargs.get("signal") is post_delete:
        purge(urls=cdn_urls_for(instance, is_page=False))  # its references are gone by the commit
    else:
        purge(instance, is_page=False)


def on_tagged_changed(sender, instance, **kwargs):
    """A watched app model changed: only the responses that show its tags become misses."""
    tags, urls = tag_sources()[sender]
    batch = pending_purge()
    changed = {tag(kind, pk) for kind, pk in tags(instance)}
    batch.tags |= changed
    if cdn_configured():
        batch.urls.update(urls(instance))
    if not batch.deferred:
        batch.run()
        return
    for name in changed:  # now as well, as ``purge`` replaces the generation
        store.bump_tag(name)


def on_renditions_made(sender, image, **kwargs):
    purge(image)


def watched():
    """Snippets, site settings, images, documents and the core's models: a change purges everything.
    Call once every app is ready: snippets are registered in wagtail_hooks.py, which this loads."""
    models = [*get_snippet_models(), *settings_registry, get_image_model(), get_document_model()]
    return {*models, *(apps.get_model(label) for label in CORE_WATCHED)}


def connect():
    """Called from the last app's ready() (cms/page_cache/apps.py), after wagtail.snippets is ready."""
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
    # A page or API answer that showed an image before its renditions existed shows them now.
    renditions_made.connect(on_renditions_made, dispatch_uid="page_cache_renditions_made")
    for model in tag_sources():
        post_save.connect(on_tagged_changed, sender=model, dispatch_uid=f"page_cache_tagged_{model._meta.label}")
        post_delete.connect(on_tagged_changed, sender=model, dispatch_uid=f"page_cache_untagged_{model._meta.label}")
