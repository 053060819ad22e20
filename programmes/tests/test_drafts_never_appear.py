"""Nothing leaks: drafts, unpublished changes, view-restricted pages and draft translations never
appear in listings, on the home page, in topic or programme pages, or in site search."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from programmes.factories import (
    CallForParticipationPageFactory,
    EventPageFactory,
    ProgrammePageFactory,
    ProgrammePhasePageFactory,
    TopicPageFactory,
    add_draft_changes,
    make_draft,
    translate_page,
)

pytestmark = pytest.mark.django_db

PUBLIC_CALL = "Aufruf Öffentlich"
PUBLIC_EVENT = "Veranstaltung Öffentlich"
# Every hidden title carries the word "Geheimwort" so that search can look for all of them at once.
HIDDEN = [
    "Entwurf Aufruf Geheimwort",
    "Entwurf Veranstaltung Geheimwort",
    "Privater Aufruf Geheimwort",
    "Private Veranstaltung Geheimwort",
    "Unveröffentlichte Änderung Geheimwort",
    "Appel brouillon Geheimwort",
    "Événement brouillon Geheimwort",
]


def restrict(page):
    PageViewRestriction.objects.create(page=page, restriction_type="password", password="geheim")
    return page


@pytest.fixture
def content(site):
    soon = timezone.now() + datetime.timedelta(days=3)
    programme = ProgrammePageFactory(parent=site.home, slug="programm")
    phase = ProgrammePhasePageFactory(parent=programme, start_date=datetime.date(2020, 1, 1), end_date=None)
    topic = TopicPageFactory(title="Abfallmanagement", slug="abfallmanagement")
    programme.topics = [topic]
    programme.save_revision().publish()
    related = {"topics": [topic], "phase": phase}

    public_call = CallForParticipationPageFactory(title=PUBLIC_CALL, **related)
    public_event = EventPageFactory(title=PUBLIC_EVENT, start=soon, end=soon + datetime.timedelta(hours=1), **related)
    make_draft(CallForParticipationPageFactory, title="Entwurf Aufruf Geheimwort", **related)
    make_draft(EventPageFactory, title="Entwurf Veranstaltung Geheimwort", **related)
    restrict(CallForParticipationPageFactory(title="Privater Aufruf Geheimwort", **related))
    restrict(EventPageFactory(title="Private Veranstaltung Geheimwort", **related))
    add_draft_changes(public_call, title="Unveröffentlichte Änderung Geheimwort")

    # French: the site structure is published; the call and event translations exist only as drafts.
    for page, title in [
        (site.home, "Accueil"),
        (site.call_index, "Appels"),
        (site.event_index, "Événements"),
        (site.topic_index, "Thèmes"),
        (topic, "Gestion des déchets"),
    ]:
        translate_page(page, "fr", title=title)
    translate_page(public_call, "fr", publish=False, title="Appel brouillon Geheimwort")
    translate_page(public_event, "fr", publish=False, title="Événement brouillon Geheimwort")
    return {"programme": programme, "topic": topic}


def assert_no_leak(response, *listed):
    assert response.status_code == 200
    body = response.content.decode()
    for title in HIDDEN:
        assert title not in body, f"{title!r} leaked into {response.request['PATH_INFO']}"
    return {getattr(item, "title", str(item)) for name in listed for item in response.context[name]}


@pytest.mark.parametrize("language", ["de", "fr"])
class TestListingsAndPages:
    def test_call_listing(self, client, content, language):
        for status in ("", "open"):
            response = client.get(f"/{language}/aufrufe/", {"status": status} if status else {})
            assert assert_no_leak(response, "items") == {PUBLIC_CALL}

    def test_event_listing(self, client, content, language):
        assert assert_no_leak(client.get(f"/{language}/veranstaltungen/"), "items") == {PUBLIC_EVENT}

    def test_home_page(self, client, content, language):
        response = client.get(f"/{language}/")
        assert assert_no_leak(response, "open_calls") == {PUBLIC_CALL}
        assert assert_no_leak(response, "upcoming_events") == {PUBLIC_EVENT}

    def test_topic_page_related_lists(self, client, content, language):
        response = client.get(f"/{language}/themen/abfallmanagement/")
        assert assert_no_leak(response, "calls") == {PUBLIC_CALL}
        assert assert_no_leak(response, "events") == {PUBLIC_EVENT}


class TestProgrammePage:
    def test_programme_lists(self, client, content):
        response = client.get("/de/programm/")
        assert assert_no_leak(response, "current_calls") == {PUBLIC_CALL}
        assert assert_no_leak(response, "upcoming_events") == {PUBLIC_EVENT}

    def test_draft_phase_not_listed(self, client, content):
        ProgrammePhasePageFactory(parent=content["programme"], title="Entwurf Phase", live=False)
        response = client.get("/de/programm/")
        assert "Entwurf Phase" not in {phase.title for phase in response.context["phases"]}
        assert "Entwurf Phase" not in response.content.decode()


class TestSearch:
    @pytest.mark.parametrize("language", ["de", "fr"])
    def test_hidden_pages_never_found(self, client, content, language):
        response = client.get(f"/{language}/search/", {"q": "Geheimwort"})
        assert response.status_code == 200
        assert list(response.context["page_obj"].object_list) == []
        for title in HIDDEN:
            assert title not in response.content.decode()

    def test_public_pages_are_found(self, client, content):
        # The same search machinery does find published pages: the test above can fail.
        response = client.get("/de/search/", {"q": "Öffentlich"})
        found = {page.title for page in response.context["page_obj"].object_list}
        assert found == {PUBLIC_CALL, PUBLIC_EVENT}

    def test_draft_translation_not_found_in_its_language(self, client, content):
        response = client.get("/fr/search/", {"q": "brouillon"})
        assert list(response.context["page_obj"].object_list) == []
        response = client.get("/fr/search/", {"q": "déchets"})
        assert [page.title for page in response.context["page_obj"].object_list] == ["Gestion des déchets"]
