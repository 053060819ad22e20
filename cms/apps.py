from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = _("Platform core")

    def ready(self):
        # Importing checks registers the system checks; renditions are queued on upload and publish.
        from cms import checks, renditions  # noqa: F401
        from cms.localize_fixes import synchronized_fields
        from cms.site_chrome import remember_locales_per_request

        renditions.connect()
        # Publishing a source page re-publishes its live translations' synchronised fields (times, places).
        synchronized_fields.connect()
        remember_locales_per_request()
