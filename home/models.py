from django.db import models
from django.db.models import Count
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from cms import content_cache
from cms.blocks import BODY_HELP_TEXT, BodyBlock
from cms.fields import optional_link
from cms.forms import PlatformPageForm
from cms.localization import localize_all, public_pages
from cms.pages import ContentPage, PlatformPage
from cms.platform import registry
from cms.routing import SiteRootRoutingMixin
from programmes.models import CallForParticipationPage, EventPage, Partnership, ProgrammePage


class HomePage(SiteRootRoutingMixin, PlatformPage):
    intro = models.TextField(_("introduction"), help_text=_("The first paragraph visitors read."))
    featured_programme = models.ForeignKey(
        "programmes.ProgrammePage",
        verbose_name=_("featured programme"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The programme presented on the home page."),
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True, help_text=BODY_HELP_TEXT)
    footer_note = models.TextField(
        _("footer note"),
        blank=True,
        help_text=_(
            "One sentence shown at the bottom of every page, for example who funds and carries out the programme."
        ),
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        PageChooserPanel("featured_programme", "programmes.ProgrammePage"),
        FieldPanel("body"),
        FieldPanel("footer_note"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    base_form_class = PlatformPageForm
    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    @classmethod
    def clean_subpage_models(cls):
        """Every registered page type that names the home page as its parent (cms/platform.py), so an
        app's sections go below it without an edit here. Read on every call, not cached as Wagtail
        does: registry.override() in tests changes the page types."""
        return [
            page_type.model
            for page_type in registry.page_types()
            if page_type.model is not cls and cls in page_type.model.clean_parent_page_models()
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(
            # Read from the content cache: the template shows it in its cached part.
            featured_programme=content_cache.cached(
                "featured-programme", (self.pk,), self.localized_featured_programme, request=request
            ),
            upcoming_events=EventPage.objects.for_listing().upcoming().with_listing_relations()[:3],
            open_calls=CallForParticipationPage.objects.for_listing()
            .open()
            .order_by("deadline")
            .with_listing_relations()[:3],
            # Lazy, as the listings: the template's cached part may not need it (published_fragment).
            network=SimpleLazyObject(lambda: partnership_figures(Partnership.objects.for_display())),
        )
        return context

    def localized_featured_programme(self):
        """The featured programme in the visitor's language where translated, if live and public; else None."""
        if not self.featured_programme_id:
            return None
        programme = next(
            iter(localize_all([self.featured_programme], queryset=public_pages(ProgrammePage.objects.live()))), None
        )
        return programme if programme is not None and programme.live else None


def partnership_figures(partnerships):
    """The partnerships network in numbers, counted in one query."""
    figures = partnerships.order_by().aggregate(
        partnerships=Count("pk", distinct=True),
        german_partners=Count("german_partner", distinct=True),
        maghreb_partners=Count("maghreb_partner", distinct=True),
        countries=Count("country", distinct=True),
    )
    return figures


class StandardPage(ContentPage):
    """Kontakt, Impressum, Datenschutzerklärung, Erklärung zur Barrierefreiheit, Leichte Sprache …"""

    summary = models.TextField(_("summary"), blank=True, help_text=_("Shown in search results and previews."))
    # Redeclared after the summary: translators see the fields in the order they are declared.
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True, help_text=BODY_HELP_TEXT)
    easy_language = models.BooleanField(
        _("written in easy language"),
        default=False,
        help_text=_("Tick for pages in Leichte Sprache (easy-to-read German); they are marked as such."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("easy_language"),
    ]
    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """What every page shows in its footer. The chosen pages are shown in the visitor's language."""

    contact_point = optional_link(
        "programmes.ContactPoint", _("contact point"), _("The contact shown in the footer of every page.")
    )
    contact_page = optional_link(Page, _("contact"), _("The contact page linked in the footer."))
    imprint_page = optional_link(Page, _("imprint"), _("The Impressum linked in the footer."))
    privacy_page = optional_link(Page, _("privacy policy"), _("The Datenschutzerklärung linked in the footer."))
    accessibility_page = optional_link(
        Page, _("accessibility statement"), _("The Erklärung zur Barrierefreiheit linked in the footer.")
    )
    easy_language_page = optional_link(Page, _("easy language"), _("The page in Leichte Sprache linked in the footer."))

    panels = [
        FieldPanel("contact_point"),
        MultiFieldPanel(
            [
                PageChooserPanel("contact_page"),
                PageChooserPanel("imprint_page"),
                PageChooserPanel("privacy_page"),
                PageChooserPanel("accessibility_page"),
                PageChooserPanel("easy_language_page"),
            ],
            heading=_("Pages linked in the footer"),
        ),
    ]

    class Meta:
        verbose_name = _("site settings")

    FOOTER_PAGE_FIELDS = ("contact_page", "imprint_page", "privacy_page", "accessibility_page", "easy_language_page")
