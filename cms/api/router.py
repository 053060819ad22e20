"""The public API at /api/v2/: Wagtail's router with the platform's endpoints and HTTP behaviour."""

from django.urls import path, re_path
from wagtail.api.v2.router import WagtailAPIRouter

from cms.platform import registry

from .http import conditional


class PlatformAPIRouter(WagtailAPIRouter):
    # Registered, but not for listing in the index: it answers only with a preview token.
    unlisted = frozenset(["page_preview"])

    def wrap_view(self, func):
        return conditional(super().wrap_view(func))

    @property
    def listed_endpoints(self):
        return [name for name in self._endpoints if name not in self.unlisted]


def build_router():
    from .endpoints import DocumentsEndpoint, ImagesEndpoint, PagesEndpoint
    from .preview import PagePreviewEndpoint

    router = PlatformAPIRouter("wagtailapi")
    router.register_endpoint("pages", PagesEndpoint)
    router.register_endpoint("images", ImagesEndpoint)
    router.register_endpoint("documents", DocumentsEndpoint)
    for contributed in registry.api_endpoints():
        router.register_endpoint(contributed.name, contributed.endpoint)
    router.register_endpoint("page_preview", PagePreviewEndpoint)
    return router


api_router = build_router()


def urlpatterns():
    from . import views

    return [
        path("api/v2/openapi.json", conditional(views.openapi_document), name="api_openapi"),
        path("api/v2/docs/", views.docs_page, name="api_docs"),
        path("api/v2/", conditional(views.api_index), name="api_index"),
        path("api/v2/", api_router.urls),
        # Anything else under /api/ is a JSON 404, not a redirect to a /de/… HTML page
        # (/api/v2 is left to APPEND_SLASH).
        re_path(r"^api/(?!v2$)", conditional(views.api_not_found), name="api_not_found"),
    ]
