"""The search form: the query and its filters. Unknown filter values are reported, never a 500."""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from cms.localization import active_locale, prefer_active_locale, public_pages
from home.models import StandardPage
from programmes.models import (
    CallForParticipationPage,
    Country,
    EventPage,
    ProgrammePage,
    ProgrammePhasePage,
    TopicPage,
)

from .query import clean_query

# type value in the address → (label, page models); partnerships are snippets, searched beside the pages.
PARTNERSHIP = "partnership"
CONTENT_TYPES = {
    "call": (_("Calls for participation"), [CallForParticipationPage]),
    "event": (_("Events"), [EventPage]),
    "topic": (_("Topics"), [TopicPage]),
    "programme": (_("Programme"), [ProgrammePage, ProgrammePhasePage]),
    PARTNERSHIP: (_("Partnerships"), []),
    "page": (_("Other pages"), [StandardPage]),
}


class SearchForm(forms.Form):
    type = forms.ChoiceField(
        label=_("Content type"),
        required=False,
        choices=[("", _("All content types"))] + [(key, label) for key, (label, _models) in CONTENT_TYPES.items()],
        error_messages={"invalid_choice": _("There is no content type “%(value)s”.")},
    )
    topic = forms.ChoiceField(
        label=_("Topic"), required=False, error_messages={"invalid_choice": _("There is no topic “%(value)s”.")}
    )
    country = forms.ChoiceField(
        label=_("Country"), required=False, error_messages={"invalid_choice": _("There is no country “%(value)s”.")}
    )

    def __init__(self, data=None, *, locale=None, **kwargs):
        super().__init__(data, **kwargs)
        self.locale = locale or active_locale()
        topics = prefer_active_locale(public_pages(TopicPage.objects.live()), self.locale).order_by("title")
        self.topics = {topic.slug: topic for topic in topics.only("slug", "title", "translation_key", "locale_id")}
        self.fields["topic"].choices = [("", _("All topics"))] + [(slug, t.title) for slug, t in self.topics.items()]
        self.fields["country"].choices = [("", _("All countries"))] + sorted(
            ((c.code, c.name) for c in Country.objects.exclude(code="DE")), key=lambda choice: choice[1]
        )

    @property
    def query(self):
        """The query, cleaned by search.query (not a form field: no query is ever invalid)."""
        return clean_query((self.data or {}).get("q", ""))

    def valid(self, name):
        if not self.is_bound:
            return None
        self.is_valid()
        return None if name in self.errors else self.cleaned_data.get(name) or None

    @property
    def messages(self):
        if not self.is_bound or self.is_valid():
            return []
        return [str(error) for errors in self.errors.values() for error in errors]

    def includes_pages(self):
        return self.valid("type") != PARTNERSHIP

    def includes_partnerships(self):
        return self.valid("type") in (None, PARTNERSHIP)

    def filter_partnerships(self, queryset):
        """Narrow ``queryset`` (partnerships) by topic and country, as ``filter`` does pages."""
        related = Q()
        if slug := self.valid("topic"):
            related &= Q(topics__translation_key=self.topics[slug].translation_key)
        if code := self.valid("country"):
            related &= Q(country__code=code)
        if related:
            # As for pages: the search backend filters on indexed fields only, so through the ids.
            queryset = queryset.filter(id__in=queryset.model.objects.filter(related).values("id"))
        return queryset

    def filter(self, queryset):
        """Narrow ``queryset`` (pages) with the valid filters; invalid ones are left out (and reported)."""
        from django.contrib.contenttypes.models import ContentType

        if (kind := self.valid("type")) and kind != PARTNERSHIP:
            models = CONTENT_TYPES[kind][1]
            queryset = queryset.filter(content_type__in=ContentType.objects.get_for_models(*models).values())
        related = Q()
        if slug := self.valid("topic"):
            key = self.topics[slug].translation_key
            related &= (
                Q(callforparticipationpage__topics__translation_key=key)
                | Q(eventpage__topics__translation_key=key)
                | Q(programmepage__topics__translation_key=key)
                | Q(translation_key=key)
            )
        if code := self.valid("country"):
            related &= (
                Q(callforparticipationpage__countries__code=code)
                | Q(eventpage__countries__code=code)
                | Q(programmepage__countries__code=code)
                | Q(programmephasepage__focus_countries__code=code)
            )
        if related:
            # The search backend filters on indexed fields only: go through the page ids.
            queryset = queryset.filter(id__in=queryset.model.objects.filter(related).values("id"))
        return queryset

    def active_filters(self):
        return {name: self.valid(name) for name in ("type", "topic", "country") if self.valid(name)}
