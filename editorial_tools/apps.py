from datetime import timedelta

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditorialToolsConfig(AppConfig):
    """Editors' tools around the pages: shareable preview links, the broken-link report and the
    publishing calendar (docs/editors.md)."""

    name = "editorial_tools"
    verbose_name = _("Editorial tools")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from cms import jobs

        from .link_check import check_links

        # The scheduler only enqueues: the worker makes the HTTP requests (docs/editors.md).
        jobs.register("check_links", timedelta(days=1), check_links.enqueue)
