"""Places after the form: raising the capacity, cancelling, repeated registrations, the rate limit."""

import datetime

import pytest
from django.utils import timezone

from participation import services
from participation.models import Registration, RegistrationStatus

from .conftest import register

pytestmark = pytest.mark.django_db


def fill(client, event, count):
    for n in range(count):
        assert register(client, event, email=f"p{n}@example.org").status_code == 302
    return [Registration.objects.get(email=f"p{n}@example.org") for n in range(count)]


def test_raising_the_capacity_moves_the_waiting_list_up_at_once_with_mails(client, event, mailbox):
    fill(client, event, 4)  # capacity 2: two wait
    mailbox.clear()
    event.capacity = 3
    event.save_revision().publish()
    statuses = dict(Registration.objects.values_list("email", "status"))
    assert statuses == {
        "p0@example.org": "confirmed",
        "p1@example.org": "confirmed",
        "p2@example.org": "confirmed",  # the oldest waiting person, without anyone registering again
        "p3@example.org": "waiting",
    }
    assert [message.to for message in mailbox] == [["p2@example.org"]]
    assert "secret-room-4711" in mailbox[0].body and mailbox[0].attachments


def test_raising_the_capacity_after_the_deadline_still_serves_the_waiting_list(client, event, mailbox):
    fill(client, event, 3)
    mailbox.clear()
    event.registration_deadline = timezone.now() - datetime.timedelta(minutes=1)
    event.capacity = 3
    event.save_revision().publish()
    assert Registration.objects.get(email="p2@example.org").status == RegistrationStatus.CONFIRMED
    assert len(mailbox) == 1


def test_nobody_moves_up_once_the_event_has_begun(client, event, mailbox):
    fill(client, event, 3)
    event.start = timezone.now() - datetime.timedelta(minutes=5)
    event.capacity = 5
    mailbox.clear()
    event.save_revision().publish()
    assert Registration.objects.get(email="p2@example.org").status == RegistrationStatus.WAITING
    assert not mailbox


def test_publishing_a_translation_changes_nothing(client, event, mailbox):
    from programmes.factories import translate_page

    fill(client, event, 3)
    mailbox.clear()
    translate_page(event, "fr", capacity=10)  # a stale or wrong copy of the capacity does not count
    assert Registration.objects.get(email="p2@example.org").status == RegistrationStatus.WAITING
    assert not mailbox


def test_cancelling_after_the_start_is_refused_and_the_waiting_list_is_not_told(client, event, mailbox):
    first, _second, waiting = fill(client, event, 3)
    event.start, event.end = timezone.now() - datetime.timedelta(hours=1), timezone.now() + datetime.timedelta(hours=1)
    event.save_revision().publish()
    mailbox.clear()
    page = client.get(f"/de/participation/registrations/{first.token}/").content.decode()
    assert "/cancel/" not in page  # no button that cannot work
    response = client.post(f"/de/participation/registrations/{first.token}/cancel/")
    assert response.status_code == 400
    assert "hat bereits begonnen" in response.content.decode()
    first.refresh_from_db()
    waiting.refresh_from_db()
    assert (first.status, waiting.status) == ("confirmed", "waiting")
    assert not mailbox
    with pytest.raises(services.EventStarted):
        services.cancel(first, by_team=True)


def test_a_second_cancel_claims_no_e_mail(client, event, mailbox):
    registration = fill(client, event, 1)[0]
    first = client.post(f"/de/participation/registrations/{registration.token}/cancel/")
    assert "Bestätigung per E-Mail" in first.content.decode()
    mailbox.clear()
    second = client.post(f"/de/participation/registrations/{registration.token}/cancel/")
    assert second.status_code == 200
    html = second.content.decode()
    assert "bereits storniert" in html and "Bestätigung per E-Mail" not in html
    assert not mailbox


def test_a_repeated_address_is_answered_neutrally_and_reminded_once_a_day(client, event, mailbox):
    register(client, event, email="erika@example.org")
    mailbox.clear()
    answers = [register(client, event, email="erika@example.org") for _ in range(3)]
    html = answers[0].content.decode()
    assert answers[0].status_code == 200
    assert "Falls diese E-Mail-Adresse" in html
    assert "bereits angemeldet ist," in html and "Sie sind bereits angemeldet" not in html
    assert len({answer.content for answer in answers}) == 1
    assert [message.to for message in mailbox] == [["erika@example.org"]]  # one reminder, not three

    # A day later the address holder may be reminded again.
    Registration.objects.update(reminder_sent_at=timezone.now() - datetime.timedelta(hours=25))
    register(client, event, email="erika@example.org")
    assert len(mailbox) == 2


def test_the_rate_limit_says_when_to_come_back(client, event, settings):
    settings.PARTICIPATION_RATE_LIMIT = 1
    settings.PARTICIPATION_RATE_LIMIT_WINDOW = 300
    assert register(client, event, email="a@example.org").status_code == 302
    response = register(client, event, email="b@example.org")
    assert response.status_code == 429
    assert response["Retry-After"] == "300"
    assert "5 Minuten" in response.content.decode()
