"""The contribution interface: how a content app plugs into the core (docs/design/plugin-registry.md).

Each app declares what it contributes in ``<app>/contributions.py`` by calling :func:`register` with
the frozen records below; the core reads them from :data:`registry` and never imports the app. As with
Wagtail's ``wagtail_hooks.py`` and Django's ``admin.py``, the modules are found lazily, on the first
read, so importing this module costs nothing at start-up and an app that is not installed contributes
nothing. Admin UI (viewsets, menus, dashboard panels) stays on Wagtail hooks; the registry covers what
Wagtail has no hook for.
"""

import sys
import threading
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Any, Literal

from django.apps import apps
from django.core.exceptions import ImproperlyConfigured
from django.utils.module_loading import autodiscover_modules

Schema = dict[str, Any]

# The module every installed app may provide; found by autodiscover_modules.
CONTRIBUTIONS_MODULE = "contributions"


@dataclass(frozen=True)
class Relation:
    """An API field that holds another object (a snippet, a related page) rendered by its ApiObject."""

    model: type
    many: bool = False
    select_related: tuple[str, ...] = ()


@dataclass(frozen=True)
class PageApi:
    """A page type's part of the pages API: fields with their JSON schemas, filters and orderings."""

    fields: Sequence[Any] = ()  # APIField or field names, as Page.api_fields
    schema: Mapping[str, Schema] = field(default_factory=dict)  # every field name -> JSON schema
    relations: Mapping[str, Relation] = field(default_factory=dict)
    listing: Sequence[str] = ()  # fields shown in listings without ?fields=
    select_related: Sequence[str] = ()
    prefetch_related: Sequence[str] = ()
    filters: Sequence[Any] = ()  # cms.api.filters.ApiFilter
    orderings: Mapping[str, str] = field(default_factory=dict)  # ?order= value -> model lookup
    prepare: Callable[[list, Any], None] | None = None  # (pages, request): bulk-load what fields need
    resolve_route: Callable[[Any, tuple], Any] | None = None  # (page, remaining path parts) -> object


@dataclass(frozen=True)
class Section:
    """A top-level area of the site under the home page. Site setup creates its page where missing,
    titled in the default content language (a lazy translation is rendered in it)."""

    title: str
    slug: str
    order: int
    in_menu: bool = True
    approval: bool = False  # publishing goes through the approval workflow
    # False for pages editors create with their content (a programme): setup leaves them to the editors.
    created_by_setup: bool = True


@dataclass(frozen=True)
class PageType:
    """A page model the platform serves; every concrete project page model needs one."""

    model: type
    api: PageApi = PageApi()
    section: Section | None = None
    site_root: bool = False
    on_topic_pages: bool = False
    search: "PageSearch | None" = None  # a choice of the site search's type filter
    # Field values site setup gives the page it creates (the site root's required fields).
    setup_fields: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Facet:
    """A filter of the site search offered across types (?topic=, ?country=). Each PageSearch and
    SearchSource names the field of its model that the chosen value is looked up in."""

    name: str  # the query parameter
    label: str
    all_label: str  # the empty choice ("All topics")
    invalid_message: str  # for a value that is not a choice, with %(value)s
    choices: Callable[[Any], Iterable[tuple[str, str, Any]]]  # locale -> (value, label, lookup value), as shown
    order: int = 100


@dataclass(frozen=True)
class PageSearch:
    """A page type's choice in the site search's type filter; page types sharing ``key`` are one choice."""

    key: str  # the ?type= value
    label: str
    order: int = 100
    facets: Mapping[str, str] = field(default_factory=dict)  # facet name -> lookup from the model
    # page -> the result line beside the title: any of status, status_label, date, date_label and
    # year_only (the sources give only the year of the date: shown as the year).
    result: Callable[[Any], Mapping[str, Any]] | None = None


