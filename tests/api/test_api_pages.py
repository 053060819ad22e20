import datetime
import zoneinfo

import pytest

pytestmark = pytest.mark.django_db

CALL = "programmes.CallForParticipationPage"
EVENT = "programmes.EventPage"
BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")


def get(client, url, status=200, **params):
    response = client.get(url, params)
    assert response.status_code == status, (response.status_code, response.content[:500])
    return response.json() if response["Content-Type"].startswith("application/json") else response


def titles(data):
    return sorted(item["title"] for item in data["items"])


def test_pages_listing(client, api_content):
    data = get(client, "/api/v2/pages/")
    assert data["meta"]["total_count"] > 5
    assert "Entwurf geheim" not in titles(data)


def test_call_listing_fields(client, api_content):
    data = get(client, "/api/v2/pages/", type=CALL, locale="de", order="deadline")
    item = next(i for i in data["items"] if i["title"] == "Aufruf Abfall")
    assert item["status"] == "open"
    assert item["topics"][0]["slug"] == "abfallwirtschaft"
    assert item["countries"] == [{"id": api_content.dz.pk, "code": "DZ", "name": "Algerien"}]
    assert item["eligible_types"][0]["code"] == "staedte"
    assert item["meta"]["dir"] == "ltr"
    assert item["meta"]["translations"][0]["locale"] == "fr"
    # The deadline is written in the call's own time zone (Berlin), with its offset, not in UTC.
    deadline = datetime.datetime.fromisoformat(item["deadline"])
    assert deadline == api_content.call.deadline
    assert deadline.utcoffset() == api_content.call.deadline.astimezone(BERLIN).utcoffset() != datetime.timedelta(0)


def test_detail(client, api_content):
    data = get(client, f"/api/v2/pages/{api_content.call.pk}/")
    assert data["offer"].startswith("<p>Beratung")
    assert 'href="http://testserver/de/themen/abfallwirtschaft/"' in data["offer"]
    assert "linktype" not in str(data)
    assert data["body"][0]["type"] == "rich_text"
    assert "http://testserver/de/themen/" in data["body"][0]["value"]
    assert data["phase"]["title"] == "Phase 2"


def test_event_detail(client, api_content):
    data = get(client, f"/api/v2/pages/{api_content.event.pk}/")
    assert data["start"].endswith("+01:00")
    assert data["online_url"] == ""
    assert data["venue"]["locality"] == "Bonn"
    assert data["organiser"]["short_name"] == "EG"
    assert data["ical_url"].endswith(f"/calendar/events/{api_content.event.pk}.ics")


def test_arabic_meta(client, api_content):
    data = get(client, f"/api/v2/pages/{api_content.ar_event.pk}/")
    assert data["meta"]["locale"] == "ar-dz"
    assert data["meta"]["dir"] == "rtl"


def test_find_french_path(client, api_content):
    response = client.get("/api/v2/pages/find/", {"html_path": "/fr/appels/appel-dechets/"})
    assert response.status_code == 302
    assert response["Location"].endswith(f"/api/v2/pages/{api_content.fr_call.pk}/")


def test_partnership_url_in_its_own_language(client, api_content):
    from wagtail.models import Locale

    fr = api_content.partnership.copy_for_translation(Locale.objects.get(language_code="fr"))
    fr.focus = "Gestion des déchets"
    fr.save()
    items = {item["meta"]["locale"]: item for item in get(client, "/api/v2/partnerships/")["items"]}
    # The French index is an alias of the German one (not yet translated): same slug, French address.
    assert items["fr"]["url"] == f"http://testserver/fr/partnerschaften/{fr.pk}-stadt-bonn-annaba/"
    assert items["de"]["url"] == f"http://testserver/de/partnerschaften/{api_content.partnership.pk}-stadt-bonn-annaba/"
    detail = get(client, f"/api/v2/partnerships/{fr.pk}/")
    assert detail["url"] == items["fr"]["url"]
    # No published index in a language: no page to point to.
    from programmes.models import PartnershipIndexPage

    PartnershipIndexPage.objects.filter(locale__language_code="fr").get().unpublish()
    items = {item["meta"]["locale"]: item for item in get(client, "/api/v2/partnerships/")["items"]}
    assert items["fr"]["url"] is None and items["de"]["url"]


