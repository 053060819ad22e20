from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cms import health, media, routing
from cms import sitemap as platform_sitemap
from cms.api.router import urlpatterns as api_urlpatterns
from cms.content_security import reports as csp_reports
from cms.platform import registry
from editorial import approval, site_history
from editorial_tools import preview_links
from programmes import calendar as event_calendar
from search import views as search_views
from security import page_passwords
from security import well_known as security_well_known

urlpatterns = [
    # Outside the language prefixes: probes must not be redirected to /de/healthz.
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    # Before the admin: replaces Wagtail's site history report at its own address (editorial/site_history.py).
    path("admin/reports/", include(site_history.urlpatterns)),
    # Before the admin: approving says what happened (editorial/approval.py).
    path("admin/pages/", include(approval.urlpatterns)),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # Original image files, behind their collection's view restrictions (cms/media.py).
    path("images/<int:image_id>/original/", media.original_image, name="image_original"),
    path("sitemap.xml", platform_sitemap.sitemap_view, name="sitemap"),
    path("robots.txt", platform_sitemap.robots_txt, name="robots_txt"),
    path(".well-known/security.txt", security_well_known.security_txt, name="security_txt"),
    path("calendar/events/<int:pk>.ics", event_calendar.event_ics, name="event_ical"),
    path("widget/", include("cms.api.widget_urls")),
    # The policies' report-uri names this path (settings: CONTENT_SECURITY_POLICY*).
    path("csp-report/", csp_reports.csp_report, name="csp_report"),
    *api_urlpatterns(),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("search/", search_views.search, name="search"),
    path("participation/", include("participation.urls")),
    path("search/suggest/", search_views.suggest, name="search_suggest"),
    *(path(feed.path, feed.view, name=feed.url_name) for feed in registry.feeds()),
    # Before Wagtail's own at the same address: page passwords are throttled (security/page_passwords.py).
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        page_passwords.authenticate_with_password,
        name="wagtailcore_authenticate_with_password",
    ),
    # A page's draft for people without an account, by secret link (editorial_tools/preview_links.py).
    path("_preview/<str:token>/", preview_links.shared_preview, name="shared_preview"),
    # Wagtail's own addresses (its front-end login), then its page view routed from the cached site root
    # (cms/routing.py) in place of Wagtail's, which would match every address before it.
    *(pattern for pattern in wagtail_urls.urlpatterns if pattern.name != "wagtail_serve"),
    re_path(wagtail_urls.serve_pattern, routing.serve, name="wagtail_serve"),
    prefix_default_language=True,
)

# Bad requests in the site's design, with header, footer and language (CSRF failures: settings).
handler400 = "cms.views.bad_request"
