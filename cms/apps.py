from django.apps import AppConfig
from django.core import checks
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = _("Platform core")

    def ready(self):
        from .public_url import check_default_site, check_public_url

        checks.register(check_public_url)
        checks.register(check_default_site, checks.Tags.database)
