from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = _("Platform core")

    def ready(self):
        # Importing checks registers the system checks; renditions are queued on upload and publish.
        from cms import checks, renditions, site_chrome  # noqa: F401
        from cms.request_cache import remember_locales_per_request

        renditions.connect()
        site_chrome.connect()
        remember_locales_per_request()
