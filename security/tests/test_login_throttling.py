"""Admin and front-end logins lock after LOGIN_FAILURE_LIMIT failures per user name AND address (django-axes)."""

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.models import Permission

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("redakteurin", "r@example.org", "richtig-geheim", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


def login(client, password, address="192.0.2.10", username="redakteurin"):
    return client.post(LOGIN, {"username": username, "password": password, "next": "/admin/"}, REMOTE_ADDR=address)


def fail(client, times, **kwargs):
    """Wrong passwords: the form again until the limit (5), the lockout from the failure that reaches it."""
    statuses = [login(client, "falsch", **kwargs).status_code for _ in range(times)]
    assert statuses == [200 if n < 5 else 429 for n in range(1, times + 1)]


def test_five_wrong_passwords_lock_the_user_out_from_that_address_the_right_one_included(client, editor):
    fail(client, 5)
    response = login(client, "richtig-geheim")
    assert response.status_code == 429
    assert int(response["Retry-After"]) == 15 * 60
    body = response.content.decode()
    assert "Anmeldung gesperrt" in body
    assert "15 Minuten" in body
    assert "_auth_user_id" not in client.session


def test_four_wrong_passwords_still_let_the_right_one_in_and_reset_the_count(client, editor):
    fail(client, 4)
    assert login(client, "richtig-geheim").status_code == 302
    assert not AccessAttempt.objects.exists()  # AXES_RESET_ON_SUCCESS


def test_the_lock_holds_for_that_address_only(client, editor):
    fail(client, 5)
    assert login(client, "richtig-geheim").status_code == 429
    assert login(client, "richtig-geheim", address="198.51.100.7").status_code == 302


def test_the_address_comes_from_the_trusted_proxy_not_from_the_client(client, editor, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    for n in range(5):
        # The client varies the leftmost entry; the proxy's entry (rightmost) stays the same.
        client.post(
            LOGIN,
            {"username": "redakteurin", "password": "falsch"},
            REMOTE_ADDR="10.0.0.1",
            HTTP_X_FORWARDED_FOR=f"203.0.113.{n}, 192.0.2.10",
        )
    attempt = AccessAttempt.objects.get()
    assert (attempt.ip_address, attempt.failures_since_start) == ("192.0.2.10", 5)


def test_the_lockout_page_is_german_in_the_admin(client, editor):
    fail(client, 5)
    body = login(client, "falsch").content.decode()
    assert 'lang="de"' in body
    assert "Zu viele fehlgeschlagene Anmeldeversuche" in body


def test_front_end_login_is_throttled_too(client, editor, site):
    for _ in range(5):
        client.post("/de/_util/login/", {"username": "redakteurin", "password": "falsch"}, REMOTE_ADDR="192.0.2.10")
    response = client.post(
        "/de/_util/login/", {"username": "redakteurin", "password": "richtig-geheim"}, REMOTE_ADDR="192.0.2.10"
    )
    assert response.status_code == 429
    assert "Zu viele Versuche" in response.content.decode()


def test_front_end_login_with_an_unsafe_next_lands_on_the_home_page(client, editor, site):
    response = client.post(
        "/de/_util/login/?next=https://evil.example/",
        {"username": "redakteurin", "password": "richtig-geheim"},
    )
    assert response.status_code == 302
    assert response["Location"] == "/"
    home = client.get("/")
    assert (home.status_code, home["Location"]) == (302, "/de/")  # the language's home, not a 404


class TestUnlock:
    URL = "/admin/reports/locked-logins/"

    def test_an_administrator_sees_the_lock_and_lifts_it(self, client, editor, admin_client):
        fail(client, 5)
        page = admin_client.get(self.URL)
        assert page.status_code == 200
        body = page.content.decode()
        assert "Gesperrte Anmeldungen" in body
        assert "redakteurin" in body and "192.0.2.10" in body and "Gesperrt" in body
        attempt = AccessAttempt.objects.get()
        response = admin_client.post(self.URL, {"attempt": attempt.pk}, follow=True)
        assert "Entsperrt: redakteurin von 192.0.2.10." in response.content.decode()
        assert login(client, "richtig-geheim").status_code == 302

    def test_only_user_managers_may_see_or_unlock(self, client, editor):
        fail(client, 5, username="jemand")
        client.force_login(editor)
        assert client.get(self.URL).status_code == 302  # Wagtail's permission denied: back to the dashboard
        client.post(self.URL, {"attempt": AccessAttempt.objects.get().pk})
        assert AccessAttempt.objects.filter(username="jemand").exists()
