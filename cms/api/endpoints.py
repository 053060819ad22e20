"""Endpoints of the public API (Wagtail API v2): pages, images, documents and reference snippets.

Compared with Wagtail's own endpoints:
- only live, public, real pages (never drafts, pages behind view restrictions, aliases);
- strict query parameters: an unknown parameter or value is a 400 with a JSON message;
- related objects as small objects, localized into the item's language, prepared for a whole
  page of results in a fixed number of queries;
- ``meta.translations`` lists the other live real translations of each page.
"""

from collections import defaultdict
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import prefetch_related_objects
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import translation
from rest_framework.exceptions import APIException
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from wagtail.api import APIField
from wagtail.api.v2.filters import ChildOfFilter, DescendantOfFilter
from wagtail.api.v2.serializers import BaseSerializer, PageSerializer
from wagtail.api.v2.utils import BadRequestError, get_object_detail_url, page_models_from_string
from wagtail.api.v2.views import BaseAPIViewSet, PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.documents.models import Document
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.images.models import Image
from wagtail.models import Locale, Page, Site, TranslatableMixin
from wagtail.search.backends import get_search_backend
from wagtail.search.backends.base import FilterFieldError, OrderByFieldError

from cms import content_cache
from cms.image_alt import alt_for, default_language, with_alt_text_columns
from cms.languages import bcp47, direction
from cms.localization import attach_source_versions, localize_pairs, prefer_active_locale, public_pages
from cms.media import public_collection_members
from cms.platform import PageApi, registry

from . import fields as f
from .params import PAGE_PARAMETERS, parse_bool, parse_choice, parse_int, parse_locale, parse_moment

SEARCH_LIMIT = 500

# --- Shared behaviour --------------------------------------------------------------------


class JSONOnlyNegotiation(BaseContentNegotiation):
    """Always JSON. DRF's default would read ?format= (an event filter here) as a renderer choice."""

    def select_parser(self, request, parsers):
        return parsers[0] if parsers else None

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type


class StrictParametersMixin:
    """JSON only, every error a JSON message, every query parameter known."""

    renderer_classes = [JSONRenderer]
    content_negotiation_class = JSONOnlyNegotiation
    # Public and the same for everyone: no session is read, so answers do not vary by cookie.
    authentication_classes = []
    permission_classes = [AllowAny]
    # The languages of what the answer shows (Content-Language); None leaves the active language.
    content_languages = None
    known_query_parameters = frozenset(["limit", "offset", "fields"])

    # find/ (Wagtail's lookup that redirects to the detail URL) takes these; the pages endpoint adds html_path.
    find_query_parameters = frozenset(["id", "fields"])

    def check_query_parameters(self, queryset=None, known=None):
        known_parameters = self.known_query_parameters if known is None else known
        unknown = set(self.request.GET.keys()) - set(known_parameters)
        if unknown:
            known = ", ".join(sorted(known_parameters))
            raise BadRequestError(f"unknown query parameter: {', '.join(sorted(unknown))}; known: {known}")
        for name, values in self.request.GET.lists():
            if len(values) > 1:
                raise BadRequestError(f"query parameter {name} given more than once")
            if "\x00" in values[0]:
                raise BadRequestError(f"null characters are not allowed in {name}")

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if response.status_code >= 400:
            self.content_languages = ["en"]  # the messages are English, like the OpenAPI document
        if self.content_languages:
            order = [code for code, _name in settings.LANGUAGES] + ["en"]
            codes = sorted(set(self.content_languages), key=order.index)
            response["Content-Language"] = ", ".join(bcp47(code) for code in codes)
        return response

    def handle_exception(self, exc):
        if isinstance(exc, (BadRequestError, ValidationError, ValueError, FilterFieldError, OrderByFieldError)):
            message = "; ".join(exc.messages) if isinstance(exc, ValidationError) else str(exc)
            return Response({"message": message}, status=400)
        if isinstance(exc, Http404):
            return Response({"message": str(exc) or "not found"}, status=404)
        if isinstance(exc, APIException):
            return Response({"message": str(exc.detail)}, status=exc.status_code)
        return super().handle_exception(exc)

    def paginate_queryset(self, queryset):
        # Checked here so that a limit out of range is a 400 before any query runs.
        limit_max = settings.WAGTAILAPI_LIMIT_MAX
        limit = parse_int("limit", self.request.GET.get("limit", min(20, limit_max)))
        if limit < 1 or limit > limit_max:
            raise BadRequestError(f"limit must be between 1 and {limit_max}")
        parse_int("offset", self.request.GET.get("offset", 0))
        return super().paginate_queryset(queryset)

    def find_view(self, request):
        """find/?id=N: a redirect to the item's detail URL (other parameters, such as fields, go along)."""
        self.check_query_parameters(known=self.find_query_parameters)
        if "id" not in request.GET:
            raise BadRequestError("find needs id")
        item = self.get_queryset().filter(pk=parse_int("id", request.GET["id"])).first()
        if item is None:
            raise Http404("not found")
        return self.redirect_to_detail(request, type(item), item.pk, exclude=("id",))

    def redirect_to_detail(self, request, model, pk, exclude=()):
        url = get_object_detail_url(request.wagtailapi_router, request, model, pk)
        query = request.GET.copy()
        for name in exclude:
            query.pop(name, None)
        return redirect(f"{url}?{query.urlencode()}" if query else url)


