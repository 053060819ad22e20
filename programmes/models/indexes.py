"""Index pages: the filtered, paginated listings of calls, events and partnerships."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from cms.api.headless import PlatformHeadlessPreviewMixin
from cms.forms import PlatformPageForm

PAGE_SIZE = 10


class FilteredListingPage(PlatformHeadlessPreviewMixin, Page):
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

    def get_context(self, request, *args, **kwargs):
        from programmes.filters import PageNumberError, paginate

        from .topics import TopicPage

        context = super().get_context(request, *args, **kwargs)
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
        context.update(
            filter_form=form,
            filter_messages=messages,
            listing_status=status,
            page_obj=page_obj,
            items=page_obj.object_list if page_obj else [],
            filter_query=query.urlencode(),
        )
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if hasattr(response, "context_data"):
            response.status_code = response.context_data.get("listing_status", 200)
        return response


class CallIndexPage(FilteredListingPage):
    subpage_types = ["programmes.CallForParticipationPage"]

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


class PartnershipIndexPage(FilteredListingPage):
    subpage_types = []

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
