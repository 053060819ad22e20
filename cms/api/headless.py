"""The page mixin for headless preview; imported by the page models, so it imports no API code."""

from wagtail_headless_preview.models import HeadlessPreviewMixin
from wagtail_headless_preview.settings import headless_preview_settings


def headless_client_configured():
    return bool(headless_preview_settings.CLIENT_URLS)


class PlatformHeadlessPreviewMixin(HeadlessPreviewMixin):
    """Headless preview when a front end is configured (see cms/api/preview.py), Wagtail's own otherwise."""

    def serve_preview(self, request, mode_name):
        # A shared preview link is for people without the front end's preview set-up: the site renders it.
        if not headless_client_configured() or getattr(request, "shared_preview", False):
            # Skip the package's mixins: Page.serve_preview renders the page in the admin.
            return super(HeadlessPreviewMixin, self).serve_preview(request, mode_name)
        return super().serve_preview(request, mode_name)