# --- Pages -----------------------------------------------------------------------------------

# Orderings of every page type; page types add their own (PageApi.orderings).
CORE_ORDERINGS = {
    "title": "title",
    "first_published_at": "first_published_at",
    "last_published_at": "last_published_at",
    "id": "id",
}


def page_config(model):
    page_type = registry.page_type(model)
    return page_type.api if page_type else PageApi()


def api_page_models():
    return [page_type.model for page_type in registry.page_types()]


def page_filters():
    """{parameter: [(filter, page type model)]} of every page type's filters. The types that share one
    filter object come together, in the order the filter objects first appear."""
    by_filter = defaultdict(dict)
    for page_type in registry.page_types():
        for api_filter in page_type.api.filters:
            by_filter[api_filter.name].setdefault(api_filter, []).append(page_type.model)
    return {
        name: [(api_filter, model) for api_filter, models in groups.items() for model in models]
        for name, groups in by_filter.items()
    }


def page_orderings():
    """{order: (field, the page types that support it, or None for every type)}."""
    orderings = {name: (field_name, None) for name, field_name in CORE_ORDERINGS.items()}
    for page_type in registry.page_types():
        for name, field_name in page_type.api.orderings.items():
            orderings.setdefault(name, (field_name, []))[1].append(page_type.model)
    return orderings


def _translations(page, request):
    return [
        {"locale": code, "id": other.pk, "url": other.get_full_url(request)}
        for code, other in getattr(page, "_api_translations", [])
    ]


class LocalizedPageSerializer(PageSerializer):
    """Names from translation catalogues (countries, regions) in the page's own language."""

    def to_representation(self, instance):
        with translation.override(instance.locale.language_code):
            return super().to_representation(instance)


class LocalizedSnippetSerializer(BaseSerializer):
    """The same for a translatable snippet's row; the others (countries, regions) in the active language."""

    def to_representation(self, instance):
        if not isinstance(instance, TranslatableMixin):
            return super().to_representation(instance)
        with translation.override(instance.locale.language_code):
            return super().to_representation(instance)


