"""Factories for the home app and the minimal site every HTTP test runs against."""

from types import SimpleNamespace

import factory
import wagtail_factories
from wagtail.models import Locale, Page, Site

from cms.public_url import site_fields
from home.models import HomePage, StandardPage
from programmes.factories import (
    CallIndexPageFactory,
    EventIndexPageFactory,
    PartnershipIndexPageFactory,
    TopicIndexPageFactory,
)

LANGUAGE_CODES = ("de", "fr", "ar-dz", "en")


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Kommunale Zusammenarbeit"
    slug = "home"
    intro = "Deutsche Kommunen und Städte in Algerien, Marokko und Tunesien arbeiten zusammen."
    parent = factory.LazyFunction(lambda: Page.get_first_root_node())

    class Meta:
        model = HomePage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Seite {n}")
    summary = "Eine Standardseite."
    parent = factory.LazyFunction(lambda: HomePage.objects.filter(locale=Locale.get_default()).order_by("path").first())

    class Meta:
        model = StandardPage


def build_minimal_site():
    """Locales de/fr/ar-dz/en, a German HomePage as the default site's root (Wagtail's welcome
    page removed), and the index pages under it. Returns the pages by name."""
    locales = {code: Locale.objects.get_or_create(language_code=code)[0] for code in LANGUAGE_CODES}
    root = Page.get_first_root_node()
    # Deleting the welcome page also deletes the site pointing at it; both are replaced.
    for page in root.get_children():
        page.delete()
    Site.objects.all().delete()
    home = HomePageFactory(parent=root)
    # At PUBLIC_URL (http://testserver in settings.test), as setup_site would put it.
    site = Site.objects.create(**site_fields(), root_page=home, is_default_site=True, site_name="KZ")
    return SimpleNamespace(
        locales=locales,
        site=site,
        home=home,
        topic_index=TopicIndexPageFactory(parent=home),
        call_index=CallIndexPageFactory(parent=home),
        event_index=EventIndexPageFactory(parent=home),
        partnership_index=PartnershipIndexPageFactory(parent=home),
    )
