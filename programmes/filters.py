"""The listing filters of calls, events and partnerships (cms/listing.py validates and paginates)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from cms.listing import ListingFilterForm, choice_field
from cms.localization import prefer_active_locale

from .models.calls import CallStatus
from .models.events import EventFormat
from .models.reference import ApplicantType, Country, Region
from .models.topics import TopicPage


def topic_field():
    return choice_field(_("Topic"), [], _("There is no topic “%(value)s”; showing all topics."), _("All topics"))


def country_field():
    return choice_field(
        _("Country"), [], _("There is no country “%(value)s”; showing all countries."), _("All countries")
    )


class TopicsAndCountriesFilterForm(ListingFilterForm):
    """Filters by the ``topic`` and ``country`` fields a form declares (``topic_field()``,
    ``country_field()``): their choices are the live topics in the visitor's language and the partner
    countries, and ``apply`` narrows pages with TopicsMixin and CountriesMixin by them, so a form with
    just these two fields needs no more code."""

    def __init__(self, data=None, **kwargs):
        super().__init__(data, **kwargs)
        self.topics = []
        if "topic" in self.fields:
            self.topics = list(TopicPage.objects.for_listing().order_by("title"))
            self.fields["topic"].choices = [("", _("All topics"))] + [(t.slug, t.title) for t in self.topics]
        if "country" in self.fields:
            self.fields["country"].choices = [("", _("All countries"))] + [
                (c.code, c.name) for c in Country.objects.exclude(code="DE")
            ]

    def topic_key(self):
        slug = self.valid_value("topic")
        return next((t.translation_key for t in self.topics if t.slug == slug), None)

    def by_topic_and_country(self, queryset):
        """Narrowed to the chosen topic and country of pages with TopicsMixin and CountriesMixin."""
        if key := self.topic_key():
            queryset = queryset.filter(topics__translation_key=key)
        if country := self.valid_value("country"):
            queryset = queryset.filter(countries__code=country)
        return queryset

    def apply(self, queryset):
        return self.by_topic_and_country(queryset).distinct()


class CallFilterForm(TopicsAndCountriesFilterForm):
    status = choice_field(
        _("Status"),
        CallStatus.choices,
        _("“%(value)s” is not a status of calls; showing calls of every status."),
        _("Any status"),
    )
    topic = topic_field()
    country = country_field()
    eligible = choice_field(
        _("Who can apply"), [], _("There is no applicant type “%(value)s”; showing all calls."), _("Everyone")
    )

    def __init__(self, data=None, **kwargs):
        super().__init__(data, **kwargs)
        # Every applicant type, named in the visitor's language where it has been translated.
        applicant_types = prefer_active_locale(ApplicantType.objects.all()).order_by("name")
        self.fields["eligible"].choices = [("", _("Everyone"))] + [(t.code, t.name) for t in applicant_types]

    def apply(self, queryset):
        if status := self.valid_value("status"):
            queryset = queryset.with_status(status)
        queryset = self.by_topic_and_country(queryset)
        if code := self.valid_value("eligible"):
            # Codes are synchronised across translations, so one value matches every language.
            queryset = queryset.filter(eligible_types__code=code)
        return queryset.distinct()


class DateInput(forms.DateInput):
    input_type = "date"


class EventFilterForm(TopicsAndCountriesFilterForm):
    when = forms.ChoiceField(
        label=_("When"),
        required=False,
        choices=[("upcoming", _("Upcoming")), ("past", _("Past"))],
        error_messages={"invalid_choice": _("“%(value)s” is not a choice here; showing upcoming events.")},
    )
    format = choice_field(
        _("Format"),
        EventFormat.choices,
        _("“%(value)s” is not an event format; showing events of every format."),
        _("Any format"),
    )
    topic = topic_field()
    country = country_field()
    date_from = forms.DateField(
        label=_("From"),
        required=False,
        widget=DateInput(format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d"],
        error_messages={"invalid": _("The start date must be a date in the form YYYY-MM-DD; it was ignored.")},
    )
    date_to = forms.DateField(
        label=_("To"),
        required=False,
        widget=DateInput(format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d"],
        error_messages={"invalid": _("The end date must be a date in the form YYYY-MM-DD; it was ignored.")},
    )

    def apply(self, queryset):
        queryset = queryset.past() if self.valid_value("when") == "past" else queryset.upcoming()
        if event_format := self.valid_value("format"):
            queryset = queryset.filter(event_format=event_format)
        queryset = self.by_topic_and_country(queryset)
        if date_from := self.valid_value("date_from"):
            queryset = queryset.filter(end__date__gte=date_from)
        if date_to := self.valid_value("date_to"):
            queryset = queryset.filter(start__date__lte=date_to)
        return queryset.distinct()


class PartnershipFilterForm(TopicsAndCountriesFilterForm):
    country = country_field()
    topic = topic_field()
    land = choice_field(_("German Land"), [], _("There is no German Land “%(value)s”; showing all."), _("All Länder"))

    def __init__(self, data=None, **kwargs):
        super().__init__(data, **kwargs)
        states = Region.objects.filter(country__code="DE").order_by("name")
        self.fields["land"].choices = [("", _("All Länder"))] + [(r.code, r.display_name) for r in states]

    def apply(self, queryset):
        if country := self.valid_value("country"):
            queryset = queryset.filter(country__code=country)
        if key := self.topic_key():
            queryset = queryset.filter(topics__translation_key=key)
        if land := self.valid_value("land"):
            queryset = queryset.filter(german_state__code=land)
        return queryset.distinct()
