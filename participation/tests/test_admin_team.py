"""The programme team's admin: status changes, deletions and exports keep places, e-mails and the
audit log right."""

import datetime

import pytest
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from participation.models import ExpressionOfInterest, Registration, RegistrationStatus

from .conftest import interest_data, register

pytestmark = pytest.mark.django_db


def edit(admin_client, registration, **data):
    data.setdefault("internal_note", "")
    return admin_client.post(f"/admin/participation/registrations/edit/{registration.pk}/", data)


def fill(client, event, count, prefix="p"):
    for n in range(count):
        assert register(client, event, email=f"{prefix}{n}@example.org").status_code == 302
    return [Registration.objects.get(email=f"{prefix}{n}@example.org") for n in range(count)]


def test_deleting_a_confirmed_registration_moves_the_next_person_up_and_forgets_the_person(
    admin_client, event, mailbox
):
    first, second, waiting = fill(admin_client, event, 3)
    first.name = "Person en"
    first.save()
    log(first, "wagtail.edit")  # an earlier edit in the admin, labelled "name (e-mail)"
    mailbox.clear()
    url = f"/admin/participation/registrations/delete/{first.pk}/"
    assert (
        "waiting list" in admin_client.get(url).content.decode()
        or "Warteliste" in admin_client.get(url).content.decode()
    )
    response = admin_client.post(url)
    assert response.status_code == 302
    assert not Registration.objects.filter(pk=first.pk).exists()
    waiting.refresh_from_db()
    assert waiting.status == RegistrationStatus.CONFIRMED
    # The person moving up gets the e-mail with the join link; the deleted person gets none.
    assert [message.to for message in mailbox] == [["p2@example.org"]]
    assert "secret-room-4711" in mailbox[0].body and mailbox[0].attachments
    labels = list(ModelLogEntry.objects.filter(object_id=str(first.pk)).values_list("label", flat=True))
    assert len(labels) == 2  # the edit and the deletion stay in the history …
    assert not [label for label in labels if "Person en" in label or "p0@example.org" in label]  # … anonymously


def test_deleting_an_expression_of_interest_forgets_whose_it_was(admin_client, call, lands):
    admin_client.post(
        f"/de/participation/calls/{call.pk}/interest/", interest_data(call, lands, email="eoi@example.org")
    )
    interest = ExpressionOfInterest.objects.get()
    log(interest, "wagtail.edit")
    response = admin_client.post(f"/admin/participation/interest/delete/{interest.pk}/")
    assert response.status_code == 302 and not ExpressionOfInterest.objects.exists()
    labels = list(ModelLogEntry.objects.filter(object_id=str(interest.pk)).values_list("label", flat=True))
    assert len(labels) == 2 and not [label for label in labels if "example.org" in label or "Musterstadt" in label]


def test_restoring_a_cancelled_registration_of_someone_registered_again_is_refused_in_german(
    admin_client, event, mailbox
):
    old = fill(admin_client, event, 1, prefix="anna")[0]
    admin_client.post(f"/de/participation/registrations/{old.token}/cancel/")
    assert register(admin_client, event, email="anna0@example.org").status_code == 302  # registered again
    response = edit(admin_client, old, status="confirmed")
    assert response.status_code == 200  # the form again, not a 500
    html = response.content.decode()
    assert "bereits erneut angemeldet" in html
    old.refresh_from_db()
    assert old.status == RegistrationStatus.CANCELLED
    assert Registration.objects.filter(email="anna0@example.org").exclude(status="cancelled").count() == 1


def test_confirming_in_the_admin_sends_the_join_link_and_ics(admin_client, event, mailbox):
    registration = fill(admin_client, event, 1)[0]
    admin_client.post(f"/de/participation/registrations/{registration.token}/cancel/")
    mailbox.clear()
    assert edit(admin_client, registration, status="confirmed").status_code == 302
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CONFIRMED
    assert len(mailbox) == 1 and mailbox[0].to == ["p0@example.org"]
    assert "https://meet.example.org/secret-room-4711" in mailbox[0].body
    assert mailbox[0].attachments[0][0] == "event.ics"


