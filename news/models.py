"""News ("Aktuelles"): dated items about the programme, listed newest first and filterable by topic and country."""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from cms import content_cache
from cms.fields import optional_link
from cms.localization import live_localized, public_pages
from cms.pages import ContentPage, ListingPage
from cms.sources import SourcesMixin
from programmes.mixins import CountriesMixin, TopicsMixin
from programmes.models.programme import DatePrecision
from programmes.models.querysets import ListingPageManager

from .filters import NewsFilterForm


class NewsIndexPage(ListingPage):
    subpage_types = ["news.NewsItemPage"]
    filter_form_class = NewsFilterForm
    listing_cache_name = "news-listing"

    class Meta:
        verbose_name = _("news index")
        verbose_name_plural = _("news indexes")

    def get_items(self):
        return (
            NewsItemPage.objects.for_listing()
            .order_by("-date", "-pk")
            .select_related("locale", "image")
            .prefetch_related("topics", "countries")
        )


class NewsItemPage(ContentPage, TopicsMixin, CountriesMixin, SourcesMixin):
    date = models.DateField(_("date"), help_text=_("The day the news is about, or the first day of its year."))
    date_precision = models.CharField(
        _("precision of the date"),
        max_length=10,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
        help_text=_("Choose “year” when the sources give only the year; the site then shows the year only."),
    )
    image = optional_link(
        "wagtailimages.Image",
        _("image"),
        _("Shown at the top of the item and in listings; its description is used as alternative text."),
    )
    related_programme = optional_link(
        "programmes.ProgrammePage", _("related programme"), _("The programme this news is about, if any.")
    )
    related_call = optional_link(
        "programmes.CallForParticipationPage", _("related call"), _("A call for participation this news is about.")
    )
    related_event = optional_link("programmes.EventPage", _("related event"), _("An event this news is about."))

    objects = ListingPageManager()
    topic_page_template = "news/topic_page_news.html"

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("date"), FieldPanel("date_precision")], heading=_("Date")),
        FieldPanel("summary"),
        FieldPanel("image"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
                FieldPanel("countries", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Classification"),
        ),
        MultiFieldPanel(
            [FieldPanel("related_programme"), FieldPanel("related_call"), FieldPanel("related_event")],
            heading=_("Related pages"),
        ),
        FieldPanel("sources"),
    ]
    search_fields = ContentPage.search_fields + [index.AutocompleteField("summary"), index.FilterField("date")]
    # Chosen in the source language: a translation shows the same topics, countries and linked pages.
    override_translatable_fields = [
        SynchronizedField("topics"),
        SynchronizedField("countries"),
        SynchronizedField("related_programme"),
        SynchronizedField("related_call"),
        SynchronizedField("related_event"),
    ]

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news items")

    @classmethod
    def on_topic_page(cls, topic_key):
        return (
            super()
            .on_topic_page(topic_key)
            .order_by("-date", "-pk")
            .select_related("image")
            .prefetch_related("countries")[:10]
        )

    @property
    def year_only(self):
        return self.date_precision == DatePrecision.YEAR

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # From published content only: worked out once per content generation (cms/content_cache.py).
        context.update(content_cache.cached("news-item", (self.pk,), self.related_content, request=request))
        return context

    def related_content(self):
        """Topics and linked pages in the visitor's language where that version is live; none unpublished
        or behind a view restriction."""
        linked = (self.related_programme, self.related_call, self.related_event)
        pages = [page for page in (live_localized(item) for item in linked if item) if page]
        public = public_pages(Page.objects.live().filter(pk__in=[page.pk for page in pages]))
        shown = set(public.values_list("pk", flat=True))
        return {
            "topics": self.live_topics(),
            "countries": list(self.countries.all()),
            "related_pages": [page for page in pages if page.pk in shown],
        }
