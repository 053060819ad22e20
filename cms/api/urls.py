"""The public API at /api/v2/: the index, the OpenAPI document and its docs page, then the router's endpoints."""

from django.urls import path, re_path

from . import views
from .http import conditional
from .router import api_router

urlpatterns = [
    path("api/v2/openapi.json", conditional(views.openapi_document), name="api_openapi"),
    path("api/v2/docs/", views.docs_page, name="api_docs"),
    path("api/v2/", conditional(views.api_index), name="api_index"),
    path("api/v2/", api_router.urls),
    # Anything else under /api/ is a JSON 404, not a redirect to a /de/… HTML page
    # (/api/v2 is left to APPEND_SLASH).
    re_path(r"^api/(?!v2$)", conditional(views.api_not_found), name="api_not_found"),
]
