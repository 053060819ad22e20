"""A small site in several languages for the API, feed, calendar, sitemap and widget tests."""

import datetime
from types import SimpleNamespace

import pytest
from django.utils import timezone

from cms.renditions import make_renditions
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
from tests.per_module import check_not_transactional, fresh, per_module_atomic


@pytest.fixture(scope="module")
def api_content_per_module(django_db_setup, django_db_blocker):
    """The API test content, built once per test module (see tests/per_module.py)."""
    with per_module_atomic(django_db_blocker):
        yield build_api_content()


@pytest.fixture
def api_content(api_content_per_module, db, request):
    """The API test content as freshly built: a test's writes are rolled back before the next test."""
    check_not_transactional(request)
    return fresh(api_content_per_module)


def build_api_content():
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
    image = wagtail_factories.ImageFactory(title="Rathaus", description="Das Rathaus von Annaba")
    make_renditions.call(image.pk)  # what the worker does after an upload (cms/renditions.py)
    return image


@pytest.fixture
def document(db, settings, tmp_path):
    import wagtail_factories

    settings.MEDIA_ROOT = str(tmp_path)
    return wagtail_factories.DocumentFactory(title="Merkblatt")


def rich_body(index, content):
    """A StreamField body (database JSON) with every block that needs the database: rich text with
    page and document links (one to a draft), an image, a page link, a document list, FAQ, a contact."""
    import json
    import uuid

    def block(kind, value):
        # Stable ids, so that answers can be compared between runs.
        return {"type": kind, "value": value, "id": str(uuid.uuid5(uuid.NAMESPACE_URL, f"{index}/{kind}"))}

    text = rich_text(index, content)
    target = content.targets[index % len(content.targets)]
    return json.dumps(
        [
            block("rich_text", text),
            block("image", {"image": content.images[index % len(content.images)].pk, "alt_text": "Ein Bild"}),
            block(
                "call_to_action",
                {"title": "Mehr", "text": "", "link_label": "Weiter", "link": {"page": target.pk, "url": ""}},
            ),
            block(
                "documents",
                {"title": "", "documents": [block("item", {"document": content.documents[index % 3].pk, "title": ""})]},
            ),
            block("faq", {"title": "", "items": [block("item", {"question": "Wie?", "answer": text})]}),
            block("contact", {"contact": content.contacts[index % len(content.contacts)].pk}),
        ]
    )


def rich_text(index, content):
    target = content.targets[index % len(content.targets)]
    document = content.documents[index % len(content.documents)]
    return (
        f'<p>Siehe <a linktype="page" id="{target.pk}">Ziel</a>, <a linktype="page" id="{content.draft.pk}">'
        f'Entwurf</a>, <a linktype="document" id="{document.pk}">Merkblatt</a> und '
        '<a href="https://example.org/">extern</a>.</p>'
    )


