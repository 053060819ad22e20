from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from .querysets import TranslatableSnippetQuerySet


class PartnershipStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    ACTIVE = "active", _("Active")
    COMPLETED = "completed", _("Completed")


class PartnershipQuerySet(TranslatableSnippetQuerySet):
    def for_display(self, locale=None):
        return (
            super()
            .for_display(locale)
            .select_related("german_state", "country", "region")
            .prefetch_related("topics")
            .order_by("country__code", "maghreb_partner")
        )


class Partnership(TranslatableMixin, index.Indexed, ClusterableModel):
    """A project partnership between a German municipal partner and a partner in the Maghreb."""

    german_partner = models.CharField(
        _("German partner"), max_length=200, help_text=_("The municipality, district or municipal company.")
    )
    german_state = models.ForeignKey(
        "programmes.Region",
        verbose_name=_("German Land"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"country__code": "DE"},
        help_text=_("The German Land of the German partner."),
    )
    maghreb_partner = models.CharField(
        _("partner in the Maghreb"),
        max_length=200,
        help_text=_("The city or municipality in Algeria, Morocco or Tunisia."),
    )
    country = models.ForeignKey(
        "programmes.Country",
        verbose_name=_("country"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("The country of the partner in the Maghreb."),
    )
    region = models.ForeignKey(
        "programmes.Region",
        verbose_name=_("region"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("The wilaya, province or governorate."),
    )
    topics = ParentalManyToManyField(
        "programmes.TopicPage",
        verbose_name=_("topics"),
        blank=True,
        related_name="+",
        help_text=_("The topics the partners work on."),
    )
    focus = models.CharField(
        _("focus"), max_length=200, blank=True, help_text=_("What the partners work on, in a few words.")
    )
    phase = models.ForeignKey(
        "programmes.ProgrammePhasePage",
        verbose_name=_("programme phase"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The programme phase in which the partnership started."),
    )
    since = models.PositiveSmallIntegerField(
        _("since (year)"), null=True, blank=True, help_text=_("The year the partnership began, if known.")
    )
    status = models.CharField(
        _("status"), max_length=20, choices=PartnershipStatus.choices, help_text=_("Planned, active or completed.")
    )
    sources = models.TextField(_("sources"), blank=True, help_text=_("Where the facts come from, one source a line."))

    objects = PartnershipQuerySet.as_manager()

    panels = [
        MultiFieldPanel([FieldPanel("german_partner"), FieldPanel("german_state")], heading=_("German partner")),
        MultiFieldPanel(
            [FieldPanel("maghreb_partner"), FieldRowPanel([FieldPanel("country"), FieldPanel("region")])],
            heading=_("Partner in the Maghreb"),
        ),
        FieldPanel("focus"),
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
        FieldPanel("phase"),
        FieldRowPanel([FieldPanel("since"), FieldPanel("status")]),
        FieldPanel("sources"),
    ]
    search_fields = [
        index.SearchField("german_partner"),
        index.SearchField("maghreb_partner"),
        index.SearchField("focus"),
        index.AutocompleteField("german_partner"),
        index.AutocompleteField("maghreb_partner"),
        index.FilterField("locale_id"),
    ]
    override_translatable_fields = [SynchronizedField("topics")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("partnership")
        verbose_name_plural = _("partnerships")

    def __str__(self):
        return f"{self.german_partner} – {self.maghreb_partner}"

    def clean(self):
        errors = {}
        if self.german_state_id and self.german_state.country.code != "DE":
            errors["german_state"] = _("Choose a German Land.")
        if self.region_id and self.country_id and self.region.country_id != self.country_id:
            errors["region"] = _("The region must belong to the chosen country.")
        if errors:
            raise ValidationError(errors)

    @property
    def source_list(self):
        return [line.strip() for line in self.sources.splitlines() if line.strip()]
