from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from cms import content_cache
from cms.blocks import RICH_TEXT_FEATURES, DocumentItemBlock, FAQItemBlock
from cms.fields import optional_link
from cms.forms import PlatformPageForm
from cms.localization import live_localized, localize_all, source_version
from cms.pages import ContentPage
from cms.timezones import DEFAULT_TIME_ZONE, TimeZoneChoices, in_zone
from programmes.mixins import CountriesMixin, TopicsMixin, countries_field, topics_field

from .events import EventPage
from .querysets import CallManager
from .topics import with_display_topics


class CallForm(PlatformPageForm):
    zoned_datetime_fields = ("opening", "deadline")


class CallStatus(models.TextChoices):
    UPCOMING = "upcoming", _("Upcoming")
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


class CallForParticipationPage(ContentPage, TopicsMixin, CountriesMixin):
    eligible_types = ParentalManyToManyField(
        "programmes.ApplicantType",
        verbose_name=_("eligible applicants"),
        related_name="+",
        help_text=_("Who may take part. Manage the list under Reference data › Applicant types."),
    )
    offer = RichTextField(
        _("what is offered"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("What the programme offers participants, for example advice, contacts and financed visits."),
    )
    expectations = RichTextField(
        _("what is expected"), features=RICH_TEXT_FEATURES, blank=True, help_text=_("What is expected of participants.")
    )
    topics = topics_field(_("The topics partnerships may work on."))
    countries = countries_field(_("Countries of the partner municipalities."))
    phase = optional_link(
        "programmes.ProgrammePhasePage",
        _("programme phase"),
        _("The programme phase the call belongs to."),
    )

    time_zone = models.CharField(
        _("time zone"),
        max_length=40,
        choices=TimeZoneChoices.choices,
        default=DEFAULT_TIME_ZONE,
        help_text=_("Opening and deadline are entered and shown in this time zone."),
    )
    opening = models.DateTimeField(
        _("opening"), null=True, blank=True, help_text=_("Leave empty if the call is open from publication.")
    )
    deadline = models.DateTimeField(_("deadline"), help_text=_("The last moment at which applications are accepted."))
    deadline_note = models.CharField(
        _("note on the deadline"),
        max_length=255,
        blank=True,
        help_text=_("Shown beside the deadline, for example where the date was not announced and how it was set."),
    )

    how_to_apply = RichTextField(
        _("how to apply"), features=RICH_TEXT_FEATURES, blank=True, help_text=_("The steps to take part, in order.")
    )
    documents = StreamField(
        [("document", DocumentItemBlock(label=_("Document")))],
        verbose_name=_("documents"),
        blank=True,
        help_text=_("Forms and information sheets to download."),
    )
    faq = StreamField(
        [("question", FAQItemBlock(label=_("Question")))],
        verbose_name=_("frequently asked questions"),
        blank=True,
        help_text=_("Questions people ask about the call, with their answers."),
    )
    contact_point = optional_link(
        "programmes.ContactPoint",
        _("contact point"),
        _("Who answers questions about the call."),
    )

    objects = CallManager()

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("time_zone"),
                FieldRowPanel([FieldPanel("opening"), FieldPanel("deadline")]),
                FieldPanel("deadline_note"),
            ],
            heading=_("Dates"),
            help_text=_("The status (upcoming, open, closed) follows from these dates."),
        ),
        FieldPanel("eligible_types", widget=forms.CheckboxSelectMultiple),
        FieldPanel("offer"),
        FieldPanel("expectations"),
        MultiFieldPanel(
            [
                FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
                FieldPanel("countries", widget=forms.CheckboxSelectMultiple),
                FieldPanel("phase"),
            ],
            heading=_("Classification"),
        ),
        FieldPanel("body"),
        FieldPanel("how_to_apply"),
        FieldPanel("documents"),
        FieldPanel("faq"),
        FieldPanel("contact_point"),
    ]
    search_fields = ContentPage.search_fields + [
        index.AutocompleteField("summary"),
        index.SearchField("offer"),
        index.SearchField("expectations"),
        index.FilterField("deadline"),
        index.FilterField("opening"),
    ]
    override_translatable_fields = [
        SynchronizedField("eligible_types"),
        SynchronizedField("topics"),
        SynchronizedField("countries"),
    ]

    base_form_class = CallForm
    parent_page_types = ["programmes.CallIndexPage"]
    subpage_types = []
    topic_page_template = "programmes/topic_page_calls.html"

    class Meta:
        verbose_name = _("call for participation")
        verbose_name_plural = _("calls for participation")

    @classmethod
    def on_topic_page(cls, topic_key):
        return super().on_topic_page(topic_key).order_by("-deadline").with_listing_relations()[:10]

    def clean(self):
        super().clean()
        if self.opening and self.deadline and self.deadline <= self.opening:
            raise ValidationError({"deadline": _("The deadline must be after the opening.")})

    def status_at(self, moment):
        if self.opening and moment < self.opening:
            return CallStatus.UPCOMING
        if moment < self.deadline:
            return CallStatus.OPEN
        return CallStatus.CLOSED

    @cached_property
    def status(self):
        return self.status_at(timezone.now())

    @property
    def source_version(self):
        """The call in the source language: its opening and deadline are the ones expressions of interest obey."""
        return source_version(self)

    @property
    def zoned_deadline(self):
        return in_zone(self.deadline, self.time_zone)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Related pages and snippets come from published content only: worked out once per content
        # generation (cms/content_cache.py), not on every request.
        related = content_cache.cached("call-page", (self.pk,), lambda: self.related_content(request), request=request)
        context.update(related)
        self.__dict__["_source_version"] = related["facts"]  # for the expression of interest
        return context

    def related_content(self, request):
        """What the page shows beside its own fields, in the visitor's language where it exists."""
        related_events = (
            EventPage.objects.for_listing()
            .filter(related_call__translation_key=self.translation_key)
            .order_by("start")
            .with_listing_relations()
        )
        phase = live_localized(self.phase) if self.phase_id else None
        contact_point = self.contact_point.localized if self.contact_point_id and self.contact_point else None
        if contact_point and contact_point.organisation_id:
            contact_point.organisation  # noqa: B018  (kept with the contact point in the cache)
        return {
            "related_events": with_display_topics(related_events),
            # Status, opening and deadline as expressions of interest obey them (see source_version).
            "facts": self.source_version,
            "eligible_types": localize_all(self.eligible_types.all()),
            "topics": self.live_topics(),
            "countries": list(self.countries.all()),
            "contact_point": contact_point,
            "phase": phase,
            "programme": live_localized(phase.get_parent().specific) if phase else None,
        }
