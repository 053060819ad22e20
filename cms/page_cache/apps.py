from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from wagtail import hooks


class PageCacheConfig(AppConfig):
    """Last in INSTALLED_APPS: its ready() runs after every app has named what it ``watch``es and after
    wagtail.snippets can register the snippets of every wagtail_hooks.py."""

    name = "cms.page_cache"
    label = "page_cache"
    verbose_name = _("Page cache")

    def ready(self):
        from . import invalidation

        hooks.search_for_hooks()  # snippets are registered in wagtail_hooks.py
        # Every change to published content purges the anonymous page cache.
        invalidation.connect()
