from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgrammesConfig(AppConfig):
    name = "programmes"
    verbose_name = _("Programmes")

    def ready(self):
        from cms import page_cache

        from . import freshness

        page_cache.register_next_change(freshness.next_change)
