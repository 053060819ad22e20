"""Filters, ordering, path lookup and errors of /api/v2/pages/."""

import datetime

import pytest
from django.utils import timezone

pytestmark = pytest.mark.django_db

CALL = "programmes.CallForParticipationPage"
EVENT = "programmes.EventPage"


def get(client, expect=200, url="/api/v2/pages/", **params):
    response = client.get(url, params)
    assert response.status_code == expect, (response.status_code, response.content[:500])
    return response.json()


def titles(data):
    return sorted(item["title"] for item in data["items"])


def test_call_filters(client, api_content):
    assert titles(get(client, type=CALL, locale="de", status="open")) == ["Aufruf Abfall"]
    assert titles(get(client, type=CALL, locale="de", status="closed")) == ["Aufruf Wasser (abgelaufen)"]
    assert titles(get(client, type=CALL, locale="de", status="upcoming")) == ["Aufruf kommt"]
    assert titles(get(client, type=CALL, locale="de", eligible="landkreise")) == ["Aufruf Wasser (abgelaufen)"]
    assert titles(get(client, type=CALL, locale="de", country="dz")) == ["Aufruf Abfall"]
    assert titles(get(client, type=CALL, locale="de", phase="phase-2")) == ["Aufruf Abfall"]
    assert titles(get(client, type=CALL, locale="de", phase=str(api_content.phase.pk))) == ["Aufruf Abfall"]
    # The applicant type code is the same in every language.
    assert titles(get(client, type=CALL, locale="fr", eligible="staedte")) == ["Appel déchets"]


def test_french_open_calls_on_waste_management(client, api_content):
    """The documented partner use: topic by French slug, by German slug or by id, all the same."""
    for topic in ("gestion-des-dechets", "abfallwirtschaft", str(api_content.waste.pk), str(api_content.fr_waste.pk)):
        data = get(client, type=CALL, locale="fr", status="open", topic=topic)
        assert titles(data) == ["Appel déchets"], topic
        assert data["items"][0]["topics"][0]["title"] == "Gestion des déchets"
        assert data["items"][0]["topics"][0]["url"].endswith("/fr/themes/gestion-des-dechets/")
        assert data["items"][0]["countries"][0]["name"] == "Algérie"


def test_locale_fallback_adds_untranslated_german_pages(client, api_content):
    strict = titles(get(client, type=CALL, locale="fr"))
    assert strict == ["Appel déchets"]
    fallback = titles(get(client, type=CALL, locale="fr", fallback="true"))
    assert fallback == ["Appel déchets", "Aufruf Wasser (abgelaufen)", "Aufruf kommt"]


def test_event_filters(client, api_content):
    upcoming = titles(get(client, type=EVENT, locale="de", upcoming="true"))
    assert upcoming == ["Fachaustausch Abfall", "Webinar Wasser"]
    assert titles(get(client, type=EVENT, locale="de", past="true")) == ["Rückblick"]
    assert titles(get(client, type=EVENT, locale="de", format="hybrid")) == ["Fachaustausch Abfall"]
    today = timezone.localdate()
    window = {
        "from": (today - datetime.timedelta(days=31)).isoformat(),
        "to": (today - datetime.timedelta(days=29)).isoformat(),
    }
    assert titles(get(client, type=EVENT, locale="de", **window)) == ["Rückblick"]
    ordered = get(client, type=EVENT, locale="de", order="-start")["items"]
    assert [item["title"] for item in ordered][-1] == "Rückblick"


def test_updated_since(client, api_content):
    since = (timezone.now() + datetime.timedelta(minutes=1)).isoformat()
    assert get(client, updated_since=since)["items"] == []
    api_content.closed_call.title = "Aufruf Wasser geändert"
    api_content.closed_call.save_revision().publish()
    data = get(client, updated_since=(timezone.now() - datetime.timedelta(seconds=30)).isoformat())
    assert "Aufruf Wasser geändert" in titles(data)
    yesterday = (timezone.localdate() - datetime.timedelta(days=1)).isoformat()
    assert get(client, updated_since=yesterday)["meta"]["total_count"] > 5


