"""Page passwords (PasswordViewRestriction) lock per address and page after LOGIN_FAILURE_LIMIT wrong ones."""

import pytest
from wagtail.models import PageViewRestriction

pytestmark = pytest.mark.django_db


@pytest.fixture
def restricted(site):
    restriction = PageViewRestriction.objects.create(
        page=site.partnership_index, restriction_type=PageViewRestriction.PASSWORD, password="sesam"
    )
    return restriction, site.partnership_index


def submit(client, restricted, password, address="192.0.2.20", language="de"):
    restriction, page = restricted
    return client.post(
        f"/{language}/_util/authenticate_with_password/{restriction.pk}/{page.pk}/",
        {"password": password, "return_url": page.url},
        REMOTE_ADDR=address,
    )


def test_five_wrong_passwords_lock_the_page_for_that_address(client, restricted):
    assert [submit(client, restricted, "falsch").status_code for _ in range(5)] == [200, 200, 200, 200, 429]
    response = submit(client, restricted, "sesam")
    assert response.status_code == 429
    assert int(response["Retry-After"]) == 15 * 60
    assert "Zu viele Versuche" in response.content.decode()
    # Another address is not affected.
    assert submit(client, restricted, "sesam", address="198.51.100.8").status_code == 302


def test_the_right_password_before_the_limit_passes_and_starts_the_count_again(client, restricted):
    for _ in range(4):
        submit(client, restricted, "falsch")
    assert submit(client, restricted, "sesam").status_code == 302
    for _ in range(4):
        assert submit(client, restricted, "falsch").status_code == 200
    assert submit(client, restricted, "sesam").status_code == 302


@pytest.mark.parametrize(
    ("language", "text"),
    [("fr", "Trop de tentatives"), ("ar-dz", "محاولات كثيرة جدًا"), ("en", "Too many attempts")],
)
def test_the_lockout_page_speaks_the_visitors_language(client, restricted, language, text):
    for _ in range(5):
        submit(client, restricted, "falsch", language=language)
    response = submit(client, restricted, "sesam", language=language)
    assert response.status_code == 429
    body = response.content.decode()
    assert text in body
    assert f'lang="{language}"' in body.lower()
    assert ('dir="rtl"' in body) == (language == "ar-dz")


def test_a_wrong_password_still_shows_wagtails_form(client, restricted):
    response = submit(client, restricted, "falsch")
    assert response.status_code == 200
    assert 'name="password"' in response.content.decode()