@dataclass(frozen=True)
class SearchSource:
    """Results of the site search that are not pages (snippets with a page to land on)."""

    key: str  # the ?type= value
    label: str
    model: type
    queryset: Callable[[], Any]  # every row, all languages: searched and suggested
    visible: Callable[[Any, Any], Any]  # (queryset, locale) -> the rows a visitor may be led to
    # (item, request, locale) -> url, text (the excerpt's source) and the result line (as PageSearch.result).
    describe: Callable[[Any, Any, Any], Mapping[str, Any]]
    facets: Mapping[str, str] = field(default_factory=dict)  # facet name -> lookup from the model
    result_related: Sequence[str] = ()  # select_related for what describe reads
    order: int = 100


@dataclass(frozen=True)
class SearchType:
    """One choice of the site search's type filter (built by the registry, not registered): the page
    models sharing a PageSearch key, or a SearchSource."""

    key: str
    label: str
    order: int
    page_models: tuple[type, ...] = ()
    source: SearchSource | None = None


@dataclass(frozen=True)
class ApiObject:
    """How the API renders an instance of a non-page model that page fields refer to."""

    model: type
    name: str  # the schema name in the OpenAPI document
    build: Callable[[Any], dict]  # instance -> JSON object
    schema: Schema


@dataclass(frozen=True)
class ApiEndpoint:
    """A snippet endpoint under /api/v2/<name>/ (a cms.api.endpoints.SnippetEndpoint), documented as
    ``<schema_name>Item`` with these properties besides id and meta."""

    name: str
    endpoint: type
    schema_name: str
    item_schema: Mapping[str, Schema]
    summary: str


@dataclass(frozen=True)
class Feed:
    """A feed linked from every page's head; ``path`` is below the language prefix."""

    url_name: str
    path: str
    view: Callable
    title: str
    media_type: str = "application/atom+xml"
    in_head: bool = True


@dataclass(frozen=True)
class Urls:
    """URL patterns the core includes: before the admin, at the root, or under the language prefix."""

    patterns: Sequence[Any]
    position: Literal["before_admin", "root", "i18n"] = "i18n"


@dataclass(frozen=True)
class NavigationEntry:
    key: str
    url_name: str
    label: str
    order: int = 1000


@dataclass(frozen=True)
class SitemapSource:
    """Sitemap entries that are not pages: (key, location, language, last modified)."""

    name: str
    entries: Callable[[Any], Iterable[tuple[Hashable, str, str, datetime | None]]]


@dataclass(frozen=True)
class SetupStep:
    """A site-setup step; ``run`` returns lines describing what it did."""

    name: str
    run: Callable[[], list[str]]
    order: int = 100


@dataclass(frozen=True)
class SnippetAccess:
    """A snippet model editors reach: translatable ones per language, shared ones by the admins."""

    model: type
    translatable: bool


Role = Literal["editor", "approver", "translator", "programme_team", "admin"]


@dataclass(frozen=True)
class PermissionGrant:
    roles: tuple[Role, ...]
    permissions: tuple[tuple[str, str], ...]  # (app label, codename)


@dataclass(frozen=True)
class Service:
    """A named implementation one app offers the others without an import (e.g. "site_search")."""

    name: str
    implementation: Any


@dataclass(frozen=True)
class SiteSearch:
    """The site search's matching, which the API uses to find what a visitor would find: the
    implementation of the "site_search" Service (the search app's). Without it the API falls back to
    Wagtail's search backend."""

    pages: Callable  # (queryset, text, locale, *, order_by_relevance) -> results in that language
    every_language: Callable  # (queryset, text, *, order_by_relevance) -> each word tried in every language
    snippets: Callable  # (queryset, text, locale) -> a translatable snippet's rows as that language shows them


@dataclass(frozen=True)
class DemoSnippets:
    """Demo snippets of one translatable model (``manage.py load_demo_content``), in the German source.

    Each item is a dict ``{"key": "bmz", <field>: <value>, ...}``; values may be the markers of
    :mod:`cms.demo` (``PageRef``, ``SnippetRef``, ``ImageRef``, ``FromNow``) or of a resolver of the
    DemoContent. The key is stable: the item's translation key is derived from ``(kind, key)``, so a
    second run finds it again and every database gives it the same key.
    """

    kind: str  # the namespace of the keys; pages refer to an item as SnippetRef(kind, key)
    model: type
    items: Sequence[Mapping[str, Any]]
    natural_key: Mapping[str, str]  # model field -> item key: finds an item saved without its demo key
    key_field: str | None = None  # a model field that gets the item's key (e.g. ApplicantType.code)
    before_pages: bool = True  # False for snippets that refer to pages: loaded once every page exists