def test_search(client, api_content):
    data = get(client, type=CALL, locale="de", search="Abfall")
    assert "Aufruf Abfall" in titles(data)
    assert "Aufruf kommt" not in titles(data)
    assert "Entwurf geheim" not in titles(get(client, search="geheim"))


def test_find_by_path_with_language_prefix(client, api_content):
    response = client.get("/api/v2/pages/find/", {"html_path": "/fr/appels/appel-dechets/"})
    assert response.status_code == 302
    assert response["Location"].endswith(f"/api/v2/pages/{api_content.fr_call.pk}/")
    # The German path finds the German page.
    response = client.get("/api/v2/pages/find/", {"html_path": "/de/aufrufe/aufruf-abfall/"})
    assert response["Location"].endswith(f"/api/v2/pages/{api_content.call.pk}/")
    # An alias path (not yet translated) leads to the German page it shows.
    response = client.get("/api/v2/pages/find/", {"html_path": "/fr/appels/aufruf-kommt/"})
    assert response["Location"].endswith(f"/api/v2/pages/{api_content.upcoming_call.pk}/")
    detail = client.get(response["Location"]).json()
    assert detail["title"] == "Aufruf kommt"
    assert client.get("/api/v2/pages/find/", {"html_path": "/fr/nope/"}).status_code == 404
    assert client.get("/api/v2/pages/find/", {"html_path": "/de/aufrufe/entwurf-geheim/"}).status_code == 404
    assert client.get("/api/v2/pages/find/", {"html_path": "/de/aufrufe/privat-geheim/"}).status_code == 404
    assert client.get("/api/v2/pages/find/", {"html_path": "/xx/"}).status_code == 400


@pytest.mark.parametrize("code", ["de", "fr", "ar-dz", "en"])
def test_find_a_partnership_by_the_path_of_its_page(client, api_content, code):
    """A partnership's page under the partnership index of a language leads to the partnership that
    page shows: that language's version, else the German one."""
    from wagtail.models import Locale

    locale = Locale.objects.get(language_code=code)
    french = api_content.partnership.copy_for_translation(Locale.objects.get(language_code="fr"))
    french.focus = "Gestion des déchets"
    french.save()
    shown = french if code == "fr" else api_content.partnership
    for source in (api_content.partnership, french):  # either language's id, as the page itself accepts
        path = shown.get_url(locale=locale, fallback=False).replace(f"/{shown.pk}-", f"/{source.pk}-")
        assert path.startswith(f"/{code}/"), path
        assert client.get(path).status_code in (200, 301, 302)
        response = client.get("/api/v2/pages/find/", {"html_path": path, "fields": "*"})
        assert response.status_code == 302, (path, response.content[:300])
        assert response["Location"] == f"http://testserver/api/v2/partnerships/{shown.pk}/?fields=%2A", path
        assert client.get(response["Location"]).json()["id"] == shown.pk
    index = shown.get_url(locale=locale, fallback=False).rsplit("/", 2)[0] + "/"
    response = client.get("/api/v2/pages/find/", {"html_path": index})
    assert "/api/v2/pages/" in response["Location"]
    response = client.get("/api/v2/pages/find/", {"html_path": f"{index}987654-nobody/"})
    assert response.status_code == 404


@pytest.mark.parametrize(
    "params,words",
    [
        ({"nonsense": "1"}, "unknown query parameter"),
        ({"locale": "xx"}, "unknown locale"),
        ({"type": "programmes.Nope"}, "unknown page type"),
        ({"type": "wagtailcore.Page"}, "unknown page type"),
        ({"type": CALL, "status": "maybe"}, "unknown status"),
        ({"type": CALL, "topic": "no-such-topic"}, "unknown topic"),
        ({"type": CALL, "country": "XX"}, "ISO 3166-1"),
        ({"type": CALL, "eligible": "nobody"}, "unknown applicant type"),
        ({"type": CALL, "phase": "no-phase"}, "unknown phase"),
        ({"status": "open"}, "needs type"),
        ({"type": EVENT, "from": "yesterday"}, "ISO 8601"),
        ({"type": EVENT, "to": "2026-13-45"}, "ISO 8601"),
        ({"type": EVENT, "from": "2026-03-02", "to": "2026-03-01"}, "before"),
        ({"type": EVENT, "upcoming": "perhaps"}, "true or false"),
        ({"type": EVENT, "format": "telepathy"}, "unknown format"),
        ({"updated_since": "last week"}, "ISO 8601"),
        ({"limit": "51"}, "between 1 and 50"),
        ({"limit": "0"}, "between 1 and 50"),
        ({"limit": "-3"}, "whole number"),
        ({"limit": "ten"}, "whole number"),
        ({"offset": "-1"}, "whole number"),
        ({"order": "colour"}, "cannot order"),
        ({"order": "deadline"}, "needs type"),
        ({"fields": "colour"}, "unknown fields"),
        ({"fallback": "true"}, "needs locale"),
        ({"child_of": "abc"}, "child_of"),
    ],
)
def test_bad_input_is_a_json_400(client, api_content, params, words):
    data = get(client, 400, **params)
    assert words in data["message"], data


