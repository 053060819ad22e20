"""The second factor in the admin: required where personal data is readable, optional elsewhere."""

import re
from io import StringIO

import pytest
from django.contrib.auth.models import Group, Permission
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from editorial.roles import EDITOR_GROUP, PROGRAMME_TEAM_GROUP, setup_roles

pytestmark = pytest.mark.django_db

VERIFY = "/admin/2fa/verify/"
SETUP = "/admin/2fa/setup/"


@pytest.fixture(autouse=True)
def _enforced(settings):
    settings.OTP_REQUIRED = True


@pytest.fixture
def roles(db):
    setup_roles()


def member(django_user_model, group_name, username):
    user = django_user_model.objects.create_user(username, f"{username}@example.org", "pw")
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def team_member(django_user_model, roles):
    return member(django_user_model, PROGRAMME_TEAM_GROUP, "team")


@pytest.fixture
def editor(django_user_model, roles):
    return member(django_user_model, EDITOR_GROUP, "redaktion")


def current_code(device, offset=0):
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = totp.time + offset * device.step
    return f"{totp.token():0{device.digits}d}"


def enrol(client):
    """Enrol through the screens; returns the device and the recovery codes shown."""
    page = client.get(SETUP)
    assert page.status_code == 200
    device = TOTPDevice.objects.get(user_id=client.session["_auth_user_id"], confirmed=False)
    response = client.post(SETUP, {"token": current_code(device)})
    assert response.status_code == 200
    codes = re.findall(r"<code>([0-9a-f]{5}-[0-9a-f]{5})</code>", response.content.decode())
    device.refresh_from_db()
    return device, codes


def test_a_required_user_without_device_is_sent_to_enrolment_before_any_admin_page(client, team_member):
    client.force_login(team_member)
    for url in ("/admin/", "/admin/participation/registrations/"):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(SETUP + "?next=")


def test_superusers_are_required_too(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("chef", "c@example.org", "pw"))
    assert client.get("/admin/")["Location"].startswith(SETUP)


def test_enrolment_shows_qr_code_uri_and_key_in_german_then_ten_recovery_codes(client, team_member):
    client.force_login(team_member)
    page = client.get(SETUP)
    body = page.content.decode()
    assert "Zwei-Faktor-Anmeldung einrichten" in body
    assert "<svg" in body and "otpauth://totp/" in body
    device = TOTPDevice.objects.get(user=team_member, confirmed=False)
    assert "issuer=Kommunale%20Zusammenarbeit" in device.config_url
    response = client.post(SETUP, {"token": "000000" if current_code(device) != "000000" else "111111"})
    assert "Dieser Code ist nicht gültig" in response.content.decode()
    device.refresh_from_db()
    assert device.throttling_failure_count == 1  # django-otp slows down the next attempt
    device.throttle_reset()
    response = client.post(SETUP, {"token": current_code(device)})
    codes = re.findall(r"<code>([0-9a-f]{5}-[0-9a-f]{5})</code>", response.content.decode())
    assert len(set(codes)) == 10
    assert "Ihre Wiederherstellungscodes" in response.content.decode()
    device.refresh_from_db()
    assert device.confirmed
    # The session that enrolled is verified: the admin opens.
    assert client.get("/admin/").status_code == 200


def test_with_a_device_each_new_session_asks_for_a_token(client, team_member, settings):
    client.force_login(team_member)
    device, _ = enrol(client)
    client.logout()
    client.force_login(team_member)
    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert response["Location"] == VERIFY + "?next=/admin/pages/"
    page = client.get(response["Location"])
    assert "Zwei-Faktor-Anmeldung" in page.content.decode()
    # A wrong token is refused; the admin stays closed.
    wrong = client.post(VERIFY, {"token": "12345", "next": "/admin/pages/"})
    assert wrong.status_code == 200
    assert "Dieser Code ist nicht gültig" in wrong.content.decode()
    assert client.get("/admin/")["Location"].startswith(VERIFY)
    # The next time step's code (the enrolment code's step cannot be used twice).
    device.throttling_failure_count = 0
    device.throttling_failure_timestamp = None
    device.save()
    right = client.post(VERIFY, {"token": current_code(device, offset=1), "next": "/admin/pages/"})
    assert right.status_code == 302
    assert right["Location"] == "/admin/pages/"
    assert client.get("/admin/").status_code == 200


