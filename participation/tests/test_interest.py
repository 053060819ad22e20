"""Expressions of interest on a call page."""

import datetime

import pytest
from django.utils import timezone

from participation.models import ExpressionOfInterest, InterestStatus

from .conftest import interest_data

pytestmark = pytest.mark.django_db


def post(client, call, data, language="de"):
    return client.post(f"/{language}/participation/calls/{call.pk}/interest/", data)


def test_open_call_shows_the_form_with_the_calls_choices(client, call, lands):
    response = client.get(call.url)
    html = response.content.decode()
    assert 'id="interest"' in html and 'name="german_state"' in html
    assert "Städte" in html and "Landkreise" in html and "Wasser" in html and "Bayern" in html
    assert "no-store" in response["Cache-Control"]


def test_submit_stores_and_confirms_by_mail(client, call, lands, mailbox):
    response = post(client, call, interest_data(call, lands), language="en")
    assert response.status_code == 302
    interest = ExpressionOfInterest.objects.get()
    assert interest.status == InterestStatus.NEW
    assert interest.applicant_type == call.eligible_types.first()
    assert interest.german_state.code == "DE-BY"
    assert interest.partner_country.code == "DZ"
    assert [t.title for t in interest.topics.all()] == ["Wasser"]
    assert interest.language == "en"
    assert response.url == f"/en/participation/interest/{interest.token}/"
    thanks = client.get(response.url)
    assert thanks.status_code == 200 and "Stadt Musterstadt" in thanks.content.decode()
    assert len(mailbox) == 1 and mailbox[0].to == ["max@example.org"]
    assert "Aufruf Partnerschaften" in mailbox[0].subject


def test_choices_outside_the_call_are_refused(client, call, lands):
    data = interest_data(call, lands, partner_country="MA", german_state="DZ-23")
    assert post(client, call, data).status_code == 400
    assert not ExpressionOfInterest.objects.exists()


def test_double_click_creates_one_record(client, call, lands, mailbox):
    data = interest_data(call, lands)
    assert post(client, call, data).url == post(client, call, data).url
    assert ExpressionOfInterest.objects.count() == 1 and len(mailbox) == 1


@pytest.mark.parametrize("when", ["closed", "upcoming"])
def test_outside_the_open_period_a_message_with_the_dates_replaces_the_form(client, call, lands, when):
    now = timezone.now()
    if when == "closed":
        call.opening, call.deadline = now - datetime.timedelta(days=30), now - datetime.timedelta(days=1)
    else:
        call.opening, call.deadline = now + datetime.timedelta(days=3), now + datetime.timedelta(days=30)
    call.save_revision().publish()
    html = client.get(call.url).content.decode()
    assert 'name="german_state"' not in html
    assert 'id="interest"' in html and "<time" in html.split('id="interest"')[1]
    assert post(client, call, interest_data(call, lands)).status_code == 400
    assert not ExpressionOfInterest.objects.exists()


def test_honeypot_and_size_limits(client, call, lands):
    assert post(client, call, interest_data(call, lands, website="x")).status_code == 400
    assert post(client, call, interest_data(call, lands, message="m" * 4001)).status_code == 400
    assert not ExpressionOfInterest.objects.exists()


def test_team_reviews_with_status_and_note_and_exports_csv(admin_client, call, lands):
    post(admin_client, call, interest_data(call, lands, message='=HYPERLINK("http://evil")'))
    interest = ExpressionOfInterest.objects.get()
    response = admin_client.post(
        f"/admin/participation/interest/edit/{interest.pk}/", {"status": "contacted", "internal_note": "Angerufen"}
    )
    assert response.status_code == 302
    interest.refresh_from_db()
    assert (interest.status, interest.internal_note) == ("contacted", "Angerufen")
    assert interest.organisation_name == "Stadt Musterstadt"  # the person's details stay as sent
    listing = admin_client.get("/admin/participation/interest/?status=contacted")
    assert "Stadt Musterstadt" in listing.content.decode()
    export = admin_client.get("/admin/participation/interest/?export=csv")
    body = b"".join(export.streaming_content).decode()
    assert "Stadt Musterstadt" in body and "Wasser" in body and "Angerufen" in body
    assert "'=HYPERLINK" in body  # formulas are exported as text
