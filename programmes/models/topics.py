from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.search import index

from cms.fields import optional_link
from cms.forms import PlatformPageForm
from cms.image_alt import with_alt_texts
from cms.localization import active_locale, localize_all, public_pages
from cms.pages import ContentPage, PlatformPage
from cms.platform import registry

from .partnerships import Partnership
from .querysets import ListingPageManager


class TopicIndexPage(PlatformPage):
    intro = models.TextField(_("introduction"), blank=True, help_text=_("A short text shown above the list of topics."))

    content_panels = Page.content_panels + [FieldPanel("intro")]
    base_form_class = PlatformPageForm
    parent_page_types = ["home.HomePage"]
    subpage_types = ["programmes.TopicPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("topic index")
        verbose_name_plural = _("topic indexes")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["topics"] = with_alt_texts(
            TopicPage.objects.for_listing()
            .child_of(self)
            .select_related("image")
            .prefetch_related("image__renditions")
            .order_by("title")
        )
        return context


class TopicPage(ContentPage):
    image = optional_link(
        "wagtailimages.Image",
        _("image"),
        _("Shown at the top of the page and in listings; its description is used as alternative text."),
    )

    content_panels = Page.content_panels + [FieldPanel("summary"), FieldPanel("image"), FieldPanel("body")]
    search_fields = ContentPage.search_fields + [index.AutocompleteField("summary")]

    objects = ListingPageManager()

    parent_page_types = ["programmes.TopicIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        key = self.translation_key
        context.update(
            # Every page type registered with on_topic_pages (a TopicsMixin model): its section and items.
            topic_listings=[
                (page_type.model.topic_page_template, page_type.model.on_topic_page(key))
                for page_type in registry.page_types()
                if page_type.on_topic_pages
            ],
            partnerships=Partnership.objects.for_display().filter(topics__translation_key=key).distinct(),
        )
        return context


def with_display_topics(items):
    """Give every listing item ``display_topics``: its live topics in the visitor's language.

    The items' topics must be prefetched; all topics of all items are localized with one query.
    """
    items = list(items)
    topics = {}
    for item in items:
        for topic in item.topics.all():
            topics.setdefault(topic.pk, topic)
    if topics:
        localized_topics = localize_all(
            topics.values(), locale=active_locale(), queryset=public_pages(TopicPage.objects.live())
        )
        mapping = dict(zip(topics.keys(), localized_topics, strict=True))
    else:
        mapping = {}
    for item in items:
        item.display_topics = [mapping[topic.pk] for topic in item.topics.all() if mapping[topic.pk].live]
    return items