@pytest.fixture
def rich(db, settings, tmp_path):
    from tests.api.conftest import build_rich_content

    return build_rich_content(1, 1, settings, tmp_path)


@pytest.mark.parametrize("kind", ["programme", "phase", "home", "standard", "topic"])
def test_links_in_rich_text_and_blocks(client, rich, kind):
    """Rich text and chosen pages, documents, images and contacts, for a German and a French page:
    absolute URLs, the French versions for the French page, no link to a draft."""
    german, french = rich.made[kind]
    for page, language in ((german, "de"), (french, "fr")):
        data = get(client, f"/api/v2/pages/{page.pk}/")
        assert data["meta"]["locale"] == language
        body = {block["type"]: block["value"] for block in data["body"]}
        target = rich.targets[0 if page is german else 1]
        shown = target if language == "de" else rich.fr_targets[1]
        document = rich.documents[0 if page is german else 1]
        assert shown.url.startswith(f"/{language}/")
        expected = (
            f'<p>Siehe <a href="http://testserver{shown.url}">Ziel</a>, <a>Entwurf</a>, '
            f'<a href="http://testserver{document.url}">Merkblatt</a> und <a href="https://example.org/">extern</a>.</p>'
        )
        assert body["rich_text"] == expected
        assert body["faq"]["items"][0]["answer"] == expected
        assert body["call_to_action"]["link"]["page"] == {
            "id": shown.pk,
            "title": shown.title,
            "slug": shown.slug,
            "url": f"http://testserver{shown.url}",
        }
        assert body["documents"]["documents"][0]["document"]["url"] == f"http://testserver{document.url}"
        image = body["image"]["image"]
        assert image["alt"] == image["title"] and image["url"].startswith("http://testserver/media/images/")
        assert image["width"] and ".fill-400x300." in image["thumbnail"]["url"]
        contact = body["contact"]["contact"]
        expected_contact = rich.contacts[0 if page is german else 1]
        if language == "fr":
            expected_contact = rich.fr_contacts[1]
        assert contact["id"] == expected_contact.pk and contact["title"] == expected_contact.title
        assert "linktype" not in str(data) and "entwurf-geheim" not in str(data)
    # The listing says the same as the details.
    listing = get(client, "/api/v2/pages/", type=type(german)._meta.label, fields="*")
    by_id = {item["id"]: item for item in listing["items"]}
    for page in (german, french):
        assert by_id[page.pk]["body"] == get(client, f"/api/v2/pages/{page.pk}/")["body"]


def test_programme_organisations_in_the_page_s_language(client, rich):
    german, french = rich.made["programme"]
    roles = get(client, f"/api/v2/pages/{german.pk}/")["organisations"]
    assert [role["role"] for role in roles] == ["commissioned_by", "implemented_by"]
    french_roles = get(client, f"/api/v2/pages/{french.pk}/")["organisations"]
    assert french_roles[0]["organisation"]["name"] == "Organisation en français"
    assert french_roles[1]["organisation"]["name"] == roles[1]["organisation"]["name"]


def test_fields_parameter_as_documented(client, api_content):
    """docs/api.md: fields=* all, fields=a,b added to the defaults, fields=_,a,b only those, fields=-a without."""
    listing = get(client, "/api/v2/pages/", type=CALL, locale="de")["items"][0]
    assert "deadline" in listing and "offer" not in listing
    everything = get(client, "/api/v2/pages/", type=CALL, locale="de", fields="*")["items"][0]
    assert {"offer", "how_to_apply", "faq", "contact_point"} <= set(everything)
    added = get(client, "/api/v2/pages/", type=CALL, locale="de", fields="offer,time_zone")["items"][0]
    assert set(added) == set(listing) | {"offer", "time_zone"}
    only = get(client, "/api/v2/pages/", type=CALL, locale="de", fields="_,title,deadline")["items"][0]
    assert set(only) == {"title", "deadline"}
    without = get(client, "/api/v2/pages/", type=CALL, locale="de", fields="-summary")["items"][0]
    assert set(without) == set(listing) - {"summary"}