class PagesEndpoint(StrictParametersMixin, PagesAPIViewSet):
    base_serializer_class = LocalizedPageSerializer
    filter_backends = [ChildOfFilter, DescendantOfFilter]

    @property
    def known_query_parameters(self):
        return PAGE_PARAMETERS | frozenset(page_filters())

    meta_fields = [
        "type",
        "detail_url",
        "html_url",
        "slug",
        "show_in_menus",
        "seo_title",
        "search_description",
        "first_published_at",
        "last_published_at",
        "parent",
        "locale",
        "dir",
        "translations",
    ]
    listing_default_fields = [
        "id",
        "type",
        "detail_url",
        "title",
        "html_url",
        "slug",
        "first_published_at",
        "last_published_at",
        "locale",
        "dir",
        "translations",
    ]

    @classmethod
    def get_body_fields(cls, model):
        return cls._convert_api_fields(cls.body_fields + list(page_config(model).fields))

    @classmethod
    def get_meta_fields(cls, model):
        extra = [
            APIField("last_published_at", serializer=f.DateTimeField()),
            APIField("first_published_at", serializer=f.DateTimeField()),
            APIField("dir", serializer=f.CallbackField(lambda page, request: direction(page.locale.language_code))),
            APIField("translations", serializer=f.CallbackField(_translations)),
        ]
        names = {field.name for field in extra}
        return cls._convert_api_fields([name for name in cls.meta_fields if name not in names] + extra)

    @classmethod
    def get_listing_default_fields(cls, model):
        return cls.listing_default_fields + list(page_config(model).listing)

    # -- Query set ------------------------------------------------------------------------

    def requested_models(self):
        value = self.request.GET.get("type")
        if not value:
            return []
        try:
            models = list(page_models_from_string(value))
        except (LookupError, ValueError) as error:
            raise BadRequestError(f"unknown page type “{value}”") from error
        known = api_page_models()
        for model in models:
            if model not in known:
                raise BadRequestError(f"unknown page type “{value}”")
        return models

    def get_base_queryset(self):
        """Live, public, real pages (no aliases) of this site, in every language."""
        return public_pages(Page.objects.live().filter(depth__gt=1, alias_of__isnull=True))

    def get_queryset(self):
        models = self.requested_models()
        if len(models) == 1:
            model = models[0]
            queryset = public_pages(model.objects.live().filter(alias_of__isnull=True))
        else:
            model = Page
            queryset = self.get_base_queryset()
            if models:
                queryset = queryset.type(*models)
        self.page_model = model
        return self._with_relations(queryset)

    def _with_relations(self, queryset):
        """What serializing a page of items needs, fetched for all of them at once: joined here, the
        many-valued relations prefetched (``self.prefetch``) only for the items not in the content cache."""
        config = page_config(self.page_model)
        related = [name for name, rel in config.relations.items() if not rel.many]
        # What a related object is shown with (a venue's country and region) is joined too.
        nested = [f"{name}__{path}" for name in related for path in config.relations[name].select_related]
        queryset = queryset.select_related("locale", *config.select_related, *nested)
        self.prefetch = [*config.prefetch_related, *(name for name, rel in config.relations.items() if rel.many)]
        return queryset.select_related(*related)

    def serialize(self, pages, request, view):
        """The serialized pages, each worked out once per content generation (cms/content_cache.py): an
        item depends only on published content, the page type asked for, ``fields`` and the site's address."""
        model = getattr(self, "page_model", Page)
        fields = request.GET.get("fields", "")
        address = (request.scheme, request.get_host())

        def build(missing):
            prefetch_related_objects(missing, *getattr(self, "prefetch", ()))
            prepare_pages(missing, request)
            data = self.get_serializer(missing, many=True).data
            return list(f.resolve_deferred(data, request))

        return content_cache.cached_many(
            f"api-page-{view}",
            [(page.pk, model._meta.label, fields, *address) for page in pages],
            build=lambda missing_indexes: build([pages[index] for index in missing_indexes]),
            request=request,
        )

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)  # child_of, descendant_of
        params = self.request.GET
        model = self.page_model
        for name, supported in page_filters().items():
            models = [supported_model for _filter, supported_model in supported]
            if name in params and model not in models:
                raise BadRequestError(
                    f"the {name} filter needs type= one of: " + ", ".join(m._meta.label for m in models)
                )
        self.search_locale = None
        if "locale" in params:
            locale = Locale.objects.filter(language_code=parse_locale(params["locale"])).first()
            if locale is None:
                return queryset.none()
            self.search_locale = locale
            if "fallback" in params and parse_bool("fallback", params["fallback"]):
                queryset = prefer_active_locale(queryset, locale)
            else:
                queryset = queryset.filter(locale=locale)
        elif "fallback" in params:
            raise BadRequestError("fallback needs locale")
        if "updated_since" in params:
            queryset = queryset.filter(last_published_at__gte=parse_moment("updated_since", params["updated_since"]))
        for api_filter in page_config(model).filters:
            if api_filter.name in params:
                queryset = api_filter.apply(queryset, params[api_filter.name], params, model)
        return self._order_and_search(queryset, params)

    def _order_and_search(self, queryset, params):
        ordering = None
        if "order" in params:
            value = params["order"]
            name = value.removeprefix("-")
            orderings = page_orderings()
            if name not in orderings:
                raise BadRequestError(
                    f"cannot order by “{value}”; known: {', '.join(orderings)} (prefix - for descending)"
                )
            field_name, types = orderings[name]
            if types and self.page_model not in types:
                raise BadRequestError(f"order={name} needs type={types[0]._meta.label}")
            ordering = ("-" if value.startswith("-") else "") + field_name
        if "search" in params and params["search"].strip():
            return self._search(queryset, params, ordering)
        return queryset.order_by(ordering or "path", "pk")

    def _search(self, queryset, params, ordering):
        """The site search's own matching (the "site_search" service), on exactly what the other filters
        let through; Wagtail's search backend where no app offers it.

        With ``locale``, the pages a visitor of that language finds (in relevance order unless
        ``order`` is given), restricted as ``locale`` and ``fallback`` say; without, the pages of
        every language, each query word tried in every language.
        """
        # The backend filters on indexed fields only: the other filters apply through the ids.
        candidates = self._with_relations(self.page_model.objects.filter(pk__in=queryset.values("pk")))
        if ordering:
            candidates = candidates.order_by(ordering, "id")
        site_search = registry.service("site_search")
        if site_search is None:
            return get_search_backend().search(params["search"], candidates, order_by_relevance=not ordering)
        locale = self.search_locale
        if locale is None:
            return site_search.every_language(candidates, params["search"], order_by_relevance=not ordering)
        return site_search.pages(candidates, params["search"], locale, order_by_relevance=not ordering)

    # -- Views ----------------------------------------------------------------------------

    def listing_view(self, request):
        self.check_query_parameters()
        queryset = self.filter_queryset(self.get_queryset())
        items = list(self.paginate_queryset(queryset))
        self.content_languages = [page.locale.language_code for page in items] or (
            [params_locale] if (params_locale := request.GET.get("locale")) else None
        )
        return self.get_paginated_response(self.serialize(items, request, "listing"))

    def detail_view(self, request, pk):
        self.check_query_parameters()
        self.page_model = Page
        page = self.get_object()
        self.content_languages = [page.locale.language_code]
        return Response(self.serialize([page], request, "detail")[0])

    def get_object(self):
        if not hasattr(self, "_cached_object"):
            pk = self.kwargs["pk"]
            page = self.get_base_queryset().filter(pk=pk).select_related("locale").first()
            if page is None:
                raise Http404("No page with this id is published.")
            self._cached_object = page.specific
        return self._cached_object

    find_query_parameters = frozenset(["html_path", "id", "fields"])

    def find_view(self, request):
        params = request.GET
        self.check_query_parameters(known=self.find_query_parameters)
        if "html_path" not in params and "id" not in params:
            raise BadRequestError("find needs html_path or id")
        item = None
        if "html_path" in params:
            item = find_by_path(request, params["html_path"])
        elif "id" in params:
            item = self.get_base_queryset().filter(pk=parse_int("id", params["id"])).first()
        if item is None:
            raise Http404(
                "No published page at this path." if "html_path" in params else "No page with this id is published."
            )
        model = Page if isinstance(item, Page) else type(item)
        return self.redirect_to_detail(request, model, item.pk, exclude=("html_path", "id"))


