"""The platform's URLs: the core's own, then what installed apps contribute (cms.platform.Urls), and
Wagtail's page view last, under the language prefix, as it matches every address."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cms import health, media, routing
from cms import sitemap as platform_sitemap
from cms.api.urls import urlpatterns as api_urlpatterns
from cms.content_security import reports as csp_reports
from cms.platform import registry

urlpatterns = [
    # Outside the language prefixes: probes must not be redirected to /de/healthz.
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    # Before the admin, so that apps can replace admin views at their own addresses.
    *registry.urls("before_admin"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # Original image files, behind their collection's view restrictions (cms/media.py).
    path("images/<int:image_id>/original/", media.original_image, name="image_original"),
    path("sitemap.xml", platform_sitemap.sitemap_view, name="sitemap"),
    path("robots.txt", platform_sitemap.robots_txt, name="robots_txt"),
    *registry.urls("root"),
    # The policies' report-uri names this path (settings: CONTENT_SECURITY_POLICY*).
    path("csp-report/", csp_reports.csp_report, name="csp_report"),
    *api_urlpatterns,
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    *registry.urls("i18n"),
    *(path(feed.path, feed.view, name=feed.url_name) for feed in registry.feeds()),
    # Wagtail's own addresses (its front-end login), then its page view routed from the cached site root
    # (cms/routing.py) in place of Wagtail's, which would match every address before it.
    *(pattern for pattern in wagtail_urls.urlpatterns if pattern.name != "wagtail_serve"),
    re_path(wagtail_urls.serve_pattern, routing.serve, name="wagtail_serve"),
    prefix_default_language=True,
)

# Bad requests in the site's design, with header, footer and language (CSRF failures: settings).
handler400 = "cms.views.bad_request"
