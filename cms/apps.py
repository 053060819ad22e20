from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = _("Platform core")

    def ready(self):
        # Importing checks registers the system checks; renditions are queued on upload and publish.
        from cms import checks, renditions  # noqa: F401
        from cms.localize_fixes import synchronized_fields

        renditions.connect()
        synchronized_fields.connect()
