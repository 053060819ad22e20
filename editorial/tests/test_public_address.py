"""PUBLIC_URL on a first install: ``setup_site`` on a freshly migrated database (Wagtail's ``localhost:80``
Site already there) moves the site to the public address, and every absolute URL of the API, feeds,
sitemap and page heads carries it; the reference data an editor needs is there, in every language."""

import io
import re

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Page, Site

from cms.public_url import PublicAddress, PublicUrlError, check_default_site, check_public_url, parse_public_url
from programmes.factories import CallForParticipationPageFactory, EventPageFactory
from programmes.models import ApplicantType, CallIndexPage, Country, EventIndexPage, Region

pytestmark = pytest.mark.django_db

PUBLIC = "https://kommunal.example.org"
ABSOLUTE = re.compile(r"""https?://[^\s"'<>\\]+""")
OURS = ("localhost", "127.0.0.1", "testserver", "kommunal.example.org")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("https://kommunal.example.org", PublicAddress("https", "kommunal.example.org", 443)),
        ("https://Kommunal.Example.org:443/", PublicAddress("https", "kommunal.example.org", 443)),
        ("http://127.0.0.1:8010", PublicAddress("http", "127.0.0.1", 8010)),
        ("http://example.org", PublicAddress("http", "example.org", 80)),
    ],
)
def test_parse_public_url(value, expected):
    assert parse_public_url(value) == expected


@pytest.mark.parametrize(
    "value", ["", "kommunal.example.org", "ftp://example.org", "https://example.org/site/", "https://example.org:8443"]
)
def test_addresses_a_site_cannot_stand_for_are_refused(value, settings):
    with pytest.raises(PublicUrlError):
        parse_public_url(value)
    settings.PUBLIC_URL = value
    assert [error.id for error in check_public_url()] == ["cms.E020"]
    with pytest.raises(CommandError, match="PUBLIC_URL"):
        call_command("setup_site", stdout=io.StringIO())


def test_root_url_and_port_of_the_site(settings):
    for value, root in [(PUBLIC, PUBLIC), ("http://127.0.0.1:8010", "http://127.0.0.1:8010")]:
        settings.PUBLIC_URL = value
        call_command("setup_site", stdout=io.StringIO())
        assert Site.objects.get(is_default_site=True).root_url == root  # no ":443", no ":80"
    # The options still win over PUBLIC_URL.
    call_command("setup_site", "--hostname", "andere.example.org", "--port", "443", stdout=io.StringIO())
    assert Site.objects.get(is_default_site=True).root_url == "https://andere.example.org"
    assert Site.objects.count() == 1


def absolute_urls(client, path):
    response = client.get(path, follow=True)
    assert response.status_code == 200, path
    text = b"".join(response.streaming_content).decode() if response.streaming else response.content.decode()
    return [url for url in ABSOLUTE.findall(text) if any(host in url for host in OURS)]


def test_a_fresh_install_at_the_public_address(client, settings):
    assert Site.objects.get(is_default_site=True).root_url == "http://localhost"  # what migrate made
    settings.PUBLIC_URL = PUBLIC
    settings.WAGTAILADMIN_BASE_URL = PUBLIC
    call_command("setup_site", stdout=io.StringIO())
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port, site.root_url) == ("kommunal.example.org", 443, PUBLIC)

    home = site.root_page
    call = CallForParticipationPageFactory(parent=CallIndexPage.objects.child_of(home).get(), slug="aufruf")
    event = EventPageFactory(parent=EventIndexPage.objects.child_of(home).get(), slug="treffen")
    found = []
    for path in [
        "/api/v2/",
        "/api/v2/pages/",
        f"/api/v2/pages/{call.pk}/",
        "/api/v2/pages/find/?html_path=/de/aufrufe/aufruf/",
        "/de/feeds/calls.atom",
        "/de/feeds/events.atom",
        f"/calendar/events/{event.pk}.ics",
        "/sitemap.xml",
        "/robots.txt",
        "/de/",
        call.url,
        event.url,
        "/widget/demo/",
    ]:
        urls = absolute_urls(client, path)
        assert urls, path
        found += urls
    wrong = [url for url in found if not url.startswith(PUBLIC + "/") and url != PUBLIC]
    assert not wrong, wrong
    assert f'<meta property="og:url" content="{PUBLIC}/de/aufrufe/aufruf/">' in client.get(call.url).content.decode()


def test_reference_data_in_every_language_and_idempotent():
    assert not Country.objects.exists() and not ApplicantType.objects.exists()
    call_command("setup_site", stdout=io.StringIO())
    assert set(Country.objects.values_list("code", flat=True)) >= {"DE", "DZ", "MA", "TN"}
    assert Region.objects.filter(code__startswith="DZ-").count() >= 48
    names = {(item.locale.language_code, item.code): item.name for item in ApplicantType.objects.all()}
    assert names[("de", "staedte")] == "Städte" and names[("fr", "staedte")] == "Villes"
    assert (
        names[("ar-dz", "gemeinden")] == "البلديات" and names[("en", "kommunale-unternehmen")] == "Municipal companies"
    )
    assert len(names) == 16
    # Translations share the German item's key, as wagtail-localize makes them.
    assert ApplicantType.objects.values("translation_key").distinct().count() == 4

    def state():
        return (
            Page.objects.count(),
            Country.objects.count(),
            Region.objects.count(),
            sorted(ApplicantType.objects.values_list("pk", "name", "code", "locale_id")),
            list(Site.objects.values_list("hostname", "port", "root_page_id")),
        )

    before = state()
    out = io.StringIO()
    call_command("setup_site", stdout=out)
    assert state() == before
    assert "Applicant types: all present" in out.getvalue() and "Places: all present" in out.getvalue()


def test_check_warns_while_the_default_site_is_elsewhere(settings):
    settings.PUBLIC_URL = PUBLIC
    assert check_default_site() == []  # only with --database
    assert [warning.id for warning in check_default_site(databases=["default"])] == ["cms.W020"]
    call_command("setup_site", stdout=io.StringIO())
    assert check_default_site(databases=["default"]) == []
