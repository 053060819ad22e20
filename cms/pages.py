"""The base of every page type: what each one takes from the core."""

from wagtail.models import Page

from cms.api.headless import PlatformHeadlessPreviewMixin
from cms.localization import UntranslatedStatusMixin
from cms.routing import RoutedPageMixin


class PlatformPage(RoutedPageMixin, UntranslatedStatusMixin, PlatformHeadlessPreviewMixin, Page):
    """A page of the platform.

    - view restrictions come from the ancestors the one-query router loaded (cms/routing.py);
    - an alias in a translated tree says "not translated" in the page explorer (cms/localization.py);
    - drafts can be previewed in a headless front end (cms/api/headless.py).
    """

    class Meta:
        abstract = True