def test_confirming_beyond_the_capacity_is_refused_unless_the_team_says_so(admin_client, event, mailbox):
    *_confirmed, waiting = fill(admin_client, event, 3)  # capacity 2: the third waits
    form = admin_client.get(f"/admin/participation/registrations/edit/{waiting.pk}/").content.decode()
    assert "Über die Kapazität hinaus bestätigen" in form
    mailbox.clear()
    response = edit(admin_client, waiting, status="confirmed")
    assert response.status_code == 200
    assert "Alle 2 Plätze sind vergeben" in response.content.decode()
    waiting.refresh_from_db()
    assert waiting.status == RegistrationStatus.WAITING and not mailbox

    assert edit(admin_client, waiting, status="confirmed", confirm_over_capacity="on").status_code == 302
    waiting.refresh_from_db()
    assert waiting.status == RegistrationStatus.CONFIRMED
    assert Registration.objects.filter(status="confirmed").count() == 3
    assert [message.to for message in mailbox] == [["p2@example.org"]]
    assert "secret-room-4711" in mailbox[0].body  # "a place is free for you", with the link


def test_putting_someone_on_the_waiting_list_tells_them_and_keeps_them_there(admin_client, event, mailbox):
    first, second = fill(admin_client, event, 2)
    mailbox.clear()
    assert edit(admin_client, first, status="waiting").status_code == 302
    first.refresh_from_db()
    assert first.status == RegistrationStatus.WAITING  # not moved straight up again into the free place
    assert [message.to for message in mailbox] == [["p0@example.org"]]
    assert "secret-room-4711" not in mailbox[0].body


def test_no_status_change_once_the_event_has_begun(admin_client, event, mailbox):
    *_confirmed, waiting = fill(admin_client, event, 3)
    first = Registration.objects.get(email="p0@example.org")
    event.start, event.end = timezone.now() - datetime.timedelta(hours=1), timezone.now() + datetime.timedelta(hours=1)
    event.save_revision().publish()
    mailbox.clear()
    response = edit(admin_client, first, status="cancelled", internal_note="no-show")
    assert response.status_code == 200 and "hat bereits begonnen" in response.content.decode()
    assert edit(admin_client, first, status="confirmed", internal_note="kam zu spät").status_code == 302
    first.refresh_from_db()
    waiting.refresh_from_db()
    assert (first.status, first.internal_note, waiting.status) == ("confirmed", "kam zu spät", "waiting")
    assert not mailbox


def test_exports_show_status_and_language_as_german_words(admin_client, event, call, lands):
    register(admin_client, event, email="fr@example.org", language="fr")
    admin_client.post(f"/fr/participation/calls/{call.pk}/interest/", interest_data(call, lands))
    registrations = b"".join(
        admin_client.get("/admin/participation/registrations/?export=csv").streaming_content
    ).decode()
    row = registrations.splitlines()[1]
    assert "Bestätigt" in row and "Französisch" in row
    assert ";confirmed;" not in row and ";fr;" not in row
    interests = b"".join(admin_client.get("/admin/participation/interest/?export=csv").streaming_content).decode()
    row = interests.splitlines()[1]
    assert "Neu" in row and "Französisch" in row and ";new;" not in row


def test_csv_export_opens_in_german_excel(admin_client, event):
    register(admin_client, event, email="uemit@example.org", name="Ümit Öztürk")
    registration = Registration.objects.get()
    moment = datetime.datetime(2026, 7, 1, 10, 15, 30, 123456, tzinfo=datetime.UTC)
    Registration.objects.filter(pk=registration.pk).update(created_at=moment)
    response = admin_client.get("/admin/participation/registrations/?export=csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    content = b"".join(response.streaming_content)
    assert content.startswith(b"\xef\xbb\xbf")  # UTF-8 byte order mark
    heading, row = content.decode("utf-8-sig").splitlines()[:2]
    assert "Ümit Öztürk" in row
    assert heading.count(";") == row.count(";") == 9  # ten columns, separated by ";"
    assert "(Europe/Berlin)" in heading
    # 10:15:30 UTC is 12:15:30 in Berlin in summer; no microseconds, no UTC.
    assert ";2026-07-01 12:15:30;" in row
    assert "123456" not in row and "+00:00" not in row


def test_xlsx_export_has_local_datetimes(admin_client, event):
    import io

    import openpyxl

    register(admin_client, event, email="a@example.org")
    moment = datetime.datetime(2026, 1, 15, 8, 0, 5, 999999, tzinfo=datetime.UTC)
    Registration.objects.update(created_at=moment)
    response = admin_client.get("/admin/participation/registrations/?export=xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    heading, row = [[cell.value for cell in line] for line in sheet.iter_rows(max_row=2)]
    column = next(index for index, title in enumerate(heading) if "(Europe/Berlin)" in title)
    assert row[column] == datetime.datetime(2026, 1, 15, 9, 0, 5)  # a real date-time, local, naive