def find_by_path(request, html_path):
    """The live, public page (or partnership) at a visitor-facing path such as /fr/appels/mon-appel/.

    The first segment is the language prefix; the rest is routed from that language's home
    page. An alias (a page not yet translated) resolves to the page it stands for; a partnership's
    page under a partnership index to the partnership that page shows.
    """
    path = urlsplit(html_path).path
    components = [part for part in path.split("/") if part]
    if not components or components[0] not in dict(settings.LANGUAGES):
        raise BadRequestError("html_path must start with a language prefix: " + ", ".join(dict(settings.LANGUAGES)))
    site = Site.find_for_request(request) or Site.objects.filter(is_default_site=True).first()
    if site is None:
        return None
    home = (
        Page.objects.filter(translation_key=site.root_page.translation_key, locale__language_code=components[0])
        .live()
        .first()
    )
    if home is None:
        return None
    try:
        with translation.override(components[0]):
            page, args, _kwargs = home.specific.route(request, components[1:])
    except Http404:
        return None
    if not public_pages(Page.objects.filter(pk=page.pk)).exists():
        return None
    resolve_route = page_config(type(page)).resolve_route
    if resolve_route is not None:
        # A page's own sub-path (RoutablePageMixin) may show another object, such as a partnership.
        try:
            routed = resolve_route(page, args)
        except Http404:
            return None
        if routed is not None:
            return routed
    page = Page.objects.filter(pk=page.alias_of_id or page.pk)
    return public_pages(page.live()).filter(alias_of__isnull=True).first()


