import datetime

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from cms import content_cache
from cms.fields import MultipleChoiceListField, optional_link
from cms.forms import PlatformPageForm
from cms.localization import live_localized, source_version
from cms.pages import ContentPage
from cms.timezones import DEFAULT_TIME_ZONE, TimeZoneChoices, in_zone
from programmes.mixins import CountriesMixin, TopicsMixin, countries_field, topics_field

from .querysets import EventManager


class EventFormat(models.TextChoices):
    ONLINE = "online", _("Online")
    ON_SITE = "on_site", _("On site")
    HYBRID = "hybrid", _("Hybrid (on site and online)")


class EventStatus(models.TextChoices):
    """The status a visitor sees: from the dates, unless the editor cancelled or postponed the event."""

    UPCOMING = "upcoming", _("Upcoming")
    ONGOING = "ongoing", _("Taking place now")
    PAST = "past", _("Past")
    CANCELLED = "cancelled", _("Cancelled")
    POSTPONED = "postponed", _("Postponed")


class EventSchedule(models.TextChoices):
    """What the editor sets; everything else follows from the dates."""

    AS_PLANNED = "scheduled", _("Takes place as planned")
    CANCELLED = "cancelled", _("Cancelled")
    POSTPONED = "postponed", _("Postponed (new date to be announced)")


class EventForm(PlatformPageForm):
    zoned_datetime_fields = ("start", "end", "registration_deadline")

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("all_day"):
            # All-day events run from the start of the first day to the end of the last one,
            # at the event's place.
            for name, time in (("start", datetime.time.min), ("end", datetime.time(23, 59, 59))):
                value = cleaned_data.get(name)
                if value:
                    local = in_zone(value, cleaned_data.get("time_zone"))
                    cleaned_data[name] = local.replace(
                        hour=time.hour, minute=time.minute, second=time.second, microsecond=0
                    )
        return cleaned_data


