"""/.well-known/security.txt (RFC 9116) from the settings; 404 until configured."""

import pytest

pytestmark = pytest.mark.django_db  # the 404 page reads the site settings

URL = "/.well-known/security.txt"


@pytest.fixture
def configured(settings):
    settings.SECURITY_CONTACT = ["security@kommunal.example.org", "https://kommunal.example.org/de/kontakt/"]
    settings.SECURITY_TXT_EXPIRES = "2027-06-30T00:00:00+00:00"
    settings.SECURITY_TXT_LANGUAGES = ["de", "en", "fr"]
    return settings


def test_not_configured_is_not_found(client, settings):
    settings.SECURITY_CONTACT = []
    assert client.get(URL).status_code == 404


def test_contact_without_expiry_is_not_served(client, configured):
    configured.SECURITY_TXT_EXPIRES = ""
    assert client.get(URL).status_code == 404


def test_the_fields_rfc_9116_asks_for(client, configured):
    response = client.get(URL)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response.content.decode().splitlines() == [
        "Contact: mailto:security@kommunal.example.org",
        "Contact: https://kommunal.example.org/de/kontakt/",
        "Expires: 2027-06-30T00:00:00+00:00",
        "Preferred-Languages: de, en, fr",
        "Canonical: http://testserver/.well-known/security.txt",
    ]


def test_canonical_uses_the_public_url_where_set(client, configured):
    configured.PUBLIC_URL = "https://kommunal.example.org"
    assert "Canonical: https://kommunal.example.org/.well-known/security.txt" in client.get(URL).content.decode()
