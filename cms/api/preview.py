"""Headless preview (wagtail-headless-preview): draft content for an external front end, by token only.

When ``WAGTAIL_HEADLESS_PREVIEW["CLIENT_URLS"]`` is empty (no front end configured), pages
preview in the admin as usual. With a client configured, "Preview" hands the front end a signed
token; the front end reads the draft from ``/api/v2/page_preview/?content_type=…&token=…``.
A token is accepted for ``HEADLESS_PREVIEW_MAX_AGE`` seconds; without a valid token there is
no draft data.
"""

from django.apps import apps
from django.conf import settings
from django.core.signing import BadSignature, SignatureExpired
from django.http import Http404
from django.urls import path
from rest_framework.response import Response
from wagtail.api.v2.utils import BadRequestError
from wagtail_headless_preview.models import HeadlessPreviewMixin, PagePreview

from . import fields as f
from .endpoints import PagesEndpoint, prepare_pages


def page_from_token(content_type, token):
    try:
        app_label, model_name = content_type.split(".")
        model = apps.get_model(app_label, model_name)
    except (ValueError, LookupError) as error:
        raise BadRequestError("unknown content_type") from error
    if not issubclass(model, HeadlessPreviewMixin):
        raise BadRequestError("unknown content_type")
    try:
        model.get_preview_signer().unsign(token, max_age=settings.HEADLESS_PREVIEW_MAX_AGE)
    except SignatureExpired as error:
        raise Http404("This preview has expired.") from error
    except BadSignature as error:
        raise Http404("No preview for this token.") from error
    preview = PagePreview.objects.filter(token=token, content_type__app_label=app_label).first()
    if preview is None:
        raise Http404("No preview for this token.")
    page = preview.as_page()
    if not isinstance(page, model):
        raise Http404("No preview for this token.")
    return page


class PagePreviewEndpoint(PagesEndpoint):
    known_query_parameters = frozenset(["content_type", "token", "fields"])

    def listing_view(self, request):
        self.check_query_parameters()
        if "content_type" not in request.GET or "token" not in request.GET:
            raise BadRequestError("content_type and token are required")
        page = page_from_token(request.GET["content_type"], request.GET["token"])
        self._cached_object = page
        self.action = "detail_view"
        prepare_pages([page], request)
        response = Response(f.resolve_deferred(self.get_serializer(page).data, request))
        # Drafts must never be kept by a shared cache.
        response["Cache-Control"] = "private, no-store"
        return response

    def get_object(self):
        return self._cached_object

    @classmethod
    def get_urlpatterns(cls):
        return [path("", cls.as_view({"get": "listing_view"}), name="listing")]