def build_rich_content(german, french, settings, tmp_path):
    """``german`` + ``french`` pages of each of ProgrammePage, ProgrammePhasePage, HomePage, StandardPage
    and TopicPage whose rich text and StreamFields link pages (translated ones, a draft), documents,
    images and contact points. French pages come after the German ones in tree order."""
    import wagtail_factories
    from wagtail.models import Locale, Page

    from home.factories import HomePageFactory, StandardPageFactory
    from programmes.factories import ContactPointFactory
    from programmes.models import ProgrammeOrganisation

    settings.MEDIA_ROOT = str(tmp_path)
    site = build_minimal_site()
    fr = Locale.objects.get(language_code="fr")
    dz = CountryFactory(code="DZ")
    topic = TopicPageFactory(title="Abfallwirtschaft", slug="abfallwirtschaft")
    programme = ProgrammePageFactory(slug="programm")
    content = SimpleNamespace(site=site, programme=programme, topic=topic)
    content.targets = [StandardPageFactory(title=f"Ziel {n}", slug=f"ziel-{n}") for n in range(3)]
    content.draft = make_draft(StandardPageFactory, title="Entwurf geheim", slug="entwurf-geheim")
    content.images = [wagtail_factories.ImageFactory(title=f"Bild {n}", description=f"Bild {n}") for n in range(4)]
    for image in content.images:
        make_renditions.call(image.pk)  # what the worker does after an upload (cms/renditions.py)
    content.documents = [wagtail_factories.DocumentFactory(title=f"Merkblatt {n}") for n in range(3)]
    content.contacts = [ContactPointFactory() for _n in range(2)]
    content.fr_home = translate_page(site.home, "fr", title="Accueil", slug="accueil")
    content.fr_topic_index = translate_page(site.topic_index, "fr", title="Thématiques", slug="thematiques")
    content.fr_topic = translate_page(topic, "fr", title="Gestion des déchets", slug="gestion-des-dechets")
    content.fr_programme = translate_page(programme, "fr", title="Programme", slug="programme")
    content.fr_targets = [
        translate_page(t, "fr", title=f"Cible {n}", slug=f"cible-{n}") for n, t in enumerate(content.targets)
    ]
    content.fr_contacts = []
    for contact in content.contacts:
        copy = contact.copy_for_translation(fr)
        copy.title = f"Contact {contact.pk}"
        copy.save()
        content.fr_contacts.append(copy)
    organisations = [OrganisationFactory() for _n in range(2)]
    french_organisation = organisations[0].copy_for_translation(fr)
    french_organisation.name = "Organisation en français"
    french_organisation.save()

    def parents(de_parent, fr_parent):
        return [de_parent] * german + [fr_parent] * french

    made = {"programme": [], "phase": [], "home": [], "standard": [], "topic": []}
    for n, parent in enumerate(parents(site.home, content.fr_home)):
        page = ProgrammePageFactory(
            parent=parent,
            title=f"Programm {n}",
            slug=f"programm-{n}",
            body=rich_body(n, content),
            contact_point=content.contacts[n % 2],
            topics=[topic],
            countries=[dz],
        )
        for role, organisation in zip(("commissioned_by", "implemented_by"), organisations, strict=True):
            ProgrammeOrganisation.objects.create(page=page, organisation=organisation, role=role)
        made["programme"].append(page)
    for n, parent in enumerate(parents(programme, content.fr_programme)):
        made["phase"].append(
            ProgrammePhasePageFactory(
                parent=parent, slug=f"phase-{n}", body=rich_body(n, content), focus_countries=[dz]
            )
        )
    root = Page.get_first_root_node()
    for n in range(german + french):
        made["home"].append(
            HomePageFactory(
                parent=root,
                slug=f"start-{n}",
                locale=fr if n >= german else site.home.locale,
                body=rich_body(n, content),
                featured_programme=programme,
            )
        )
    for n, parent in enumerate(parents(site.home, content.fr_home)):
        made["standard"].append(StandardPageFactory(parent=parent, slug=f"seite-{n}", body=rich_body(n, content)))
    for n, parent in enumerate(parents(site.topic_index, content.fr_topic_index)):
        made["topic"].append(
            TopicPageFactory(parent=parent, slug=f"thema-{n}", body=rich_body(n, content), image=content.images[n % 4])
        )
    content.made = made
    return content


@pytest.fixture(scope="session")
def api_demo_snapshot(django_db_setup, django_db_blocker):
    """The demo content, loaded once per session into the test database and copied aside (see
    tests/snapshot.py); the database is flushed again, as transactional tests leave it."""
    from django.db import connection

    from tests.snapshot import demo_content_snapshot

    with django_db_blocker.unblock():
        snapshot = demo_content_snapshot(connection)
    yield snapshot
    with django_db_blocker.unblock():
        snapshot.close()


@pytest.fixture
def demo(api_demo_snapshot, transactional_db):
    """The demo content as freshly loaded, for one test (restored in milliseconds)."""
    api_demo_snapshot.restore()