class EventPage(ContentPage, TopicsMixin, CountriesMixin):
    time_zone = models.CharField(
        _("time zone"),
        max_length=40,
        choices=TimeZoneChoices.choices,
        default=DEFAULT_TIME_ZONE,
        help_text=_("Start and end are entered and shown in the time zone of the event's place."),
    )
    start = models.DateTimeField(
        _("start"), help_text=_("Date and time at which the event begins, in the time zone above.")
    )
    end = models.DateTimeField(_("end"), help_text=_("Date and time at which the event ends, in the time zone above."))
    all_day = models.BooleanField(
        _("all day"), default=False, help_text=_("Only the dates are shown; times are ignored.")
    )
    schedule = models.CharField(
        _("schedule"),
        max_length=20,
        choices=EventSchedule.choices,
        default=EventSchedule.AS_PLANNED,
        help_text=_("Upcoming, ongoing and past follow from the dates; set only a cancellation or postponement."),
    )

    event_format = models.CharField(
        _("format"), max_length=20, choices=EventFormat.choices, help_text=_("Online, on site, or both.")
    )
    venue = optional_link(
        "programmes.Venue",
        _("venue"),
        _("Required for events on site and hybrid events."),
    )
    online_platform = models.CharField(
        _("online platform"), max_length=100, blank=True, help_text=_("For example the video conference software.")
    )
    online_url = models.URLField(
        _("online access link"),
        blank=True,
        help_text=_("The link to join online. Shown publicly only if ticked below."),
    )
    online_url_is_public = models.BooleanField(
        _("show the access link publicly"),
        default=False,
        help_text=_("Leave unticked to give the link only to registered participants."),
    )
    online_details = models.TextField(
        _("online details"), blank=True, help_text=_("How to join, technical requirements.")
    )

    registration_url = models.URLField(
        _("registration link"),
        blank=True,
        help_text=_(
            "Only if people register on another website: its full web address. Leave empty to use this "
            "site's own registration form (with capacity, waiting list and confirmation e-mails)."
        ),
    )
    registration_deadline = models.DateTimeField(
        _("registration deadline"),
        null=True,
        blank=True,
        help_text=_(
            "The last moment to register, in the time zone above. Leave empty to allow registration until the start."
        ),
    )
    capacity = models.PositiveIntegerField(
        _("capacity"), null=True, blank=True, help_text=_("Number of places; leave empty if unlimited.")
    )

    languages = MultipleChoiceListField(
        _("event languages"),
        item_choices=settings.LANGUAGES,
        blank=True,
        help_text=_("The languages spoken at the event."),
    )
    interpretation = models.CharField(
        _("interpretation"),
        max_length=255,
        blank=True,
        help_text=_("For example “Simultaneous interpretation German–French”."),
    )
    organiser = optional_link(
        "programmes.Organisation",
        _("organiser"),
        _("The organisation that hosts the event."),
    )
    topics = topics_field(_("The topics the event is about."))
    countries = countries_field(_("The countries the event concerns."))
    related_call = optional_link(
        "programmes.CallForParticipationPage",
        _("related call"),
        _("The call for participation the event informs about, if any."),
    )
    phase = optional_link(
        "programmes.ProgrammePhasePage",
        _("programme phase"),
        _("The programme phase the event belongs to."),
    )

    objects = EventManager()

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("time_zone"),
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("all_day"),
                FieldPanel("schedule"),
            ],
            heading=_("Date and time"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("event_format"),
                FieldPanel("venue"),
                FieldPanel("online_platform"),
                FieldPanel("online_url"),
                FieldPanel("online_url_is_public"),
                FieldPanel("online_details"),
            ],
            heading=_("Place and access"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("registration_url"),
                FieldRowPanel([FieldPanel("registration_deadline"), FieldPanel("capacity")]),
            ],
            heading=_("Registration"),
        ),
        MultiFieldPanel(
            [FieldPanel("languages"), FieldPanel("interpretation")],
            heading=_("Languages"),
        ),
        FieldPanel("organiser"),
        MultiFieldPanel(
            [
                FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
                FieldPanel("countries", widget=forms.CheckboxSelectMultiple),
                FieldPanel("related_call"),
                FieldPanel("phase"),
            ],
            heading=_("Classification"),
        ),
        FieldPanel("body"),
    ]
    search_fields = ContentPage.search_fields + [
        index.AutocompleteField("summary"),
        index.FilterField("start"),
        index.FilterField("end"),
        index.FilterField("event_format"),
    ]
    override_translatable_fields = [SynchronizedField("topics"), SynchronizedField("countries")]

    base_form_class = EventForm
    parent_page_types = ["programmes.EventIndexPage"]
    subpage_types = []
    topic_page_template = "programmes/topic_page_events.html"

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    @classmethod
    def on_topic_page(cls, topic_key):
        return super().on_topic_page(topic_key).upcoming().with_listing_relations()[:10]

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end and self.end <= self.start:
            errors["end"] = _("The event must end after it starts.")
        if self.event_format in (EventFormat.ONLINE, EventFormat.HYBRID) and not (
            self.online_url or self.online_details.strip() or self.registration_url
        ):
            errors["online_details"] = _(
                "An online or hybrid event needs online details, an access link or a registration link."
            )
        if self.event_format in (EventFormat.ON_SITE, EventFormat.HYBRID) and not self.venue_id:
            errors["venue"] = _("An event on site or a hybrid event needs a venue.")
        if self.registration_deadline and self.end and self.registration_deadline > self.end:
            errors["registration_deadline"] = _("The registration deadline must not be after the end of the event.")
        if errors:
            raise ValidationError(errors)

    def status_at(self, moment):
        if self.schedule == EventSchedule.CANCELLED:
            return EventStatus.CANCELLED
        if self.schedule == EventSchedule.POSTPONED:
            return EventStatus.POSTPONED
        if moment < self.start:
            return EventStatus.UPCOMING
        if moment < self.end:
            return EventStatus.ONGOING
        return EventStatus.PAST

    @cached_property
    def status(self):
        return self.status_at(timezone.now())

    @property
    def zoned_start(self):
        return in_zone(self.start, self.time_zone)

    @property
    def zoned_end(self):
        return in_zone(self.end, self.time_zone)

    @property
    def zoned_registration_deadline(self):
        return in_zone(self.registration_deadline, self.time_zone)

    @property
    def registration_closes_at(self):
        return self.registration_deadline or self.start

    @property
    def source_version(self):
        """The event in the source language: its schedule, deadline and capacity are the ones that count."""
        return source_version(self)

    def external_registration_open_at(self, moment):
        """The external registration: this version's link, the source's schedule and deadline."""
        facts = self.source_version
        return (
            bool(self.registration_url)
            and facts.schedule == EventSchedule.AS_PLANNED
            and moment < facts.registration_closes_at
        )

    @property
    def external_registration_is_open(self):
        """Registration through the organiser's own link (``registration_url``) is open now.

        The opposite case, the platform's form for events without such a link, is the
        participation app's ``on_site_registration_open``. The API keeps the key "registration_is_open".
        """
        return self.external_registration_open_at(timezone.now())

    @property
    def is_online(self):
        return self.event_format in (EventFormat.ONLINE, EventFormat.HYBRID)

    @property
    def is_on_site(self):
        return self.event_format in (EventFormat.ON_SITE, EventFormat.HYBRID)

    @property
    def public_online_url(self):
        return self.online_url if self.online_url_is_public else ""

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Related pages and snippets come from published content only: worked out once per content
        # generation (cms/content_cache.py), not on every request.
        related = content_cache.cached("event-page", (self.pk,), self.related_content, request=request)
        context.update(related)
        self.__dict__["_source_version"] = related["facts"]  # for the registration
        return context

    def related_content(self):
        """Related pages and snippets in the visitor's language where that version exists."""
        venue = self.venue.localized if self.venue_id and self.venue else None
        if venue:
            venue.region, venue.country  # noqa: B018  (kept with the venue in the cache)
        return {
            # Status, deadline and capacity as the registration counts them (see source_version).
            "facts": self.source_version,
            "topics": self.live_topics(),
            "countries": list(self.countries.all()),
            "venue": venue,
            "organiser": self.organiser.localized if self.organiser_id and self.organiser else None,
            "related_call": live_localized(self.related_call) if self.related_call_id else None,
            "phase": live_localized(self.phase) if self.phase_id else None,
        }

    def get_language_names(self):
        names = dict(settings.LANGUAGES)
        return [names.get(code, code) for code in self.languages]
