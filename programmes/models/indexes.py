"""Index pages: the filtered, paginated listings of calls, events and partnerships."""

from functools import partial

from django.conf import settings
from django.db import models
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, re_path
from wagtail.models import Locale, Page

from cms import content_cache
from cms.forms import PlatformPageForm
from cms.pages import PlatformPage

PAGE_SIZE = 10


class FilteredListingPage(PlatformPage):
    """A page that lists items filtered by the query string.

    Bad input never fails: invalid filter values are named in a notice and ignored (status 400),
    a page number that does not exist gets a notice and no results (status 400 or 404).
    """

    intro = models.TextField(_("introduction"), blank=True, help_text=_("A short text shown above the list."))

    content_panels = Page.content_panels + [FieldPanel("intro")]
    base_form_class = PlatformPageForm
    parent_page_types = ["home.HomePage"]
    max_count_per_parent = 1
    filter_form_class = None

    class Meta:
        abstract = True

    def get_items(self):
        raise NotImplementedError

    @classmethod
    def for_language(cls, language_code):
        """The live, public listing of this kind in that language, else the source language's; None if neither."""
        from cms.localization import public_pages

        default = settings.LANGUAGE_CODE
        pages = public_pages(cls.objects.live()).filter(locale__language_code__in={language_code, default})
        pages = sorted(
            pages.select_related("locale"), key=lambda page: (page.locale.language_code != language_code, page.path)
        )
        return pages[0] if pages else None

    # The listing's HTML and status are kept per address (filters, page number) in the content cache
    # (cms/content_cache.py); empty: worked out on every request.
    listing_cache_name = ""

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
        from programmes.filters import PageNumberError, paginate

        from .topics import TopicPage

        topics = TopicPage.objects.for_listing().order_by("title")
        form = self.filter_form_class(request.GET or None, topics=topics)
        messages = form.messages
        status = 400 if messages else 200
        try:
            page_obj = paginate(form.apply(self.get_items()), request.GET.get("page"), PAGE_SIZE)
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


class CallIndexPage(FilteredListingPage):
    subpage_types = ["programmes.CallForParticipationPage"]
    listing_cache_name = "call-listing"

    class Meta:
        verbose_name = _("call index")
        verbose_name_plural = _("call indexes")

    @property
    def filter_form_class(self):
        from programmes.filters import CallFilterForm

        return CallFilterForm

    def get_items(self):
        from .calls import CallForParticipationPage

        return CallForParticipationPage.objects.for_listing().order_by("-deadline").with_listing_relations()


class EventIndexPage(FilteredListingPage):
    subpage_types = ["programmes.EventPage"]
    listing_cache_name = "event-listing"

    class Meta:
        verbose_name = _("event index")
        verbose_name_plural = _("event indexes")

    @property
    def filter_form_class(self):
        from programmes.filters import EventFilterForm

        return EventFilterForm

    def get_items(self):
        from .events import EventPage

        return EventPage.objects.for_listing().with_listing_relations()


class PartnershipIndexPage(RoutablePageMixin, FilteredListingPage):
    """The partnerships listing, and one page per partnership at ``<id>-<names>/``.

    Partnerships are snippets (one row per language). Under the index of a language, a partnership
    is shown in that language, else in the source language (marked, like an alias); one that exists
    in neither is not found.
    """

    subpage_types = []
    listing_cache_name = "partnership-listing"

    class Meta:
        verbose_name = _("partnership index")
        verbose_name_plural = _("partnership indexes")

    @property
    def filter_form_class(self):
        from programmes.filters import PartnershipFilterForm

        return PartnershipFilterForm

    def get_items(self):
        from .partnerships import Partnership

        return Partnership.objects.for_display()

    # RoutablePageMixin's own index route and preview would skip the listing's status codes and the
    # headless preview: hand both back to the listing page.
    @re_path(r"^$")
    def index_route(self, request, *args, **kwargs):
        return FilteredListingPage.serve(self, request, *args, **kwargs)

    def serve_preview(self, request, mode_name):
        return FilteredListingPage.serve_preview(self, request, mode_name)

    def shown_partnership(self, pk):
        """(the partnership this index shows at ``<pk>-…/``, all its versions): the version in this
        page's language, else the source language's; None where neither exists."""
        from cms.request_cache import memo

        from .partnerships import Partnership

        versions = list(
            Partnership.objects.filter(
                translation_key__in=Partnership.objects.filter(pk=pk).values("translation_key")
            ).select_related("locale", "country", "region", "german_state", "phase")
        )
        by_locale = {item.locale_id: item for item in versions}
        partnership = by_locale.get(self.locale_id) or by_locale.get(memo("default_locale", Locale.get_default).pk)
        return partnership, versions

    @re_path(r"^(?P<pk>[0-9]{1,9})(?:-(?P<slug>[-\w]*))?/$", name="partnership")
    def partnership_view(self, request, pk, slug=None):
        partnership, versions = self.shown_partnership(pk)
        if partnership is None:
            raise Http404("No partnership with this id in this language or the source language.")
        if partnership.pk != int(pk) or slug != partnership.slug:
            # Another language's id (→ this language's version), or names changed since the link was made.
            target = self.get_url(request) + self.reverse_subpage(
                "partnership", kwargs={"pk": partnership.pk, "slug": partnership.slug}
            )
            return redirect(target, permanent=partnership.pk == int(pk))
        return TemplateResponse(
            request, "programmes/partnership_page.html", self.partnership_context(request, partnership, versions)
        )

    def partnership_context(self, request, partnership, versions):
        from cms.localization import localize_all, public_pages

        from .partnerships import Partnership, partnership_json_ld
        from .programme import ProgrammePhasePage
        from .topics import TopicPage

        context = Page.get_context(self, request)
        # Its other real versions, each under its own language's index (language switcher, hreflang).
        translation_urls = {}
        for version in versions:
            url = version.get_url(request, version.locale, full=True, fallback=False)
            if url:
                translation_urls[version.locale.language_code] = url
        # Topics and phase in this language where translated; only live, public pages are linked.
        topics = localize_all(partnership.topics.all(), self.locale, public_pages(TopicPage.objects.live()))
        phases = [partnership.phase] if partnership.phase_id else []
        phases = localize_all(phases, self.locale, public_pages(ProgrammePhasePage.objects.live()))
        candidates = [page.pk for page in [*topics, *phases]]
        shown = set(public_pages(Page.objects.live().filter(pk__in=candidates)).values_list("pk", flat=True))
        description = partnership.title
        if partnership.focus:
            description = f"{description}: {partnership.focus}"
        context.update(
            partnership=partnership,
            type_label=Partnership._meta.verbose_name,
            description=description,
            json_ld=partnership_json_ld(partnership, request, topics=[t for t in topics if t.pk in shown]),
            topics=[topic for topic in topics if topic.pk in shown],
            phase=next((phase for phase in phases if phase.pk in shown), None),
            translation_urls=translation_urls,
            # Shown in the source language (not yet translated): that version is the one to index.
            content_language=partnership.locale.language_code,
        )
        return context