def prepare_pages(items, request):
    """Attach to each page its related objects (localized) and its translations, in a fixed number of queries."""
    if not items:
        return
    # Translations: other live, public, real versions.
    keys = {page.translation_key for page in items}
    versions = defaultdict(list)
    others = public_pages(Page.objects.live().filter(translation_key__in=keys, alias_of__isnull=True))
    for other in others.select_related("locale").order_by("locale__language_code"):
        versions[other.translation_key].append(other)
    for page in items:
        page._api_translations = [
            (other.locale.language_code, other) for other in versions[page.translation_key] if other.pk != page.pk
        ]

    # Status and dates of translated events and calls count from their source (one query per type).
    attach_source_versions([page for page in items if hasattr(type(page), "source_version")])

    by_model = defaultdict(list)
    for page in items:
        by_model[type(page)].append(page)
    for model, pages in by_model.items():
        config = page_config(model)
        for page in pages:
            page._api_related = {}
        for name, rel in config.relations.items():
            if not all(hasattr(page, name) for page in pages):
                continue
            queryset = None
            if issubclass(rel.model, Page):
                queryset = public_pages(rel.model.objects.live())
            elif rel.select_related:
                queryset = rel.model.objects.select_related(*rel.select_related)
            values = {page.pk: (list(getattr(page, name).all()) if rel.many else getattr(page, name)) for page in pages}
            localized = _localize(values, pages, queryset, rel.many)
            if issubclass(rel.model, Page):
                allowed = _visible_pages(localized.values(), rel.model, rel.many)
                for pk, value in localized.items():
                    if rel.many:
                        localized[pk] = [item for item in value if item.pk in allowed]
                    else:
                        localized[pk] = value if value is not None and value.pk in allowed else None
            for page in pages:
                page._api_related[name] = localized[page.pk]
        if config.prepare is not None:
            config.prepare(pages, request)


def _localize(values, pages, queryset, many):
    """Each related object in its item's locale, for all the items in one query."""
    pairs = []
    for page in pages:
        value = values[page.pk]
        pairs.extend((obj, page.locale_id) for obj in (value if many else [value]) if obj is not None)
    localized = {}
    if pairs and hasattr(pairs[0][0], "translation_key"):
        localized = dict(
            zip(((id(obj), locale_id) for obj, locale_id in pairs), localize_pairs(pairs, queryset), strict=True)
        )
    result = {}
    for page in pages:
        value = values[page.pk]
        if many:
            result[page.pk] = [localized.get((id(obj), page.locale_id), obj) for obj in value]
        else:
            result[page.pk] = localized.get((id(value), page.locale_id), value) if value is not None else None
    return result


def _visible_pages(values, model, many):
    pks = set()
    for value in values:
        for item in value if many else [value]:
            if item is not None:
                pks.add(item.pk)
    if not pks:
        return set()
    return set(public_pages(Page.objects.live().filter(pk__in=pks)).values_list("pk", flat=True))


# --- Images and documents ------------------------------------------------------------------------


class MediaListingMixin:
    """Images and documents: optional plain search, pages of items."""

    def listing_view(self, request):
        self.check_query_parameters()
        queryset = self.get_queryset()
        if request.GET.get("search", "").strip():
            queryset = queryset.search(request.GET["search"])
        items = list(self.paginate_queryset(queryset))
        return self.get_paginated_response(self.get_serializer(items, many=True).data)

    def detail_view(self, request, pk):
        self.check_query_parameters()
        return super().detail_view(request, pk)


