"""cms/urls.py builds its patterns from the apps' Urls and Feed contributions (cms/platform.py)."""

import importlib

import pytest
from django.conf import settings
from django.http import HttpResponse
from django.urls import clear_url_caches, path, resolve
from django.utils import translation

from cms import urls as cms_urls
from cms.platform import Urls, registry


def contributed(request):
    return HttpResponse("contributed")


@pytest.fixture
def rebuilt_urls():
    """Rebuild the urlconf inside a registry override; restore the real one afterwards."""

    def rebuild():
        clear_url_caches()
        return importlib.reload(cms_urls)

    yield rebuild
    importlib.reload(cms_urls)
    clear_url_caches()


def names(patterns):
    return [getattr(pattern, "name", None) for pattern in patterns]


def test_contributed_patterns_keep_their_position(rebuilt_urls):
    urls = (
        Urls([path("admin/contributed/", contributed, name="before")], position="before_admin"),
        Urls([path("contributed.txt", contributed, name="root")], position="root"),
        Urls([path("contributed/", contributed, name="i18n")]),
    )
    with registry.override(*urls, app_label="programmes"):
        module = rebuilt_urls()
        root = names(module.urlpatterns)
        assert root.index("before") < root.index(None)  # the admin's include has no name
        assert root.index("root") < root.index("api_index")
        language_patterns = names(module.urlpatterns[-1].url_patterns)
        # Wagtail's page view matches every address, so it stays last, after what apps contribute.
        assert language_patterns[0] == "i18n" and language_patterns[-1] == "wagtail_serve"
        with translation.override("fr"):
            assert resolve("/fr/contributed/").func is contributed
        assert resolve("/contributed.txt").func is contributed
        assert resolve("/admin/contributed/").func is contributed


def test_without_contributions_only_the_core_and_wagtail_answer(rebuilt_urls):
    with registry.override():
        module = rebuilt_urls()
        assert "search" not in names(module.urlpatterns[-1].url_patterns)
        assert "security_txt" not in names(module.urlpatterns)
        assert resolve("/de/search/").url_name == "wagtail_serve"


@pytest.mark.parametrize(
    "url, module, name",
    [
        # The app's view before Wagtail's at the same address, and Wagtail's front-end login still there.
        (
            "/de/_util/authenticate_with_password/1/2/",
            "security.page_passwords",
            "wagtailcore_authenticate_with_password",
        ),
        ("/fr/_util/login/", "django.contrib.auth.views", "wagtailcore_login"),
        ("/admin/reports/site-history/", "wagtail.admin.auth", "kz_site_history"),
        ("/.well-known/security.txt", "security.well_known", "security_txt"),
        ("/widget/", "programmes.widget", "widget_frame"),
        ("/widget/demo/", "programmes.widget", "widget_demo"),
        ("/calendar/events/1.ics", "programmes.calendar", "event_ical"),
        ("/ar-dz/search/suggest/", "search.views", "search_suggest"),
        ("/en/_preview/abc/", "editorial_tools.preview_links", "shared_preview"),
        ("/de/feeds/calls.atom", "programmes.feeds", "calls_feed"),
    ],
)
def test_the_installed_apps_urls_resolve_as_before(url, module, name):
    # Only the active language's prefix resolves (LocaleMiddleware activates it from the address).
    prefix = url.split("/")[1]
    with translation.override(prefix if prefix in dict(settings.LANGUAGES) else "de"):
        match = resolve(url)
    assert (match.func.__module__, match.url_name) == (module, name)
