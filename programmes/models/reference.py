"""Reference data: places keyed by ISO 3166, the applicant-type vocabulary, organisations,
contact points and venues."""

import gettext
from functools import lru_cache

import pycountry
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from cms.fields import optional_link
from cms.forms import TranslatableSnippetForm


@lru_cache(maxsize=16)
def _iso_catalogue(domain, language):
    gettext_language = (language or "de").replace("-", "_")
    return gettext.translation(
        domain, pycountry.LOCALES_DIR, languages=[gettext_language, gettext_language.split("_")[0]], fallback=True
    )


def iso_name(domain, english_name):
    """The ISO 3166 name in the active language, from the translations pycountry ships."""
    return _iso_catalogue(domain, get_language()).gettext(english_name)


class Country(models.Model):
    """A country keyed by ISO 3166-1 alpha-2. Names come from ISO's own translations."""

    code = models.CharField(
        _("ISO 3166-1 code"),
        max_length=2,
        unique=True,
        help_text=_("Two capital letters, for example DZ for Algeria or DE for Germany."),
    )

    panels = [FieldPanel("code")]

    class Meta:
        ordering = ["code"]
        verbose_name = _("country")
        verbose_name_plural = _("countries")

    def __str__(self):
        return self.name

    @property
    def iso_record(self):
        return pycountry.countries.get(alpha_2=self.code)

    @property
    def name(self):
        record = self.iso_record
        return iso_name("iso3166-1", record.name) if record else self.code

    def clean(self):
        self.code = (self.code or "").upper()
        if not pycountry.countries.get(alpha_2=self.code):
            raise ValidationError({"code": _("“%(code)s” is not an ISO 3166-1 country code.") % {"code": self.code}})


