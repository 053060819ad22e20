"""A small site in several languages for the API, feed, calendar, sitemap and widget tests."""

import datetime
from types import SimpleNamespace

import pytest
from django.utils import timezone

from home.factories import build_minimal_site
from programmes.factories import (
    ApplicantTypeFactory,
    CallForParticipationPageFactory,
    CountryFactory,
    EventPageFactory,
    OrganisationFactory,
    PartnershipFactory,
    ProgrammePageFactory,
    ProgrammePhasePageFactory,
    RegionFactory,
    TopicPageFactory,
    VenueFactory,
    make_draft,
    translate_page,
)
from tests.multilingual import alias_missing_pages


@pytest.fixture
def world(db):
    site = build_minimal_site()
    dz = CountryFactory(code="DZ")
    tn = CountryFactory(code="TN")
    staedte = ApplicantTypeFactory(name="Städte", code="staedte")
    kreise = ApplicantTypeFactory(name="Landkreise", code="landkreise")
    programme = ProgrammePageFactory(slug="programm")
    phase = ProgrammePhasePageFactory(title="Phase 2", slug="phase-2", parent=programme)
    waste = TopicPageFactory(title="Abfallwirtschaft", slug="abfallwirtschaft", summary="Abfall.")
    water = TopicPageFactory(title="Wasser", slug="wasser", summary="Wasser.")
    organiser = OrganisationFactory(name="Engagement Global", short_name="EG")
    venue = VenueFactory(name="Rathaus Bonn", street_address="Markt 2", postal_code="53111", locality="Bonn")
    now = timezone.now()
    call = CallForParticipationPageFactory(
        title="Aufruf Abfall",
        slug="aufruf-abfall",
        topics=[waste],
        countries=[dz],
        eligible_types=[staedte],
        phase=phase,
        offer=f'<p>Beratung, siehe <a linktype="page" id="{waste.pk}">Thema</a>.</p>',
        body=[("rich_text", f'<p>Mehr zum <a linktype="page" id="{waste.pk}">Thema</a>.</p>')],
    )
    closed_call = CallForParticipationPageFactory(
        title="Aufruf Wasser (abgelaufen)",
        slug="aufruf-wasser",
        topics=[water],
        countries=[tn],
        eligible_types=[kreise],
        opening=now - datetime.timedelta(days=60),
        deadline=now - datetime.timedelta(days=5),
    )
    upcoming_call = CallForParticipationPageFactory(
        title="Aufruf kommt",
        slug="aufruf-kommt",
        opening=now + datetime.timedelta(days=5),
        deadline=now + datetime.timedelta(days=50),
    )
    event = EventPageFactory(
        title="Fachaustausch Abfall",
        slug="fachaustausch-abfall",
        event_format="hybrid",
        venue=venue,
        organiser=organiser,
        time_zone="Africa/Algiers",
        online_url="https://video.example.org/secret-room",
        online_url_is_public=False,
        topics=[waste],
        countries=[dz],
        related_call=call,
        phase=phase,
    )
    online_event = EventPageFactory(
        title="Webinar Wasser",
        slug="webinar-wasser",
        online_url="https://video.example.org/public-room",
        online_url_is_public=True,
        online_platform="BigBlueButton",
        topics=[water],
    )
    past_event = EventPageFactory(
        title="Rückblick",
        slug="rueckblick",
        start=now - datetime.timedelta(days=30),
        end=now - datetime.timedelta(days=30) + datetime.timedelta(hours=2),
    )
    fr_home = translate_page(site.home, "fr", title="Coopération municipale", intro="Communes.")
    translate_page(site.call_index, "fr", title="Appels", slug="appels")
    translate_page(site.topic_index, "fr", title="Thèmes", slug="themes")
    fr_waste = translate_page(waste, "fr", title="Gestion des déchets", slug="gestion-des-dechets", summary="Déchets.")
    fr_call = translate_page(call, "fr", title="Appel déchets", slug="appel-dechets", summary="Appel.")
    translate_page(site.home, "ar-dz", title="التعاون البلدي", intro="بلديات.")
    translate_page(site.event_index, "ar-dz", title="فعاليات", slug="fealiyat")
    ar_event = translate_page(event, "ar-dz", title="تبادل حول النفايات", slug="tabadul", summary="ملخص.")
    # A French translation that exists only as a draft (never published).
    draft_translation = translate_page(online_event, "fr", publish=False, title="Brouillon webinaire", slug="brouillon")
    alias_missing_pages()
    draft = make_draft(CallForParticipationPageFactory, title="Entwurf geheim", slug="entwurf-geheim")
    private_call = CallForParticipationPageFactory(title="Privat geheim", slug="privat-geheim")
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(page=private_call, restriction_type="password", password="x")
    annaba = RegionFactory(code="DZ-23", name="Annaba")
    partnership = PartnershipFactory(
        german_partner="Stadt Bonn", maghreb_partner="Annaba", country=dz, region=annaba, topics=[waste], phase=phase
    )
    return SimpleNamespace(**locals())


@pytest.fixture
def image(db, settings, tmp_path):
    import wagtail_factories

    settings.MEDIA_ROOT = str(tmp_path)
    return wagtail_factories.ImageFactory(title="Rathaus", description="Das Rathaus von Annaba")


@pytest.fixture
def document(db, settings, tmp_path):
    import wagtail_factories

    settings.MEDIA_ROOT = str(tmp_path)
    return wagtail_factories.DocumentFactory(title="Merkblatt")