@dataclass(frozen=True)
class DemoImages:
    """Demo images, found again by title: ``{"key", "file" (in ``directory``), "title", "description"}``.
    The description is the German alternative text and the msgid of its translations; pages show an
    image as ``ImageRef(key)``."""

    directory: Path
    items: Sequence[Mapping[str, str]]


@dataclass(frozen=True)
class DemoField:
    """A demo field the loader cannot simply set (e.g. an inline child relation), by field name."""

    assign: Callable[[Any, Any, Callable[[Any], Any]], None]  # (instance, demo value, resolve)
    fingerprint: Callable[[Any], Any]  # instance -> a comparable value, to save only what changed


@dataclass(frozen=True)
class DemoSite:
    """The demo site: its root page (a page key), its name and its site settings (a BaseSiteSetting
    model and demo field values). Exactly one DemoContent names it."""

    root: str
    name: str
    settings_model: type | None = None
    settings: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class DemoContent:
    """An app's part of the demo site, in German; ``manage.py load_demo_content`` loads every
    DemoContent in ``order`` and translates it from the PO files in ``po_dir``.

    A page is a dict ``{"key", "type" ("app.Model"), "parent" (the key of a page of any DemoContent,
    None for the tree root), "slug", "title", "show_in_menus" (optional), "fields": {name: value}}``.
    Field values may hold markers (``cms.demo``): ``PageRef(key)`` for a page of any app (rich text
    links write ``[[page:KEY]]``), ``SnippetRef(kind, key)``, ``ImageRef(key)``, ``FromNow(days,
    time)``, or the marker types of ``resolvers``. Pages are created in order (parents first, so an
    app's section lands after the sections of lower ``order``) and may refer to pages loaded later.
    ``po_dir`` holds ``fr.po``, ``ar_DZ.po`` and ``en.po`` with msgid = a German segment as
    wagtail-localize extracts it (a field value, a rich text paragraph, a slug).
    """

    pages: Sequence[Mapping[str, Any]] = ()
    snippets: Sequence[DemoSnippets] = ()  # in loading order; deleted in the reverse order by --reset
    images: DemoImages | None = None
    po_dir: Path | None = None
    site: DemoSite | None = None
    resolvers: Mapping[type, Callable[[Any], Any]] = field(default_factory=dict)  # marker type -> value
    fields: Mapping[str, DemoField] = field(default_factory=dict)
    # (queryset of every demo page, all languages) -> why --reset must not delete them, or None
    reset_guard: Callable[[Any], str | None] | None = None
    order: int = 100


