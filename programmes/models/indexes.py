"""Index pages: the filtered, paginated listings of calls, events and partnerships."""

from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin, re_path
from wagtail.models import Locale, Page

from cms.localization import localize_all, public_pages
from cms.pages import ListingPage
from cms.request_cache import memo
from programmes.filters import CallFilterForm, EventFilterForm, PartnershipFilterForm

from .calls import CallForParticipationPage
from .events import EventPage
from .partnerships import Partnership, partnership_json_ld
from .programme import ProgrammePhasePage
from .topics import TopicPage


class CallIndexPage(ListingPage):
    subpage_types = ["programmes.CallForParticipationPage"]
    listing_cache_name = "call-listing"

    class Meta:
        verbose_name = _("call index")
        verbose_name_plural = _("call indexes")

    filter_form_class = CallFilterForm

    def get_items(self):
        return CallForParticipationPage.objects.for_listing().order_by("-deadline").with_listing_relations()


class EventIndexPage(ListingPage):
    subpage_types = ["programmes.EventPage"]
    listing_cache_name = "event-listing"

    class Meta:
        verbose_name = _("event index")
        verbose_name_plural = _("event indexes")

    filter_form_class = EventFilterForm

    def get_items(self):
        return EventPage.objects.for_listing().with_listing_relations()


class PartnershipIndexPage(RoutablePageMixin, ListingPage):
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

    filter_form_class = PartnershipFilterForm

    def get_items(self):
        return Partnership.objects.for_display()

    # RoutablePageMixin's own index route and preview would skip the listing's status codes and the
    # headless preview: hand both back to the listing page.
    @re_path(r"^$")
    def index_route(self, request, *args, **kwargs):
        return ListingPage.serve(self, request, *args, **kwargs)

    def serve_preview(self, request, mode_name):
        return ListingPage.serve_preview(self, request, mode_name)

    def shown_partnership(self, pk):
        """(the partnership this index shows at ``<pk>-…/``, all its versions): the version in this
        page's language, else the source language's; None where neither exists."""
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
