"""The bases of every page type: what each one takes from the core."""

from functools import partial

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from cms import content_cache
from cms.api.headless import PlatformHeadlessPreviewMixin
from cms.blocks import BODY_HELP_TEXT, BodyBlock
from cms.forms import PlatformPageForm
from cms.listing import PageNumberError, paginate
from cms.localization import UntranslatedStatusMixin, public_pages
from cms.platform import registry
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


class ListingPage(PlatformPage):
    """A page that lists items filtered by the query string, once below each language's site root.

    A subclass names its ``filter_form_class`` (a ``cms.listing.ListingFilterForm``) and returns the
    items, ordered, from ``get_items``. Bad input never fails: invalid filter values are named in a
    notice and ignored (status 400), a page number that does not exist gets a notice and no results
    (status 400 or 404).
    """

    intro = models.TextField(_("introduction"), blank=True, help_text=_("A short text shown above the list."))

    content_panels = Page.content_panels + [FieldPanel("intro")]
    base_form_class = PlatformPageForm
    max_count_per_parent = 1
    filter_form_class = None
    page_size = 10
    # The listing's HTML and status are kept per address (filters, page number) in the content cache
    # (cms/content_cache.py); empty: worked out on every request.
    listing_cache_name = ""

    class Meta:
        abstract = True

    @classmethod
    def clean_parent_page_models(cls):
        # Read on every call (not cached as Wagtail does): registry.override() in tests changes it.
        site_root = registry.site_root()
        return [site_root] if site_root else []

    def get_items(self):
        """The listed pages, live and in the visitor's language; each listing page type says which."""
        raise NotImplementedError

    @classmethod
    def for_language(cls, language_code):
        """The live, public listing of this kind in that language, else the source language's; None if neither."""
        default = settings.LANGUAGE_CODE
        pages = public_pages(cls.objects.live()).filter(locale__language_code__in={language_code, default})
        pages = sorted(
            pages.select_related("locale"), key=lambda page: (page.locale.language_code != language_code, page.path)
        )
        return pages[0] if pages else None

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Worked out on first use: a listing served from the content cache costs no query.
        listing = content_cache.LazyValues(partial(self.build_listing, request))
        context.update(
            listing.lazy(("filter_form", "filter_messages", "page_obj", "items", "filter_query")),
            listing_cache_name=self.listing_cache_name,
            listing_status=partial(self.listing_status, request, listing),
        )
        return context

    def listing_status(self, request, listing):
        if not self.listing_cache_name:
            return listing.get("listing_status")
        parts = (self.pk, request.get_full_path())
        return content_cache.cached(
            f"{self.listing_cache_name}-status", parts, partial(listing.get, "listing_status"), request=request
        )

    def build_listing(self, request):
        form = self.filter_form_class(request.GET or None)
        messages = form.messages
        status = 400 if messages else 200
        try:
            page_obj = paginate(form.apply(self.get_items()), request.GET.get("page"), self.page_size)
        except PageNumberError as error:
            messages.append(str(error))
            status = error.status
            page_obj = None
        query = request.GET.copy()
        query.pop("page", None)
        return {
            "filter_form": form,
            "filter_messages": messages,
            "listing_status": status,
            "page_obj": page_obj,
            "items": page_obj.object_list if page_obj else [],
            "filter_query": query.urlencode(),
        }

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if hasattr(response, "context_data"):
            status = response.context_data.get("listing_status", 200)
            response.status_code = status() if callable(status) else status
        return response