def test_a_recovery_code_works_once(client, team_member):
    client.force_login(team_member)
    _device, codes = enrol(client)
    code = codes[0]
    client.logout()
    client.force_login(team_member)
    response = client.post(VERIFY, {"token": code.upper(), "next": "/admin/"})
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert StaticToken.objects.filter(device__user=team_member).count() == 9
    client.logout()
    client.force_login(team_member)
    again = client.post(VERIFY, {"token": code, "next": "/admin/"})
    assert again.status_code == 200
    assert "Dieser Code ist nicht gültig" in again.content.decode()


def test_an_unsafe_next_after_the_token_goes_to_the_dashboard(client, team_member):
    client.force_login(team_member)
    _device, codes = enrol(client)
    client.logout()
    client.force_login(team_member)
    response = client.post(VERIFY, {"token": codes[1], "next": "https://evil.example/"})
    assert response["Location"] == "/admin/"


def test_an_optional_user_may_skip_and_switch_it_on_later(client, editor):
    client.force_login(editor)
    assert client.get("/admin/").status_code == 200
    page = client.get(SETUP).content.decode()
    assert "Nicht jetzt" in page
    device, codes = enrol(client)
    assert device.confirmed and len(codes) == 10
    manage = client.get("/admin/2fa/").content.decode()
    assert "ist für Ihr Konto eingeschaltet" in manage
    client.post("/admin/2fa/", {"action": "disable"})
    assert not TOTPDevice.objects.filter(user=editor).exists()
    assert not StaticToken.objects.filter(device__user=editor).exists()


def test_a_required_user_cannot_switch_it_off(client, team_member):
    client.force_login(team_member)
    enrol(client)
    assert "Ausschalten" not in client.get("/admin/2fa/").content.decode()
    client.post("/admin/2fa/", {"action": "disable"})
    assert TOTPDevice.objects.filter(user=team_member, confirmed=True).exists()


def test_new_recovery_codes_replace_the_old_ones(client, editor):
    client.force_login(editor)
    _device, old = enrol(client)
    response = client.post("/admin/2fa/", {"action": "recovery_codes"})
    new = re.findall(r"<code>([0-9a-f]{5}-[0-9a-f]{5})</code>", response.content.decode())
    assert len(new) == 10 and not set(new) & set(old)
    assert StaticToken.objects.filter(device__user=editor).count() == 10


def test_the_requirement_follows_the_permission_to_read_personal_data(django_user_model, roles):
    from security.otp import second_factor_required

    user = django_user_model.objects.create_user("neu", "n@example.org", "pw")
    assert not second_factor_required(user)
    user.user_permissions.add(Permission.objects.get(codename="view_registration"))
    user = django_user_model.objects.get(pk=user.pk)  # permission cache
    assert second_factor_required(user)


def test_development_may_switch_the_requirement_off(client, team_member, settings):
    settings.OTP_REQUIRED = False
    client.force_login(team_member)
    assert client.get("/admin/").status_code == 200


def test_the_demo_admin_command_says_how_the_second_factor_stands(db, settings):

    from django.core.management import call_command

    settings.OTP_REQUIRED = False
    out = StringIO()
    call_command("ensure_demo_admin", stdout=out)
    assert "second factor: off in development (OTP_REQUIRED=0)" in out.getvalue()


def test_an_administrator_removes_a_lost_second_factor(client, team_member):
    from django.core.management import call_command

    client.force_login(team_member)
    enrol(client)
    call_command("reset_second_factor", "team", stdout=StringIO())
    assert not TOTPDevice.objects.filter(user=team_member).exists()
    assert not StaticToken.objects.filter(device__user=team_member).exists()
    client.logout()
    client.force_login(team_member)
    assert client.get("/admin/")["Location"].startswith(SETUP)


def test_the_account_page_links_to_the_second_factor(client, editor):
    client.force_login(editor)
    body = client.get("/admin/account/").content.decode()
    assert 'href="/admin/2fa/"' in body
    assert "Zwei-Faktor-Anmeldung" in body