class ImagesEndpoint(MediaListingMixin, StrictParametersMixin, ImagesAPIViewSet):
    """Images outside collections with view restrictions (cms.media). ``alt`` is in the language asked for
    with ``locale`` (German without), else German; ``alt_lang`` says which (cms.image_alt)."""

    known_query_parameters = frozenset(["limit", "offset", "fields", "search", "locale"])
    body_fields = ["id", "title", "width", "height"]
    meta_fields = ["type", "detail_url", "download_url"]
    listing_default_fields = ["id", "type", "detail_url", "title", "alt", "alt_lang", "rendition"]
    nested_default_fields = ["id", "type", "detail_url", "title"]

    @classmethod
    def get_body_fields(cls, model):
        return cls._convert_api_fields(
            cls.body_fields
            + [
                APIField("alt", serializer=f.CallbackField(lambda image, request: alt_for(image).text)),
                APIField("alt_lang", serializer=f.CallbackField(lambda image, request: alt_for(image).language)),
                APIField(
                    "rendition", serializer=f.CallbackField(lambda image, request: f.image_object(image, request))
                ),
            ]
        )

    @classmethod
    def get_meta_fields(cls, model):
        return cls._convert_api_fields(
            ["type", "detail_url", APIField("download_url", serializer=f.CallbackField(_image_original_url))]
        )

    def get_queryset(self):
        images = with_alt_text_columns(public_collection_members(Image.objects.all()))
        return images.order_by("id").prefetch_related("renditions")

    def alt_language(self):
        locale = self.request.GET.get("locale")
        return parse_locale(locale) if locale is not None else default_language()

    def listing_view(self, request):
        with translation.override(self.alt_language()):
            response = super().listing_view(request)
        self.content_languages = [item["alt_lang"] for item in response.data["items"] if "alt_lang" in item] or [
            self.alt_language()
        ]
        return response

    def detail_view(self, request, pk):
        with translation.override(self.alt_language()):
            response = super().detail_view(request, pk)
        self.content_languages = [response.data.get("alt_lang") or self.alt_language()]
        return response


def _image_original_url(image, request):
    # Through the view that checks the collection's restrictions and redirects to the stored file (a
    # signed, expiring URL with S3): a stable address, so the answer's ETag does not change with the signature.
    return f.absolute(reverse("image_original", args=[image.pk]), request)


class DocumentsEndpoint(MediaListingMixin, StrictParametersMixin, DocumentsAPIViewSet):
    """Documents outside collections with view restrictions (cms.media, as images)."""

    known_query_parameters = frozenset(["limit", "offset", "fields", "search"])
    body_fields = ["id", "title"]
    listing_default_fields = ["id", "type", "detail_url", "title", "download_url", "file_extension"]

    @classmethod
    def get_meta_fields(cls, model):
        return cls._convert_api_fields(
            [
                "type",
                "detail_url",
                APIField("download_url", serializer=f.CallbackField(lambda d, r: f.absolute(d.url, r))),
                APIField("file_extension", serializer=f.CallbackField(lambda d, r: d.file_extension)),
            ]
        )

    def get_queryset(self):
        return public_collection_members(Document.objects.all()).order_by("id")


# --- Reference snippets ----------------------------------------------------------------------------


