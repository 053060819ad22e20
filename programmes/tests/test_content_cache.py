"""Call and event pages keep what they show of published content in the content cache
(cms/content_cache.py) even with the page cache off: warm requests do not query for it, and each kind
of change it shows is on the next request (a publish, a snippet, a translation, the time)."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from freezegun import freeze_time

from participation.models import Registration
from participation.tests.conftest import registration_data
from programmes.factories import (
    ApplicantTypeFactory,
    CallForParticipationPageFactory,
    ContactPointFactory,
    CountryFactory,
    EventPageFactory,
    PartnershipFactory,
    RegionFactory,
    TopicPageFactory,
    VenueFactory,
    publish_ancestors_in,
    translate_page,
)

pytestmark = pytest.mark.django_db


def html(url, client=None):
    response = (client or Client()).get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def queries(url):
    with CaptureQueriesContext(connection) as context:
        Client().get(url)
    return " ".join(query["sql"] for query in context.captured_queries)


def test_a_warm_call_page_does_not_query_for_its_related_content(site):
    call = CallForParticipationPageFactory(
        topics=[TopicPageFactory(title="Wasser")],
        eligible_types=[ApplicantTypeFactory(name="Landkreise")],
        contact_point=ContactPointFactory(title="Kontakt SKEW"),
    )
    EventPageFactory(title="Infoabend", related_call=call)
    page = html(call.url)
    assert all(text in page for text in ("Wasser", "Landkreise", "Kontakt SKEW", "Infoabend"))
    sql = queries(call.url)
    for table in (
        "programmes_applicanttype",
        "programmes_contactpoint",
        "programmes_eventpage",
        "programmes_topicpage",
    ):
        assert table not in sql, table


def test_publishing_the_page_or_a_related_page_shows_at_once(site):
    topic = TopicPageFactory(title="Wasser")
    call = CallForParticipationPageFactory(title="Aufruf Nord", topics=[topic])
    event = EventPageFactory(title="Infoabend", related_call=call, topics=[topic])
    assert "Wasser" in html(call.url) and "Wasser" in html(event.url)
    topic.title = "Trinkwasser"
    topic.save_revision().publish()
    assert "Trinkwasser" in html(call.url) and "Trinkwasser" in html(event.url)
    call.title = "Aufruf Süd"
    call.save_revision().publish()
    assert "Aufruf Süd" in html(call.url) and "Aufruf Süd" in html(event.url)
    event.unpublish()
    assert "Infoabend" not in html(call.url)


def test_changing_a_snippet_shows_at_once(site):
    contact = ContactPointFactory(title="Kontakt SKEW")
    venue = VenueFactory(name="Altes Rathaus")
    applicants = ApplicantTypeFactory(name="Landkreise")
    call = CallForParticipationPageFactory(contact_point=contact, eligible_types=[applicants])
    event = EventPageFactory(event_format="on_site", venue=venue)
    assert "Kontakt SKEW" in html(call.url) and "Landkreise" in html(call.url)
    assert "Altes Rathaus" in html(event.url)
    contact.title = "Servicestelle"
    contact.save()
    applicants.name = "Kreise"
    applicants.save()
    venue.name = "Neues Rathaus"
    venue.save()
    assert "Servicestelle" in html(call.url) and "Kreise" in html(call.url)
    assert "Neues Rathaus" in html(event.url)


def test_a_published_translation_of_a_related_page_shows_at_once(site):
    topic = TopicPageFactory(title="Wasser")
    call = CallForParticipationPageFactory(topics=[topic])
    french_call = translate_page(call, "fr", title="Appel")
    publish_ancestors_in(french_call)
    assert "Wasser" in html(french_call.url)
    publish_ancestors_in(translate_page(topic, "fr", title="Eau potable"))
    assert "Eau potable" in html(french_call.url)


def test_the_status_changes_the_minute_the_deadline_passes(site):
    start = timezone.now().replace(microsecond=0)
    with freeze_time(start) as clock:
        call = CallForParticipationPageFactory(deadline=start + timedelta(minutes=10))
        event = EventPageFactory(start=start + timedelta(minutes=10), end=start + timedelta(hours=2))
        assert "status--open" in html(call.url) and "status--upcoming" in html(event.url)
        clock.tick(timedelta(minutes=9, seconds=59))
        assert "status--open" in html(call.url) and "status--upcoming" in html(event.url)
        clock.tick(timedelta(seconds=1))
        assert "status--closed" in html(call.url) and "status--ongoing" in html(event.url)


def test_the_forms_stay_per_visitor(site):
    call = CallForParticipationPageFactory(deadline=timezone.now() + timedelta(days=5))
    event = EventPageFactory(start=timezone.now() + timedelta(days=5), end=timezone.now() + timedelta(days=5, hours=2))
    for url in (call.url, event.url):
        html(url)  # fills the content cache
        first, second = Client(), Client()
        tokens = [
            html(url, client).split('name="submission_token" value="')[1].split('"')[0] for client in (first, second)
        ]
        assert tokens[0] != tokens[1]
        assert 'name="csrfmiddlewaretoken"' in html(url)


def test_free_places_follow_each_registration(site):
    event = EventPageFactory(
        capacity=3, start=timezone.now() + timedelta(days=5), end=timezone.now() + timedelta(days=5, hours=2)
    )
    assert "3 Plätze frei." in html(event.url)
    client = Client()
    html(event.url, client)  # the CSRF cookie
    client.post(reverse("participation:register", args=[event.pk]), registration_data(), follow=True)
    assert Registration.objects.filter(event=event).count() == 1
    assert "2 Plätze frei." in html(event.url)


def test_a_preview_shows_the_draft_and_is_never_cached(site):
    call = CallForParticipationPageFactory(title="Aufruf", summary="Veröffentlichte Zusammenfassung.")
    assert "Veröffentlichte Zusammenfassung." in html(call.url)
    call.summary = "Entwurf der Zusammenfassung."
    draft = call.save_revision().as_object()
    preview = draft.make_preview_request()
    preview.render()
    assert "Entwurf der Zusammenfassung." in preview.content.decode()
    assert "Entwurf der Zusammenfassung." not in html(call.url)
    # The published page's HTML is in the cache now: a preview still does not read it.
    assert "Entwurf der Zusammenfassung." in draft.make_preview_request().render().content.decode()


# --- Listings -----------------------------------------------------------------------------------------


def test_a_warm_listing_does_not_query_for_its_items(site):
    CallForParticipationPageFactory(title="Aufruf Nord", topics=[TopicPageFactory(title="Wasser")])
    EventPageFactory(title="Infoabend")
    for url in ("/de/aufrufe/", "/de/veranstaltungen/"):
        html(url)
        sql = queries(url)
        for table in ("programmes_callforparticipationpage", "programmes_eventpage", "programmes_topicpage"):
            assert table not in sql, (url, table)


def test_publishing_and_unpublishing_show_in_the_listings_at_once(site):
    call = CallForParticipationPageFactory(title="Aufruf Nord")
    event = EventPageFactory(title="Infoabend")
    assert "Aufruf Nord" in html("/de/aufrufe/") and "Infoabend" in html("/de/veranstaltungen/")
    second = CallForParticipationPageFactory(title="Aufruf Süd")
    assert "Aufruf Süd" in html("/de/aufrufe/")
    second.unpublish()
    call.title = "Aufruf Ost"
    call.save_revision().publish()
    page = html("/de/aufrufe/")
    assert "Aufruf Ost" in page and "Aufruf Süd" not in page
    event.unpublish()
    assert "Infoabend" not in html("/de/veranstaltungen/")


def test_each_address_of_a_listing_has_its_own_items_and_status(site):
    now = timezone.now()
    CallForParticipationPageFactory(title="Offener Aufruf", deadline=now + timedelta(days=3))
    CallForParticipationPageFactory(
        title="Beendeter Aufruf", opening=now - timedelta(days=9), deadline=now - timedelta(days=1)
    )
    for _ in range(2):  # the second time from the content cache
        every = html("/de/aufrufe/")
        assert "Offener Aufruf" in every and "Beendeter Aufruf" in every
        closed = html("/de/aufrufe/?status=closed")
        assert "Beendeter Aufruf" in closed and "Offener Aufruf" not in closed
        assert Client().get("/de/aufrufe/?status=nonsense").status_code == 400
        assert Client().get("/de/aufrufe/?page=99").status_code == 404


def test_an_event_leaves_the_upcoming_list_the_minute_it_ends(site):
    start = timezone.now().replace(microsecond=0)
    with freeze_time(start) as clock:
        EventPageFactory(title="Laufende Sitzung", start=start - timedelta(hours=1), end=start + timedelta(minutes=5))
        assert "Laufende Sitzung" in html("/de/veranstaltungen/")
        clock.tick(timedelta(minutes=4, seconds=59))
        assert "Laufende Sitzung" in html("/de/veranstaltungen/")
        clock.tick(timedelta(seconds=1))
        assert "Laufende Sitzung" not in html("/de/veranstaltungen/")


PARTNERSHIPS = "/de/partnerschaften/"


def test_a_warm_partnership_listing_does_not_query_for_its_items(site):
    PartnershipFactory(german_partner="Sindelfingen", topics=[TopicPageFactory(title="Wasser")])
    assert "Sindelfingen" in html(PARTNERSHIPS)
    sql = queries(PARTNERSHIPS)
    for table in ("programmes_partnership", "programmes_topicpage", "programmes_country"):
        assert f'"{table}"' not in sql, table


def test_each_change_of_a_partnership_shows_in_the_listing_at_once(site):
    state = RegionFactory(code="DE-BW", name="Baden-Württemberg", country=CountryFactory(code="DE"))
    first = PartnershipFactory(german_partner="Sindelfingen", maghreb_partner="Annaba", german_state=state)
    assert "Baden-Württemberg" in html(PARTNERSHIPS)
    first.german_partner = "Böblingen"
    first.save()
    page = html(PARTNERSHIPS)
    assert "Böblingen" in page and "Sindelfingen" not in page
    state.name = "Württemberg"
    state.save()
    assert "Württemberg" in html(PARTNERSHIPS) and "Baden-Württemberg" not in html(PARTNERSHIPS)
    second = PartnershipFactory(german_partner="Stralsund", maghreb_partner="Meknès")
    assert "Stralsund" in html(PARTNERSHIPS)
    second.delete()
    assert "Stralsund" not in html(PARTNERSHIPS)


def test_each_address_of_the_partnership_listing_has_its_own_items_and_status(site):
    PartnershipFactory(german_partner="Sindelfingen", country=CountryFactory(code="DZ"))
    PartnershipFactory(german_partner="Stralsund", country=CountryFactory(code="MA"))
    for _ in range(2):  # the second time from the content cache
        morocco = html(f"{PARTNERSHIPS}?country=MA")
        assert "Stralsund" in morocco and "Sindelfingen" not in morocco
        assert Client().get(f"{PARTNERSHIPS}?country=XX").status_code == 400
        assert Client().get(f"{PARTNERSHIPS}?page=99").status_code == 404


# --- API ----------------------------------------------------------------------------------------------

CALLS = "/api/v2/pages/?type=programmes.CallForParticipationPage&fields=*"


def api_items(url):
    response = Client().get(url)
    assert response.status_code == 200, response.content[:300]
    return response.json()["items"]


def test_the_api_shows_each_kind_of_change_at_once(site):
    applicants = ApplicantTypeFactory(name="Landkreise")
    topic = TopicPageFactory(title="Wasser")
    call = CallForParticipationPageFactory(title="Aufruf Nord", eligible_types=[applicants], topics=[topic])
    detail = f"/api/v2/pages/{call.pk}/"
    assert api_items(CALLS)[0]["title"] == "Aufruf Nord" and Client().get(detail).json()["title"] == "Aufruf Nord"
    call.title = "Aufruf Süd"
    call.save_revision().publish()
    assert api_items(CALLS)[0]["title"] == "Aufruf Süd" and Client().get(detail).json()["title"] == "Aufruf Süd"
    applicants.name = "Kreise"
    applicants.save()
    assert [item["name"] for item in api_items(CALLS)[0]["eligible_types"]] == ["Kreise"]
    topic.title = "Trinkwasser"
    topic.save_revision().publish()
    assert [item["title"] for item in Client().get(detail).json()["topics"]] == ["Trinkwasser"]
    topic.unpublish()
    assert Client().get(detail).json()["topics"] == []
    call.unpublish()
    assert api_items(CALLS) == [] and Client().get(detail).status_code == 404


def test_the_api_status_changes_the_minute_the_deadline_passes(site):
    start = timezone.now().replace(microsecond=0)
    with freeze_time(start) as clock:
        call = CallForParticipationPageFactory(deadline=start + timedelta(minutes=10))
        detail = f"/api/v2/pages/{call.pk}/"
        assert api_items(CALLS)[0]["status"] == "open" and Client().get(detail).json()["status"] == "open"
        clock.tick(timedelta(minutes=10))
        assert api_items(CALLS)[0]["status"] == "closed" and Client().get(detail).json()["status"] == "closed"


def test_each_api_address_serializes_its_own_fields(site):
    call = CallForParticipationPageFactory(title="Aufruf Nord")
    plain = api_items("/api/v2/pages/?type=programmes.CallForParticipationPage")
    everything = api_items(CALLS)
    assert "body" not in plain[0] and "body" in everything[0]
    assert api_items("/api/v2/pages/?type=programmes.CallForParticipationPage") == plain
    assert "summary" not in Client().get(f"/api/v2/pages/{call.pk}/?fields=-summary").json()
    assert "summary" in Client().get(f"/api/v2/pages/{call.pk}/").json()
