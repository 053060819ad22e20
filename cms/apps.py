from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = _("Platform core")

    def ready(self):
        # Importing checks registers the system checks; renditions are queued on upload and publish.
        from cms import checks, renditions, site_chrome  # noqa: F401
        from cms.localize_fixes import synchronized_fields
        from cms.page_cache import invalidation
        from cms.request_cache import remember_locales_per_request

        renditions.connect()
        # Navigation and footer are cached across requests until content changes (cms/site_chrome.py).
        site_chrome.connect()
        # Every change to published content purges the anonymous page cache (cms/page_cache).
        invalidation.connect()
        # Publishing a source page re-publishes its live translations' synchronised fields (times, places).
        synchronized_fields.connect()
        remember_locales_per_request()
