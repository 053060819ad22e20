"""Topics and countries a page or snippet is about: chosen in the source language, the same in every translation.

A model takes the field from ``TopicsMixin``/``CountriesMixin``; one that explains the field differently
to editors redeclares it with ``topics_field``/``countries_field`` (same name and column: no migration).
Models list both as ``SynchronizedField`` in ``override_translatable_fields``: translators never choose them.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField

from cms.localization import localize_all


def topics_field(help_text):
    return ParentalManyToManyField(
        "programmes.TopicPage", verbose_name=_("topics"), blank=True, related_name="+", help_text=help_text
    )


def countries_field(help_text):
    return ParentalManyToManyField(
        "programmes.Country", verbose_name=_("countries"), blank=True, related_name="+", help_text=help_text
    )


class TopicsMixin(models.Model):
    topics = topics_field(_("The topics this is about."))

    # A page type registered with PageType(on_topic_pages=True) is listed on topic pages: in a
    # section rendered by this template, which gets the items as ``items``.
    topic_page_template = ""

    class Meta:
        abstract = True

    @classmethod
    def on_topic_page(cls, topic_key):
        """The pages a topic page lists: live, public, in the visitor's language, about the topic with
        this translation key. A page type orders and limits them."""
        return cls.objects.for_listing().filter(topics__translation_key=topic_key).distinct()

    def live_topics(self):
        """The topics in the visitor's language where that version is live, else as chosen; none unpublished."""
        topic_model = self._meta.get_field("topics").related_model
        return [t for t in localize_all(self.topics.all(), queryset=topic_model.objects.live().public()) if t.live]


class CountriesMixin(models.Model):
    countries = countries_field(_("The countries this concerns."))

    class Meta:
        abstract = True