@pytest.mark.parametrize(
    "params",
    [
        {"updated_since": "9999-12-31T23:59:59-12:00"},
        {"updated_since": "0001-01-01T00:00:00+14:00"},
        {"type": EVENT, "from": "0001-01-01"},
        {"type": EVENT, "from": "9999-12-31T23:59:59-12:00"},
    ],
)
def test_moments_out_of_range_are_a_json_400(client, site, params):
    assert "out of range" in get(client, 400, **params)["message"]


def test_extreme_but_valid_moments(client, site):
    # The end of 1 January of year 1 still exists in UTC (Berlin's offset then was +0:53).
    assert get(client, type=EVENT, to="0001-01-01")["items"] == []
    assert get(client, type=EVENT, **{"from": "9999-12-30"})["items"] == []


def test_to_date_includes_that_whole_day(client, api_content):
    day = api_content.event.zoned_start.date().isoformat()
    assert "Fachaustausch Abfall" in titles(get(client, type=EVENT, locale="de", to=day))
    assert "Fachaustausch Abfall" in titles(get(client, type=EVENT, locale="de", **{"from": day, "to": day}))


def test_event_calendar_with_an_id_out_of_range_is_a_404(client, site):
    response = client.get("/calendar/events/99999999999999999999.ics")
    assert response.status_code == 404
    assert "No published event" in response.content.decode()


def test_unknown_parameters_on_detail_and_snippets(client, api_content):
    assert (
        "unknown query parameter" in get(client, 400, f"/api/v2/pages/{api_content.call.pk}/", colour="red")["message"]
    )
    assert "unknown query parameter" in get(client, 400, "/api/v2/organisations/", colour="red")["message"]
    assert "locale" in get(client, 400, "/api/v2/partnerships/", locale="xx")["message"]
    assert "status" in get(client, 400, "/api/v2/partnerships/", status="xx")["message"]
    assert get(client, 404, "/api/v2/pages/987654/")["message"]
    assert get(client, 404, "/api/v2/partnerships/987654/")["message"]


def test_limit_is_capped(client, api_content, settings):
    settings.WAGTAILAPI_LIMIT_MAX = 2
    assert len(get(client, limit=2)["items"]) == 2
    assert get(client, 400, limit=3)["message"]


def test_snippet_filters(client, api_content):
    data = get(client, url="/api/v2/partnerships/", topic="gestion-des-dechets", country="DZ", status="active")
    assert [item["maghreb_partner"] for item in data["items"]] == ["Annaba"]
    assert data["items"][0]["topics"][0]["slug"] == "abfallwirtschaft"
    assert data["items"][0]["region"]["code"] == "DZ-23"
    orgs = get(client, url="/api/v2/organisations/", locale="de")
    assert [item["short_name"] for item in orgs["items"]] == ["EG"]
    places = get(client, url="/api/v2/places/", country="DE", fields="*")
    assert places["items"][0]["locality"] == "Bonn"


def test_snippet_search(client, api_content):
    data = get(client, url="/api/v2/organisations/", search="Engagement")
    assert [item["short_name"] for item in data["items"]] == ["EG"]
    data = get(client, url="/api/v2/partnerships/", search="Annaba")
    assert [item["maghreb_partner"] for item in data["items"]] == ["Annaba"]
