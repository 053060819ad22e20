"""Submissions stay private: no outlet shows them, only permitted groups see them in the admin."""

import io

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command

from editorial.roles import EDITOR_GROUP, PROGRAMME_TEAM_GROUP
from participation.models import ExpressionOfInterest, Registration

from .conftest import interest_data, register

pytestmark = pytest.mark.django_db

SECRET_NAME = "Quirinella Zwetschgenbaum"


@pytest.fixture
def submissions(client, event, call, lands):
    register(client, event, name=SECRET_NAME, email="quirinella@example.org")
    client.post(
        f"/de/participation/calls/{call.pk}/interest/",
        interest_data(call, lands, contact_person=SECRET_NAME, email="quirinella@example.org"),
    )
    assert Registration.objects.count() == 1 and ExpressionOfInterest.objects.count() == 1
    return SECRET_NAME


def test_no_public_outlet_shows_a_submission(client, event, call, submissions):
    urls = [
        event.url,
        call.url,
        "/de/veranstaltungen/",
        "/de/aufrufe/",
        # The search page repeats the query: search for the surname, look for the first name.
        "/de/search/?q=Zwetschgenbaum",
        "/de/search/?q=Kommune+Zwetschgenbaum",
        "/sitemap.xml",
        "/de/",
    ]
    # Outlets of other issues, where they exist in this tree (API, feeds, calendar).
    optional = [
        "/api/v2/pages/?search=Zwetschgenbaum",
        f"/api/v2/pages/{event.pk}/",
        "/api/v2/pages/?type=programmes.EventPage&fields=*",
        "/de/feeds/events.atom",
        "/de/feeds/calls.atom",
        "/de/calendar/events.ics",
        f"/calendar/events/{event.pk}.ics",
    ]
    checked = 0
    for url in urls + optional:
        response = client.get(url)
        if url in optional and response.status_code == 404:
            continue
        assert response.status_code == 200, url
        body = b"".join(response.streaming_content) if response.streaming else response.content
        text = body.decode()
        assert "Quirinella" not in text and "quirinella@example.org" not in text, url
        assert "secret-room-4711" not in text, url
        checked += 1
    assert checked >= len(urls)


def test_submissions_are_not_pages_snippets_or_indexed():
    from wagtail.search.index import Indexed
    from wagtail.snippets.models import get_snippet_models

    for model in (Registration, ExpressionOfInterest):
        assert not issubclass(model, Indexed)
        assert model not in get_snippet_models()


def test_only_permitted_groups_see_submissions_in_the_admin(client, django_user_model, site, submissions):
    call_command("setup_roles", stdout=io.StringIO())
    team = django_user_model.objects.create_user("team", "team@example.org", "pw")
    team.groups.add(Group.objects.get(name=PROGRAMME_TEAM_GROUP))
    editor = django_user_model.objects.create_user("editor", "editor@example.org", "pw")
    editor.groups.add(Group.objects.get(name=EDITOR_GROUP))
    urls = [
        "/admin/participation/registrations/",
        "/admin/participation/interest/",
        "/admin/participation/reports/registrations-by-event/",
    ]
    client.force_login(editor)
    for url in urls + ["/admin/participation/reports/personal-data/"]:
        response = client.get(url)
        assert response.status_code in (302, 403), url
        assert SECRET_NAME not in response.content.decode()
    client.force_login(team)
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
    assert SECRET_NAME in client.get(urls[0]).content.decode()
    assert client.get("/admin/participation/reports/personal-data/").status_code == 200
    export = client.get("/admin/participation/registrations/?export=csv")
    assert SECRET_NAME in b"".join(export.streaming_content).decode()
    # The team cannot add submissions by hand.
    assert client.get("/admin/participation/registrations/add/").status_code in (302, 403)


def test_registrations_by_event_counts_against_capacity(admin_client, event, submissions):
    html = admin_client.get("/admin/participation/reports/registrations-by-event/").content.decode()
    assert "Netzwerktreffen" in html
    assert f"?event={event.pk}&amp;export=csv" in html
    listing = admin_client.get(f"/admin/participation/registrations/?event={event.pk}")
    assert SECRET_NAME in listing.content.decode()


def test_participation_pages_are_private_and_not_indexed(client, event, submissions):
    registration = Registration.objects.get()
    response = client.get(f"/de/participation/registrations/{registration.token}/")
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert response["Referrer-Policy"] == "same-origin"
    robots = client.get("/robots.txt")
    if robots.status_code == 200:
        assert "participation" not in robots.content.decode() or "Disallow" in robots.content.decode()