class Region(models.Model):
    """A first-level subdivision keyed by ISO 3166-2 (a wilaya, a governorate, a German Land).

    Subdivisions change (Algeria: 48 wilayas, 58 from 2019, 69 from 2026), so each carries the
    dates it is valid for.
    """

    code = models.CharField(
        _("ISO 3166-2 code"),
        max_length=6,
        unique=True,
        help_text=_("For example DZ-23 for Annaba or DE-BY for Bavaria."),
    )
    country = models.ForeignKey(
        Country,
        verbose_name=_("country"),
        on_delete=models.PROTECT,
        related_name="regions",
        help_text=_("The country the item belongs to."),
    )
    name = models.CharField(
        _("name"), max_length=120, help_text=_("The official name; ISO's translations are shown where they exist.")
    )
    valid_from = models.DateField(_("valid from"), null=True, blank=True, help_text=_("Leave empty if unknown."))
    valid_until = models.DateField(
        _("valid until"), null=True, blank=True, help_text=_("Leave empty while the region still exists.")
    )

    panels = [
        FieldRowPanel([FieldPanel("code"), FieldPanel("country")]),
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("valid_from"), FieldPanel("valid_until")]),
    ]

    class Meta:
        ordering = ["country__code", "name"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")

    def __str__(self):
        return self.display_name

    @property
    def display_name(self):
        return iso_name("iso3166-2", self.name)

    def clean(self):
        self.code = (self.code or "").upper()
        if self.country_id and not self.code.startswith(f"{self.country.code}-"):
            raise ValidationError({"code": _("The code must start with the country code, for example “DZ-”.")})
        if self.valid_from and self.valid_until and self.valid_until < self.valid_from:
            raise ValidationError({"valid_until": _("The end of validity must not be before its start.")})


class ApplicantType(TranslatableMixin, models.Model):
    """The managed vocabulary of who may apply (Städte, Landkreise, Gemeinden, kommunale Unternehmen)."""

    name = models.CharField(_("name"), max_length=100, help_text=_("The name as it should be shown."))
    code = models.SlugField(
        _("code"),
        max_length=50,
        help_text=_("A short, stable identifier used in web addresses, for example “staedte”."),
    )

    panels = [FieldPanel("name"), FieldPanel("code")]
    # The code is the same in every language, so filters and the API take one value everywhere.
    override_translatable_fields = [SynchronizedField("code")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        verbose_name = _("applicant type")
        verbose_name_plural = _("applicant types")
        constraints = [
            models.UniqueConstraint(fields=["code", "locale"], name="unique_applicant_type_code_per_locale"),
        ]

    def __str__(self):
        return self.name


class Organisation(TranslatableMixin, index.Indexed, models.Model):
    class Kind(models.TextChoices):
        MINISTRY = "ministry", _("Ministry or public authority")
        AGENCY = "agency", _("Implementing agency")
        MUNICIPALITY = "municipality", _("Municipality")
        MUNICIPAL_COMPANY = "municipal_company", _("Municipal company")
        OTHER = "other", _("Other organisation")

    name = models.CharField(_("name"), max_length=255, help_text=_("The official name."))
    short_name = models.CharField(_("short name"), max_length=40, blank=True, help_text=_("For example BMZ or GIZ."))
    kind = models.CharField(
        _("kind"),
        max_length=30,
        choices=Kind.choices,
        default=Kind.OTHER,
        help_text=_("What kind of organisation this is."),
    )
    country = optional_link(
        Country,
        _("country"),
        _("The country the item belongs to."),
    )
    website = models.URLField(
        _("website"), blank=True, help_text=_("The organisation's own website, as a full address.")
    )
    description = models.TextField(_("description"), blank=True, help_text=_("One or two sentences on its role."))

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("short_name"), FieldPanel("kind")]),
        FieldPanel("country"),
        FieldPanel("website"),
        FieldPanel("description"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name"), index.SearchField("short_name")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self):
        return f"{self.name} ({self.short_name})" if self.short_name else self.name


class ContactPoint(TranslatableMixin, models.Model):
    """Where people can ask: a team or a service point, never a made-up person."""

    title = models.CharField(_("title"), max_length=200, help_text=_("For example “Kontakt SKEW”."))
    organisation = optional_link(
        Organisation,
        _("organisation"),
        _("The organisation behind this contact point."),
    )
    email = models.EmailField(
        _("e-mail"),
        blank=True,
        help_text=_("An e-mail address that is read by a team, not a person's private address."),
    )
    phone = models.CharField(
        _("phone"), max_length=40, blank=True, help_text=_("International form, for example +49 228 20 717-1343.")
    )
    url = models.URLField(
        _("web address"), blank=True, help_text=_("A web page with contact details or a contact form.")
    )
    address = models.TextField(
        _("postal address"), blank=True, help_text=_("Street, postal code and town, one per line.")
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("organisation"),
        FieldRowPanel([FieldPanel("email"), FieldPanel("phone")]),
        FieldPanel("url"),
        FieldPanel("address"),
    ]

    base_form_class = TranslatableSnippetForm  # the organisation in the contact point's language

    # A phone number is the same in every language.
    override_translatable_fields = [SynchronizedField("phone")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["title"]
        verbose_name = _("contact point")
        verbose_name_plural = _("contact points")

    def __str__(self):
        return self.title

    def clean(self):
        if not (self.email or self.phone or self.url):
            raise ValidationError(_("Give at least one way to get in touch: e-mail, phone or web address."))

    @property
    def phone_uri(self):
        return "tel:" + "".join(ch for ch in self.phone if ch.isdigit() or ch == "+")

    @classmethod
    def chosen_in(cls, pk, locale):
        """Contact point ``pk`` in ``locale``, else as chosen (the site settings' or a programme's), with
        its organisation: one query."""
        if pk is None:
            return None
        key = cls.objects.filter(pk=pk).values("translation_key")[:1]
        candidates = list(
            cls.objects.select_related("organisation").filter(
                models.Q(pk=pk) | models.Q(translation_key=key, locale=locale)
            )
        )
        return next((c for c in candidates if c.locale_id == locale.pk), None) or next(
            (c for c in candidates if c.pk == pk), None
        )


class Venue(TranslatableMixin, ClusterableModel):
    """A place where events happen, with a postal address."""

    name = models.CharField(_("name"), max_length=200, help_text=_("The name as it should be shown."))
    street_address = models.CharField(
        _("street and number"), max_length=200, blank=True, help_text=_("Street and house number.")
    )
    postal_code = models.CharField(_("postal code"), max_length=20, blank=True, help_text=_("The postal code."))
    locality = models.CharField(_("town or city"), max_length=120, help_text=_("The town or city."))
    region = optional_link(
        Region,
        _("region"),
        _("The region the place lies in."),
    )
    country = models.ForeignKey(
        Country,
        verbose_name=_("country"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("The country the item belongs to."),
    )

    panels = [
        FieldPanel("name"),
        MultiFieldPanel(
            [
                FieldPanel("street_address"),
                FieldRowPanel([FieldPanel("postal_code"), FieldPanel("locality")]),
                FieldRowPanel([FieldPanel("region"), FieldPanel("country")]),
            ],
            heading=_("Address"),
        ),
    ]

    # Postal details are written as the post office expects them, whatever the page's language.
    override_translatable_fields = [SynchronizedField("postal_code")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        verbose_name = _("venue")
        verbose_name_plural = _("venues")

    def __str__(self):
        return f"{self.name}, {self.locality}"

    def clean(self):
        if self.region_id and self.country_id and self.region.country_id != self.country_id:
            raise ValidationError({"region": _("The region must belong to the chosen country.")})
