"""The public API's router: Wagtail's, with the platform's endpoints and HTTP behaviour (its URLs: cms/api/urls.py)."""

from wagtail.api.v2.router import WagtailAPIRouter

from cms.platform import registry

from .endpoints import DocumentsEndpoint, ImagesEndpoint, PagesEndpoint
from .http import conditional
from .preview import PagePreviewEndpoint


class PlatformAPIRouter(WagtailAPIRouter):
    # Registered, but not for listing in the index: it answers only with a preview token.
    unlisted = frozenset(["page_preview"])

    def wrap_view(self, func):
        return conditional(super().wrap_view(func))

    @property
    def listed_endpoints(self):
        return [name for name in self._endpoints if name not in self.unlisted]


def build_router():
    router = PlatformAPIRouter("wagtailapi")
    router.register_endpoint("pages", PagesEndpoint)
    router.register_endpoint("images", ImagesEndpoint)
    router.register_endpoint("documents", DocumentsEndpoint)
    for contributed in registry.api_endpoints():
        router.register_endpoint(contributed.name, contributed.endpoint)
    router.register_endpoint("page_preview", PagePreviewEndpoint)
    return router


api_router = build_router()
