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
from dataclasses import dataclass, field
from datetime import datetime
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
    """A top-level area of the site under the home page, created by site setup."""

    title: str
    slug: str
    order: int
    in_menu: bool = True
    approval: bool = False  # publishing goes through the approval workflow


@dataclass(frozen=True)
class PageType:
    """A page model the platform serves; every concrete project page model needs one."""

    model: type
    api: PageApi = PageApi()
    section: Section | None = None
    site_root: bool = False
    on_topic_pages: bool = False


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

    def site_root(self) -> type | None:
        """The page model of every language's site root (the one PageType with ``site_root``)."""
        return next((page_type.model for page_type in self.page_types() if page_type.site_root), None)

    def sections(self) -> list[Section]:
        return sorted((pt.section for pt in self.page_types() if pt.section), key=lambda s: s.order)

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
