"""Factories for the programmes app (factory_boy + wagtail-factories).

Page factories default their parent to the matching index page of the default locale, so that
``CallForParticipationPageFactory()`` works once the minimal site exists (see ``home.factories``).
Datetimes are aware; events last one hour in Europe/Berlin unless told otherwise.
"""

import datetime
import zoneinfo

import factory
import wagtail_factories
from django.utils import timezone
from factory.django import DjangoModelFactory
from wagtail.models import Locale

from cms.platform import registry
from programmes.models import (
    ApplicantType,
    CallForParticipationPage,
    CallIndexPage,
    ContactPoint,
    Country,
    EventFormat,
    EventIndexPage,
    EventPage,
    Organisation,
    Partnership,
    PartnershipIndexPage,
    PartnershipStatus,
    ProgrammePage,
    ProgrammePhasePage,
    Region,
    TopicIndexPage,
    TopicPage,
    Venue,
)

BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")


def default_locale():
    return Locale.get_default()


def next_week_at_ten():
    """A fixed wall-clock time (10:00 Berlin) a week ahead: always upcoming, never ambiguous."""
    day = timezone.localdate(timezone.now(), BERLIN) + datetime.timedelta(days=7)
    return datetime.datetime.combine(day, datetime.time(10, 0), tzinfo=BERLIN)


def first_page_of(model):
    """The default-locale page of ``model`` to use as a parent (the index pages exist once per site)."""

    def get():
        return model.objects.filter(locale=Locale.get_default()).order_by("path").first()

    return factory.LazyFunction(get)


# --- Reference data ------------------------------------------------------------------


class CountryFactory(DjangoModelFactory):
    code = "DZ"

    class Meta:
        model = Country
        django_get_or_create = ("code",)


class RegionFactory(DjangoModelFactory):
    code = "DZ-23"
    name = "Annaba"
    country = factory.SubFactory(
        CountryFactory, code=factory.LazyAttribute(lambda o: o.factory_parent.code.split("-")[0])
    )

    class Meta:
        model = Region
        django_get_or_create = ("code",)


class ApplicantTypeFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Antragstellende {n}")
    code = factory.Sequence(lambda n: f"typ-{n}")
    locale = factory.LazyFunction(default_locale)

    class Meta:
        model = ApplicantType
        django_get_or_create = ("code", "locale")


class OrganisationFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Organisation {n}")
    short_name = ""
    kind = Organisation.Kind.OTHER
    locale = factory.LazyFunction(default_locale)

    class Meta:
        model = Organisation


class ContactPointFactory(DjangoModelFactory):
    title = factory.Sequence(lambda n: f"Kontakt {n}")
    email = factory.Sequence(lambda n: f"kontakt{n}@example.org")
    locale = factory.LazyFunction(default_locale)

    class Meta:
        model = ContactPoint


class VenueFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Rathaus {n}")
    locality = "Bonn"
    country = factory.SubFactory(CountryFactory, code="DE")
    locale = factory.LazyFunction(default_locale)

    class Meta:
        model = Venue


class PartnershipFactory(DjangoModelFactory):
    german_partner = factory.Sequence(lambda n: f"Stadt {n}")
    maghreb_partner = factory.Sequence(lambda n: f"Ville {n}")
    country = factory.SubFactory(CountryFactory, code="TN")
    status = PartnershipStatus.ACTIVE
    locale = factory.LazyFunction(default_locale)

    class Meta:
        model = Partnership


# --- Pages ---------------------------------------------------------------------------


def index_page_factory(model, title, slug):
    """A factory for one of the listing pages that sit once below the home page."""
    return factory.make_factory(
        model,
        FACTORY_CLASS=wagtail_factories.PageFactory,
        title=title,
        slug=slug,
        parent=factory.LazyFunction(lambda: _home_page()),
    )


class ProgrammePageFactory(wagtail_factories.PageFactory):
    title = "Kommunale Zusammenarbeit Maghreb-Deutschland"
    summary = "Deutsche Kommunen und Städte im Maghreb arbeiten in Projektpartnerschaften zusammen."
    parent = factory.LazyFunction(lambda: _home_page())

    class Meta:
        model = ProgrammePage


class ProgrammePhasePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Phase {n}")
    summary = "Eine Phase des Programms."
    start_date = datetime.date(2020, 1, 1)
    end_date = datetime.date(2024, 12, 31)
    parent = first_page_of(ProgrammePage)

    class Meta:
        model = ProgrammePhasePage


TopicIndexPageFactory = index_page_factory(TopicIndexPage, "Themen", "themen")


class TopicPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Thema {n}")
    summary = "Worum es bei diesem Thema geht."
    parent = first_page_of(TopicIndexPage)

    class Meta:
        model = TopicPage


CallIndexPageFactory = index_page_factory(CallIndexPage, "Aufrufe", "aufrufe")


class CallForParticipationPageFactory(wagtail_factories.PageFactory):
    """An open call by default: opened a week ago, closes in 30 days."""

    title = factory.Sequence(lambda n: f"Aufruf {n}")
    summary = "Kommunen für Projektpartnerschaften gesucht."
    time_zone = "Europe/Berlin"
    opening = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=7))
    deadline = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=30))
    parent = first_page_of(CallIndexPage)

    class Meta:
        model = CallForParticipationPage


EventIndexPageFactory = index_page_factory(EventIndexPage, "Veranstaltungen", "veranstaltungen")


class EventPageFactory(wagtail_factories.PageFactory):
    """An online event next week, 10:00–11:00 in Berlin."""

    title = factory.Sequence(lambda n: f"Veranstaltung {n}")
    summary = "Eine Informationsveranstaltung."
    time_zone = "Europe/Berlin"
    start = factory.LazyFunction(next_week_at_ten)
    end = factory.LazyAttribute(lambda o: o.start + datetime.timedelta(hours=1))
    event_format = EventFormat.ONLINE
    online_details = "Der Zugangslink wird nach der Anmeldung verschickt."
    parent = first_page_of(EventIndexPage)

    class Meta:
        model = EventPage


PartnershipIndexPageFactory = index_page_factory(PartnershipIndexPage, "Partnerschaften", "partnerschaften")


def _home_page():
    """The default language's site root (the home page, found through the registry: programmes imports no home)."""
    return registry.site_root().objects.filter(locale=Locale.get_default()).order_by("path").first()


# --- Translations and drafts -----------------------------------------------------------


def translate_page(page, language_code, *, publish=True, **changes):
    """A translation of ``page`` (parents are copied as needed), with ``changes`` applied.

    Published unless ``publish=False``: then it exists only as a draft, as after "Translate" in the admin.
    """
    locale = Locale.objects.get(language_code=language_code)
    translation = page.copy_for_translation(locale, copy_parents=True).specific
    for name, value in changes.items():
        setattr(translation, name, value)
    translation.save()
    revision = translation.save_revision()
    if publish:
        revision.publish()
        translation.refresh_from_db()
    return translation


def publish_ancestors_in(page):
    """Publish the (draft) ancestors that ``copy_for_translation(copy_parents=True)`` created."""
    for ancestor in page.get_ancestors().filter(depth__gt=1).specific():
        if not ancestor.live:
            ancestor.save_revision().publish()


def make_draft(page_factory, **kwargs):
    """A page that was saved but never published."""
    page = page_factory(live=False, **kwargs)
    page.save_revision()
    return page


def add_draft_changes(page, **changes):
    """A newer, unpublished revision of a live page: the live version must stay what visitors see."""
    page = page.specific
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision()
    page.refresh_from_db()
    return page