class Registry:
    def __init__(self):
        self._by_app: dict[str, list] = {}
        self._discovered = False
        # Re-entrant: a contributions module may read the registry while it is being imported.
        self._lock = threading.RLock()

    def register(self, *contributions, app_label: str | None = None, _depth: int = 1) -> None:
        label = app_label or _caller_app_label(_depth + 1)
        registered = self._by_app.setdefault(label, [])
        for contribution in contributions:
            # Idempotent: a module imported twice (or a test re-running ready()) adds nothing.
            if contribution not in registered:
                registered.append(contribution)

    def discover(self) -> None:
        if self._discovered:
            return
        with self._lock:
            if not self._discovered:
                autodiscover_modules(CONTRIBUTIONS_MODULE)
                self._discovered = True

    def contributions(self, kind: type | None = None) -> list:
        """Contributions of installed apps, in INSTALLED_APPS order, then in registration order."""
        self.discover()
        found = []
        for app_config in apps.get_app_configs():
            found.extend(c for c in self._by_app.get(app_config.label, ()) if kind is None or isinstance(c, kind))
        return found

    def contributions_by_app(self, kind: type | None = None) -> list[tuple[str, Any]]:
        """(app label, contribution) pairs, for checks that name the app at fault."""
        self.discover()
        return [
            (app_config.label, c)
            for app_config in apps.get_app_configs()
            for c in self._by_app.get(app_config.label, ())
            if kind is None or isinstance(c, kind)
        ]

    def page_types(self) -> list[PageType]:
        return self.contributions(PageType)

    def page_type(self, model) -> PageType | None:
        """The PageType of ``model`` or of its nearest registered ancestor (specific pages subclass)."""
        by_model = {page_type.model: page_type for page_type in self.page_types()}
        return next((by_model[cls] for cls in model.__mro__ if cls in by_model), None)

    def facets(self) -> list[Facet]:
        return sorted(self.contributions(Facet), key=lambda facet: facet.order)

    def search_sources(self) -> list[SearchSource]:
        return sorted(self.contributions(SearchSource), key=lambda source: source.order)

    def search_types(self) -> dict[str, SearchType]:
        """The site search's type filter, key -> SearchType, by order; a key's first label counts
        (cms/checks.py reports a key with two)."""
        found: dict[str, SearchType] = {}
        for page_type in self.page_types():
            if search := page_type.search:
                known = found.get(search.key) or SearchType(search.key, search.label, search.order)
                found[search.key] = replace(known, page_models=(*known.page_models, page_type.model))
        for source in self.search_sources():
            found.setdefault(source.key, SearchType(source.key, source.label, source.order, source=source))
        return dict(sorted(found.items(), key=lambda item: item[1].order))

    def site_root(self) -> type | None:
        """The page model of every language's home page (platform.E009: exactly one)."""
        return next((pt.model for pt in self.page_types() if pt.site_root), None)

    def section_page_types(self) -> list[PageType]:
        """The page types that have a section, in section order."""
        return sorted((pt for pt in self.page_types() if pt.section), key=lambda pt: pt.section.order)

    def sections(self) -> list[Section]:
        return [pt.section for pt in self.section_page_types()]

    def api_objects(self) -> list[ApiObject]:
        return self.contributions(ApiObject)

    def api_endpoints(self) -> list[ApiEndpoint]:
        return self.contributions(ApiEndpoint)

    def feeds(self) -> list[Feed]:
        return self.contributions(Feed)

    def urls(self, position: str) -> list:
        return [pattern for urls in self.contributions(Urls) if urls.position == position for pattern in urls.patterns]

    def navigation(self) -> list[NavigationEntry]:
        return sorted(self.contributions(NavigationEntry), key=lambda entry: entry.order)

    def sitemap_sources(self) -> list[SitemapSource]:
        return self.contributions(SitemapSource)

    def setup_steps(self) -> list[SetupStep]:
        return sorted(self.contributions(SetupStep), key=lambda step: step.order)

    def snippet_access(self) -> list[SnippetAccess]:
        return self.contributions(SnippetAccess)

    def grants(self) -> list[PermissionGrant]:
        return self.contributions(PermissionGrant)

    def service(self, name: str, default=None):
        return next((s.implementation for s in self.contributions(Service) if s.name == name), default)

    def demo_contents(self) -> list[DemoContent]:
        return sorted(self.contributions(DemoContent), key=lambda content: content.order)

    @contextmanager
    def override(self, *contributions, app_label: str | None = None):
        """Replace every contribution with ``contributions`` (registered for ``app_label``, by default
        the caller's app) for the duration of a test; more can be registered inside the block."""
        # Import every contributions module first, so none registers into the temporary state.
        self.discover()
        saved = self._by_app
        self._by_app = {}
        try:
            if contributions:
                self.register(*contributions, app_label=app_label or _caller_app_label(3))
            yield self
        finally:
            self._by_app = saved


def _caller_app_label(depth: int) -> str:
    module = sys._getframe(depth).f_globals.get("__name__", "")
    app_config = apps.get_containing_app_config(module)
    if app_config is None:
        raise ImproperlyConfigured(f"{module} is not part of an installed app: pass app_label to register().")
    return app_config.label


registry = Registry()


def register(*contributions, app_label: str | None = None) -> None:
    """Register contributions for the calling module's app (``app_label`` to name another)."""
    registry.register(*contributions, app_label=app_label, _depth=2)
