"""The editorial dashboard panels: the translation queue, shown to everyone who may translate.

The panel base is cms.dashboard; the content apps add their own panels (programmes: call deadlines
and upcoming events; participation: new submissions).
"""

from django.urls import reverse

from cms.dashboard import DashboardPanel

from .translation_queue import STATES, queue_counts, translation_queue


class TranslationQueuePanel(DashboardPanel):
    """Per language: how many pages and snippets are new, outdated or in progress, linked to the report."""

    name = "translation_queue"
    order = 245
    template_name = "editorial/translation_queue_panel.html"

    def get_context(self):
        return {
            "counts": queue_counts(translation_queue(self.user)),
            "states": list(STATES.items()),
            "report_url": reverse("editorial:translation_queue"),
        }


def dashboard_panels(user):
    return [TranslationQueuePanel(user)] if user.has_perm("wagtail_localize.submit_translation") else []
