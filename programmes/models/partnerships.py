from django import forms
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import Locale, TranslatableMixin
from wagtail.search import index
from wagtail.search.queryset import SearchableQuerySetMixin
from wagtail_localize.fields import SynchronizedField

from cms.forms import TranslatableSnippetForm
from cms.json_ld import SCHEMA, to_json_ld
from cms.languages import bcp47
from cms.localization import active_locale, localize_all, public_pages
from cms.public_url import absolute
from cms.request_cache import memo
from cms.sources import SourcesMixin, sources_field
from programmes.mixins import TopicsMixin, topics_field

from .querysets import TranslatableSnippetQuerySet


class PartnershipStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    ACTIVE = "active", _("Active")
    COMPLETED = "completed", _("Completed")


class PartnershipQuerySet(SearchableQuerySetMixin, TranslatableSnippetQuerySet):
    def for_display(self, locale=None):
        return (
            super()
            .for_display(locale)
            .select_related("german_state", "country", "region")
            .prefetch_related("topics")
            .order_by("country__code", "maghreb_partner")
        )


def landing_pages():
    """Locale id → the live, public partnership index of that language, where partnerships have their pages.

    A real translation wins over an alias. One query per request, however many partnerships are linked.
    """
    return memo("partnership_landing_pages", _landing_pages)


def _landing_pages():
    # Named, not imported: the index page module imports this one.
    index_model = apps.get_model("programmes", "PartnershipIndexPage")
    pages = {}
    for page in public_pages(index_model.objects.live()).order_by("path"):
        current = pages.get(page.locale_id)
        if current is None or (current.alias_of_id and not page.alias_of_id):
            pages[page.locale_id] = page
    return pages


def landing_page(locale, *, fallback=True):
    """The partnership index for ``locale``; with ``fallback``, the source language's where ``locale`` has none."""
    pages = landing_pages()
    page = pages.get(locale.pk)
    if page is None and fallback:
        page = pages.get(memo("default_locale", Locale.get_default).pk)
    return page


class Partnership(TranslatableMixin, TopicsMixin, SourcesMixin, index.Indexed, ClusterableModel):
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
    topics = topics_field(_("The topics the partners work on."))
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
    # Redeclared (as the mixin's) to keep its place after the facts in the translation editor.
    sources = sources_field()

    objects = PartnershipQuerySet.as_manager()

    base_form_class = TranslatableSnippetForm  # topics and phase in the partnership's language
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
    # "title" is what the search backends weigh as a title (the partners' names); search_context
    # adds the place names and topic titles in the partnership's own language. Indexing follows
    # saves and deletions through Wagtail's signal handlers (see save() for the topics).
    search_fields = [
        index.SearchField("title", boost=2),
        index.SearchField("focus"),
        index.SearchField("search_context"),
        index.AutocompleteField("german_partner"),
        index.AutocompleteField("maghreb_partner"),
        index.FilterField("id"),
        index.FilterField("locale_id"),
        index.FilterField("translation_key"),
    ]
    override_translatable_fields = [SynchronizedField("topics")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("partnership")
        verbose_name_plural = _("partnerships")

    def __str__(self):
        return self.title

    @property
    def title(self):
        return f"{self.german_partner} – {self.maghreb_partner}"

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        update_fields = kwargs.get("update_fields")
        if update_fields is None or "topics" in update_fields:
            # Wagtail indexes on post_save, which ClusterableModel sends before it writes the topics:
            # index again so that the topics' titles in the index are the ones just saved.
            index.insert_or_update_object(self)

    def search_context(self):
        """Country, region, German Land and topic titles, named in the partnership's language."""
        with translation.override(self.locale.language_code):
            names = [
                self.country.name,
                self.region.display_name if self.region_id else "",
                self.german_state.display_name if self.german_state_id else "",
            ]
        topic_model = self._meta.get_field("topics").related_model
        topics = localize_all(self.topics.all(), self.locale, public_pages(topic_model.objects.live()))
        names += [topic.title for topic in topics if topic.live]
        return " ".join(name for name in names if name)

    # -- Its page under the partnership index (PartnershipIndexPage.partnership_view) --------------

    @property
    def slug(self):
        """The readable part of the address; only the id identifies the partnership."""
        return slugify(f"{self.german_partner} {self.maghreb_partner}", allow_unicode=True)[:80].strip("-")

    def get_url(self, request=None, locale=None, *, full=False, fallback=True):
        """The partnership's page under the index of ``locale`` (default: the visitor's language).

        None when there is no published partnership index for that language (with ``fallback``: nor
        for the source language).
        """
        locale = locale or active_locale()
        page = landing_page(locale, fallback=fallback)
        if page is None:
            return None
        base = memo(
            ("partnership_index_url", page.pk, full),
            lambda: page.get_full_url(request) if full else page.get_url(request),
        )
        if base is None:
            return None
        return base + page.reverse_subpage("partnership", kwargs={"pk": self.pk, "slug": self.slug})

    @property
    def url(self):
        """For templates: the page in the visitor's language."""
        return self.get_url()

    def clean(self):
        errors = {}
        if self.german_state_id and self.german_state.country.code != "DE":
            errors["german_state"] = _("Choose a German Land.")
        if self.region_id and self.country_id and self.region.country_id != self.country_id:
            errors["region"] = _("The region must belong to the chosen country.")
        if errors:
            raise ValidationError(errors)


def partnership_json_ld(partnership, request, topics=()):
    """schema.org for a partnership's page: a WebPage about a Project whose members are the two partners."""
    url = partnership.get_url(request, partnership.locale, full=True, fallback=False)
    with translation.override(partnership.locale.language_code):
        members = [
            {
                "@type": "GovernmentOrganization",
                "name": partnership.german_partner,
                "address": {
                    "@type": "PostalAddress",
                    "addressRegion": partnership.german_state.display_name if partnership.german_state_id else "",
                    "addressCountry": "DE",
                },
            },
            {
                "@type": "GovernmentOrganization",
                "name": partnership.maghreb_partner,
                "address": {
                    "@type": "PostalAddress",
                    "addressRegion": partnership.region.display_name if partnership.region_id else "",
                    "addressCountry": partnership.country.code,
                },
            },
        ]
    data = {
        "@context": SCHEMA,
        "@type": "WebPage",
        "name": partnership.title,
        "description": partnership.focus,
        "url": url or absolute(request.path, request),
        "inLanguage": bcp47(partnership.locale.language_code),
        "about": {
            "@type": "Project",
            "name": partnership.title,
            "description": partnership.focus,
            "foundingDate": str(partnership.since) if partnership.since else None,
            "member": members,
            "keywords": [topic.title for topic in topics],
        },
    }
    return mark_safe(to_json_ld(data))
