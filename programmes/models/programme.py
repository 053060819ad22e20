from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, Page
from wagtail_localize.fields import SynchronizedField

from cms import content_cache
from cms.fields import optional_link
from cms.localization import active_locale, localize_all, public_pages
from cms.pages import ContentPage
from cms.sources import SourcesMixin, sources_field
from programmes.mixins import CountriesMixin, TopicsMixin, countries_field, topics_field

from .calls import CallForParticipationPage
from .events import EventPage
from .reference import ContactPoint
from .topics import TopicPage


class ProgrammePage(ContentPage, TopicsMixin, CountriesMixin):
    """A funding programme, such as "Kommunale Zusammenarbeit Maghreb-Deutschland"."""

    countries = countries_field(_("The countries the programme covers."))
    topics = topics_field(_("The topics partnerships in this programme work on."))
    contact_point = optional_link(
        "programmes.ContactPoint",
        _("contact point"),
        _("Who answers questions about the programme."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("countries", widget=forms.CheckboxSelectMultiple),
                FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Scope"),
        ),
        InlinePanel("organisation_roles", heading=_("Organisations"), label=_("Organisation")),
        FieldPanel("contact_point"),
    ]
    override_translatable_fields = [SynchronizedField("countries"), SynchronizedField("topics")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["programmes.ProgrammePhasePage"]

    class Meta:
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")

    def phases(self):
        return public_pages(ProgrammePhasePage.objects.child_of(self).live()).order_by("start_date")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Worked out on first use: the template's cached parts (published_fragment) may not need them.
        shown = content_cache.LazyValues(self.shown_content)
        context.update(
            shown.lazy(
                (
                    "phases",
                    "topics",
                    "countries",
                    "organisation_roles",
                    "contact_point",
                    "current_calls",
                    "upcoming_events",
                )
            )
        )
        return context

    def shown_content(self):
        phase_keys = self.phases().values("translation_key")
        return {
            "phases": self.phases().prefetch_related("focus_countries"),
            "topics": localize_all(self.topics.all(), queryset=_live_topics()),
            "countries": list(self.countries.all()),
            "organisation_roles": _localized_roles(self),
            "contact_point": ContactPoint.chosen_in(self.contact_point_id, active_locale()),
            "current_calls": CallForParticipationPage.objects.for_listing()
            .filter(phase__translation_key__in=phase_keys)
            .current()
            .with_listing_relations()[:6],
            "upcoming_events": EventPage.objects.for_listing()
            .filter(
                models.Q(phase__translation_key__in=phase_keys)
                | models.Q(related_call__phase__translation_key__in=phase_keys)
            )
            .upcoming()
            .with_listing_relations()[:6],
        }


def _live_topics():
    return public_pages(TopicPage.objects.live())


def _localized_roles(programme):
    roles = list(programme.organisation_roles.select_related("organisation"))
    organisations = localize_all([role.organisation for role in roles])
    return [(role.get_role_display(), organisation) for role, organisation in zip(roles, organisations, strict=True)]


class ProgrammeOrganisation(Orderable):
    class Role(models.TextChoices):
        COMMISSIONED_BY = "commissioned_by", _("Commissioned by")
        IMPLEMENTED_BY = "implemented_by", _("Implemented by")
        IN_COOPERATION_WITH = "in_cooperation_with", _("In cooperation with")

    page = ParentalKey(ProgrammePage, related_name="organisation_roles", on_delete=models.CASCADE)
    organisation = models.ForeignKey(
        "programmes.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("An organisation involved in the programme."),
    )
    role = models.CharField(
        _("role"), max_length=30, choices=Role.choices, help_text=_("What the organisation does in the programme.")
    )

    panels = [FieldRowPanel([FieldPanel("organisation"), FieldPanel("role")])]

    class Meta(Orderable.Meta):
        verbose_name = _("organisation role")
        verbose_name_plural = _("organisation roles")


class PhaseStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    CURRENT = "current", _("Current")
    COMPLETED = "completed", _("Completed")


class DatePrecision(models.TextChoices):
    DAY = "day", _("Exact day")
    YEAR = "year", _("Year only")


class ProgrammePhasePage(ContentPage, SourcesMixin):
    start_date = models.DateField(_("start date"), help_text=_("The day the phase began or begins."))
    end_date = models.DateField(
        _("end date"), null=True, blank=True, help_text=_("Leave empty if the phase is open-ended.")
    )
    date_precision = models.CharField(
        _("precision of the dates"),
        max_length=10,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
        help_text=_("Choose “year” when the sources give only years; the site then shows years only."),
    )
    focus_countries = ParentalManyToManyField(
        "programmes.Country",
        verbose_name=_("focus countries"),
        blank=True,
        related_name="+",
        help_text=_("The countries this phase concentrates on."),
    )
    sources = sources_field(_("Where the dates and facts come from, one source a line."))

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")], heading=_("Duration")),
        FieldPanel("date_precision"),
        FieldPanel("focus_countries", widget=forms.CheckboxSelectMultiple),
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("sources"),
    ]
    override_translatable_fields = [SynchronizedField("focus_countries")]

    parent_page_types = ["programmes.ProgrammePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("programme phase")
        verbose_name_plural = _("programme phases")

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The end date must not be before the start date.")})

    def status_on(self, day):
        if self.start_date > day:
            return PhaseStatus.PLANNED
        if self.end_date is None or self.end_date >= day:
            return PhaseStatus.CURRENT
        return PhaseStatus.COMPLETED

    @cached_property
    def status(self):
        return self.status_on(timezone.localdate())