class SnippetEndpoint(StrictParametersMixin, BaseAPIViewSet):
    """Read endpoint for a reference snippet; subclasses set model, api_fields, filters.

    ``filters`` names the query parameters it accepts: locale, country, status (``status_choices``)
    and search are read here; a subclass reads its own in ``filter_more`` and documents them in
    ``more_parameters`` (name, JSON schema, description).
    """

    base_serializer_class = LocalizedSnippetSerializer
    translatable = True
    site_search = False
    api_fields = []
    listing_fields = []
    filters = ()
    select_related = ()
    prefetch_related = ()
    status_choices = ()
    more_parameters = ()
    search_description = "Full-text search."
    body_fields = ["id"]
    nested_default_fields = ["id", "type", "detail_url"]

    @classmethod
    def get_body_fields(cls, model):
        return cls._convert_api_fields(cls.body_fields + list(cls.api_fields))

    @classmethod
    def get_meta_fields(cls, model):
        extra = []
        if cls.translatable:
            extra = [
                APIField("locale", serializer=f.CallbackField(lambda o, r: o.locale.language_code)),
                APIField("dir", serializer=f.CallbackField(lambda o, r: direction(o.locale.language_code))),
                APIField("translations", serializer=f.CallbackField(_snippet_translations)),
            ]
        return cls._convert_api_fields(["type", "detail_url"] + extra)

    @classmethod
    def get_listing_default_fields(cls, model):
        meta = ["locale", "dir", "translations"] if cls.translatable else []
        return ["id", "type", "detail_url"] + meta + list(cls.listing_fields)

    @classmethod
    def get_detail_default_fields(cls, model):
        return cls.get_available_fields(model)

    @property
    def known_query_parameters(self):
        return frozenset(["limit", "offset", "fields", *self.filters])

    def get_queryset(self):
        queryset = self.model._default_manager.all()
        return queryset.select_related(*self.select_related).prefetch_related(*self.prefetch_related).order_by("pk")

    def filter_items(self, queryset):
        params = self.request.GET
        if "locale" in params:
            queryset = queryset.filter(locale__language_code=parse_locale(params["locale"]))
        if "country" in params:
            code = params["country"].strip().upper()
            if len(code) != 2 or not code.isalpha():
                raise BadRequestError(f"country must be an ISO 3166-1 alpha-2 code, not “{params['country']}”")
            queryset = queryset.filter(country__code=code)
        if "status" in params:
            queryset = queryset.filter(status=parse_choice("status", params["status"], self.status_choices))
        queryset = self.filter_more(queryset, params)
        if params.get("search", "").strip():
            return self.search(queryset, params)
        return queryset

    def filter_more(self, queryset, params):
        return queryset

    def search(self, queryset, params):
        """Full-text search on what the other filters let through.

        Endpoints with ``site_search`` (partnerships) search as the site search does: the rows of
        ``locale`` (else every language) with the site search's per-language matching (the
        "site_search" service), in relevance order. Others search the model with Wagtail's search and keep their order.
        """
        site_search = registry.service("site_search") if self.site_search else None
        if site_search is None:
            results = get_search_backend().search(params["search"], self.model.objects.all())
            return queryset.filter(pk__in=[item.pk for item in results[:SEARCH_LIMIT]])
        # The backend filters on indexed fields only: the other filters apply through the ids.
        candidates = self.model._default_manager.filter(pk__in=queryset.values("pk"))
        candidates = candidates.select_related(*self.select_related).prefetch_related(*self.prefetch_related)
        if "locale" in params:
            locale = Locale.objects.filter(language_code=params["locale"]).first()
            return site_search.snippets(candidates, params["search"], locale) if locale else candidates.none()
        return site_search.every_language(candidates, params["search"])

    def listing_view(self, request):
        self.check_query_parameters()
        items = list(self.paginate_queryset(self.filter_items(self.get_queryset())))
        self.prepare(items)
        if self.translatable:
            self.content_languages = [item.locale.language_code for item in items] or (
                [params_locale] if (params_locale := request.GET.get("locale")) else None
            )
        return self.get_paginated_response(self.get_serializer(items, many=True).data)

    def detail_view(self, request, pk):
        self.check_query_parameters()
        item = self.get_queryset().filter(pk=pk).first()
        if item is None:
            raise Http404("not found")
        self._cached_object = item
        self.prepare([item])
        if self.translatable:
            self.content_languages = [item.locale.language_code]
        return Response(self.get_serializer(item).data)

    def get_object(self):
        return self._cached_object

    def prepare(self, items):
        if not items:
            return
        if self.translatable:
            keys = {item.translation_key for item in items}
            versions = defaultdict(list)
            for other in self.model._default_manager.filter(translation_key__in=keys).select_related("locale"):
                versions[other.translation_key].append(other)
            for item in items:
                item._api_translations = [
                    (other.locale.language_code, other)
                    for other in versions[item.translation_key]
                    if other.pk != item.pk
                ]
        self.prepare_more(items)

    def prepare_more(self, items):
        """What a subclass's fields need, for all the items at once."""


def _snippet_translations(item, request):
    router = request.wagtailapi_router
    return [
        {
            "locale": code,
            "id": other.pk,
            "url": f.absolute(router.get_object_detail_urlpath(type(other), other.pk), request),
        }
        for code, other in getattr(item, "_api_translations", [])
    ]
