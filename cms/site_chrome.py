"""What every page repeats – the main navigation and the footer – cached across requests.

Both are the same on every page of a site in one language and cost five queries a page when built
(home page, menu pages, site settings, contact point, legal pages). They are cached under a version
that any saved or deleted page, translatable snippet, site setting, view restriction, site or locale
replaces (and moved pages): the next request builds them anew, so they are never stale and nothing has
to know which cache keys a change concerns. The version is read once per request (cms/request_cache.py).
While the cache is unreachable every request builds them, as without this module.
"""

import uuid

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.models import Locale, Page, PageViewRestriction, Site, TranslatableMixin
from wagtail.signals import post_page_move

from cms.request_cache import forget, memo

VERSION_KEY = "site-chrome:version"
# A version that nothing replaces still expires: a missed change (a bulk update) lasts a day at most.
TIMEOUT = 24 * 60 * 60
# What navigation and footer show: pages, snippets (contact points, organisations), settings, access.
SHOWN_IN_CHROME = (Page, TranslatableMixin, BaseSiteSetting, PageViewRestriction, Site, Locale)


def version():
    """The current version: random, so that a version lost from the cache is never reused."""

    def lookup():
        current = cache.get(VERSION_KEY)
        if current is None:
            current = uuid.uuid4().hex
            cache.add(VERSION_KEY, current, TIMEOUT)
        return cache.get(VERSION_KEY) or current

    return memo("site_chrome_version", lookup)


def cached(name, site, language, build):
    """``build()`` for ``site`` and ``language``, cached until content changes."""
    key = f"site-chrome:{version()}:{site.pk}:{language}:{name}"
    found = cache.get(key)
    if found is not None:
        return found[0]
    value = build()
    cache.set(key, (value,), TIMEOUT)
    return value


def new_version():
    cache.set(VERSION_KEY, uuid.uuid4().hex, TIMEOUT)
    forget("site_chrome_version")


def on_change(sender, instance=None, **kwargs):
    if isinstance(instance, SHOWN_IN_CHROME):
        new_version()
        # Again once committed: a request between the change and its commit may have cached the old state.
        transaction.on_commit(new_version)


def connect():
    post_save.connect(on_change, dispatch_uid="site_chrome_saved")
    post_delete.connect(on_change, dispatch_uid="site_chrome_deleted")
    post_page_move.connect(on_change, dispatch_uid="site_chrome_page_moved")
