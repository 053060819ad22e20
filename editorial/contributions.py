"""What the editorial app contributes to the platform (cms/platform.py)."""

from django.urls import include, path

from cms.platform import Urls, register

from . import approval, site_history

register(
    Urls(
        [
            # Replaces Wagtail's site history report at its own address (editorial/site_history.py).
            path("admin/reports/", include(site_history.urlpatterns)),
            # Approving says what happened (editorial/approval.py).
            path("admin/pages/", include(approval.urlpatterns)),
        ],
        position="before_admin",
    ),
)
