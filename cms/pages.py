"""The bases of every page type: what each one takes from the core."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from cms.api.headless import PlatformHeadlessPreviewMixin
from cms.blocks import BODY_HELP_TEXT, BodyBlock
from cms.forms import PlatformPageForm
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


class ContentPage(PlatformPage):
    """A page that listings and previews show by its summary, with a body of the shared blocks.

    Page types declare their own panels (where the summary and body sit among their fields differs)
    and may redeclare ``summary`` where its help text differs.
    """

    summary = models.TextField(_("summary"), help_text=_("Two or three sentences shown in listings and previews."))
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True, help_text=BODY_HELP_TEXT)

    search_fields = Page.search_fields + [index.SearchField("summary"), index.SearchField("body")]
    base_form_class = PlatformPageForm

    class Meta:
        abstract = True
