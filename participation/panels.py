"""The dashboard panel of new submissions (registered in wagtail_hooks.py), and the registrations the
events panel shows (the "event_registration_counts" Service, registered in contributions.py)."""

import datetime

from django.template.loader import render_to_string
from django.utils import timezone

from cms.dashboard import DashboardPanel
from programmes.panels import EventRegistrations

from .models import ExpressionOfInterest, Registration
from .stats import registration_counts

NEW_REGISTRATIONS_SINCE = datetime.timedelta(days=7)


def sees_registrations(user):
    return user.has_perm("participation.view_registration")


EVENT_REGISTRATIONS = EventRegistrations(counts=registration_counts, visible_to=sees_registrations)


class NewSubmissionsPanel(DashboardPanel):
    """New expressions of interest and recent event registrations, for those who may see them."""

    name = "new_submissions"
    order = 260
    template_name = "participation/admin/new_submissions_panel.html"

    def rows(self, now=None):
        now = now or timezone.now()
        rows = []
        for model, filters in (
            (ExpressionOfInterest, {"status": "new"}),
            (Registration, {"created_at__gte": now - NEW_REGISTRATIONS_SINCE}),
        ):
            if not self.user.has_perm(f"participation.view_{model._meta.model_name}"):
                continue
            rows.append(
                {
                    "label": model._meta.verbose_name_plural,
                    "count": model._default_manager.filter(**filters).count(),
                    "by_status": "status" in filters,
                }
            )
        return rows

    def get_context(self):
        return {"rows": self.rows(), "days": NEW_REGISTRATIONS_SINCE.days}

    def render_html(self, parent_context=None):
        context = self.get_context()
        return render_to_string(self.template_name, context) if context["rows"] else ""
