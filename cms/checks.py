"""System checks: the public address (cms/public_url.py), running on more than one process, and the
contributions of the apps (cms/platform.py).

Rate limits (participation), login throttling and, with a cache session engine, sessions keep their
state in the default cache. A per-process cache gives every gunicorn worker its own counters (a limit
of 10 becomes 10 per worker and host) and logs visitors out when the next request reaches another
worker. Production settings (``REQUIRE_SHARED_CACHE = True``) make this an error that stops
``migrate`` and ``check``; elsewhere ``check --deploy`` warns.
"""

from collections import defaultdict
from pathlib import Path

from django.conf import settings
from django.core import checks
from django.urls import URLPattern
from wagtail.models import Page, get_page_models

from cms.api.params import CORE_ENDPOINTS, PAGE_PARAMETERS
from cms.platform import (
    ApiEndpoint,
    ApiObject,
    Facet,
    Feed,
    NavigationEntry,
    PageType,
    SearchSource,
    SitemapSource,
    SnippetAccess,
    Urls,
    registry,
)
from cms.public_url import check_default_site, check_public_url

checks.register(check_public_url)
checks.register(check_default_site, checks.Tags.database)

PER_PROCESS_CACHES = {
    "django.core.cache.backends.locmem.LocMemCache": "a memory cache of each process",
    "django.core.cache.backends.dummy.DummyCache": "no cache at all",
    "django.core.cache.backends.filebased.FileBasedCache": "files on one host",
}
CACHE_ONLY_SESSIONS = "django.contrib.sessions.backends.cache"


def _per_process(alias):
    backend = settings.CACHES.get(alias, {}).get("BACKEND", "")
    return backend, PER_PROCESS_CACHES.get(backend)


def shared_cache_problems(level):
    """(id suffix, message, hint) for each state that needs a shared cache but has none."""
    cls, prefix = (checks.Error, "cms.E") if level == "error" else (checks.Warning, "cms.W")
    messages = []
    backend, kind = _per_process("default")
    if kind:
        messages.append(
            cls(
                f"The default cache is {backend} ({kind}): rate limits and login throttling "
                "count per process, so every limit multiplies with workers and hosts.",
                hint="Set REDIS_URL to a Redis server all app processes share (docs/deployment.md).",
                id=f"{prefix}010",
            )
        )
    if settings.SESSION_ENGINE == CACHE_ONLY_SESSIONS:
        alias = getattr(settings, "SESSION_CACHE_ALIAS", "default")
        session_backend, session_kind = _per_process(alias)
        if session_kind:
            messages.append(
                cls(
                    f"SESSION_ENGINE keeps sessions only in the cache '{alias}', which is {session_backend} "
                    f"({session_kind}): logins are lost between workers and on every restart.",
                    hint="Use a shared cache (REDIS_URL) or the database / cached_db session engine.",
                    id=f"{prefix}011",
                )
            )
    return messages


@checks.register(checks.Tags.caches)
def check_shared_cache(app_configs=None, **kwargs):
    if not getattr(settings, "REQUIRE_SHARED_CACHE", False):
        return []
    return shared_cache_problems("error")


@checks.register(checks.Tags.caches, deploy=True)
def check_shared_cache_deploy(app_configs=None, **kwargs):
    # Production already reports these as errors; say it once.
    if getattr(settings, "REQUIRE_SHARED_CACHE", False):
        return []
    return shared_cache_problems("warning")


# --- Contributions (cms/platform.py): names and models that must be unique ----------------------


def _clashes(named, what, error_id, hint):
    """An error for each key claimed more than once; ``named`` holds (key, app label) pairs."""
    apps_by_key = defaultdict(list)
    for key, app_label in named:
        apps_by_key[key].append(app_label)
    return [
        checks.Error(f"{what} {key!r} is contributed {len(labels)} times (by {', '.join(labels)}).", hint, id=error_id)
        for key, labels in apps_by_key.items()
        if len(labels) > 1
    ]


def project_page_models():
    """Concrete page models of the project's own apps: packages at the top of the repository (not
    Wagtail's, not an installed package's, wherever the virtualenv lives)."""
    base = Path(settings.BASE_DIR).resolve()
    return [model for model in get_page_models() if Path(model._meta.app_config.path).resolve().parent == base]


@checks.register()
def check_page_models_registered(app_configs=None, **kwargs):
    """platform.E001: a page model without a PageType has no API fields, no filters, no section."""
    registered = {page_type.model for page_type in registry.page_types()}
    return [
        checks.Error(
            f"The page model {model._meta.label} is not registered with the platform.",
            hint=f"Add PageType({model.__name__}, api=PageApi(...)) to {model._meta.app_label}/contributions.py.",
            obj=model,
            id="platform.E001",
        )
        for model in project_page_models()
        if model not in registered
    ]


@checks.register()
def check_models_registered_once(app_configs=None, **kwargs):
    """platform.E002: a page type, API object or snippet registered twice would make lookups arbitrary."""
    problems = []
    for kind in (PageType, ApiObject, SnippetAccess):
        problems += _clashes(
            [(c.model._meta.label, app) for app, c in registry.contributions_by_app(kind)],
            f"{kind.__name__} for",
            "platform.E002",
            "Register each model once, in the contributions.py of the app that defines it.",
        )
    return problems


@checks.register()
def check_relations_have_api_objects(app_configs=None, **kwargs):
    """platform.E006: the API shows a related page as a link, anything else as its ApiObject; a
    relation to a model without one fails only when a page that has it is requested."""
    shown = tuple(api_object.model for api_object in registry.api_objects())
    return [
        checks.Error(
            f"The API field {name!r} of {page_type.model._meta.label} relates to {rel.model._meta.label}, "
            "which has no ApiObject.",
            hint="Register ApiObject(model, name, build, schema) in the contributions.py of the model's app.",
            id="platform.E006",
        )
        for page_type in registry.page_types()
        for name, rel in page_type.api.relations.items()
        if not issubclass(rel.model, (Page, *shown))
    ]


@checks.register()
def check_endpoint_names(app_configs=None, **kwargs):
    """platform.E003: an endpoint name is a URL under /api/v2/; the core's own names are taken."""
    named = [(name, "cms") for name in sorted(CORE_ENDPOINTS)]
    named += [(c.name, app) for app, c in registry.contributions_by_app(ApiEndpoint)]
    return _clashes(named, "The API endpoint", "platform.E003", "Choose another endpoint name.")


@checks.register()
def check_filter_names(app_configs=None, **kwargs):
    """platform.E004: a page filter is a query parameter of /api/v2/pages/: it must not shadow a core
    parameter, and the page types sharing a filter name must describe it with the same schema."""
    problems = []
    schemas = defaultdict(set)
    for app, page_type in registry.contributions_by_app(PageType):
        for api_filter in page_type.api.filters:
            if api_filter.name in PAGE_PARAMETERS:
                problems.append(
                    checks.Error(
                        f"The filter {api_filter.name!r} of {page_type.model._meta.label} ({app}) "
                        "is a query parameter of the pages endpoint itself.",
                        "Choose another filter name.",
                        id="platform.E004",
                    )
                )
            schemas[api_filter.name].add(repr(sorted(api_filter.schema.items())))
    problems += [
        checks.Error(
            f"The filter {name!r} has {len(found)} different schemas; the pages endpoint documents one.",
            "Give every page type the same filter object (e.g. a shared TOPIC_FILTER).",
            id="platform.E004",
        )
        for name, found in schemas.items()
        if len(found) > 1
    ]
    return problems


@checks.register()
def check_unique_names(app_configs=None, **kwargs):
    """platform.E005: URL names (feeds' included), feed paths, navigation keys, section slugs and sitemap
    source names ("page" is the core's) are looked up by name, so one name means one thing."""
    feeds = registry.contributions_by_app(Feed)
    url_names = [(feed.url_name, app) for app, feed in feeds] + [
        (pattern.name, app)
        for app, urls in registry.contributions_by_app(Urls)
        for pattern in urls.patterns
        if isinstance(pattern, URLPattern) and pattern.name
    ]
    navigation = [(entry.key, app) for app, entry in registry.contributions_by_app(NavigationEntry)]
    sections = [(pt.section.slug, app) for app, pt in registry.contributions_by_app(PageType) if pt.section]
    sitemap_sources = [("page", "cms")] + [
        (source.name, app) for app, source in registry.contributions_by_app(SitemapSource)
    ]
    hint = "Names are global: prefix them with the app's name."
    return [
        *_clashes(url_names, "The URL name", "platform.E005", hint),
        *_clashes([(feed.path, app) for app, feed in feeds], "The feed path", "platform.E005", hint),
        *_clashes(navigation, "The navigation key", "platform.E005", hint),
        *_clashes(sections, "The section slug", "platform.E005", hint),
        *_clashes(sitemap_sources, "The sitemap source name", "platform.E005", hint),
    ]


@checks.register()
def check_search_names(app_configs=None, **kwargs):
    """platform.E005: a facet is a query parameter of the site search, so one name means one filter;
    a type key is one choice of its type filter, so the page types sharing it share its label, and a
    SearchSource's key is its own."""
    hint = "Names are global: prefix them with the app's name."
    facets = [(facet.name, app) for app, facet in registry.contributions_by_app(Facet)]
    problems = _clashes(facets, "The search facet", "platform.E005", hint)
    labels, first_app = defaultdict(set), {}
    for app, page_type in registry.contributions_by_app(PageType):
        if page_type.search:
            labels[page_type.search.key].add(str(page_type.search.label))
            first_app.setdefault(page_type.search.key, app)
    problems += [
        checks.Error(
            f"The search type {key!r} has {len(found)} labels ({', '.join(sorted(found))}); the type filter shows one.",
            "Give the page types that share a search key one PageSearch (or the same label).",
            id="platform.E005",
        )
        for key, found in labels.items()
        if len(found) > 1
    ]
    sources = [(source.key, app) for app, source in registry.contributions_by_app(SearchSource)]
    return problems + _clashes([*first_app.items(), *sources], "The search type", "platform.E005", hint)


@checks.register()
def check_models_in_their_app(app_configs=None, **kwargs):
    """platform.E008: an app contributes its own models; registering another app's model would make
    it depend on whether that app is installed, and the design of a model live in two places."""
    return [
        checks.Error(
            f"{type(c).__name__} for {c.model._meta.label} is contributed by the app {app!r}.",
            hint=f"Register it in {c.model._meta.app_label}/contributions.py.",
            obj=c.model,
            id="platform.E008",
        )
        for kind in (PageType, ApiObject, SnippetAccess)
        for app, c in registry.contributions_by_app(kind)
        if c.model._meta.app_label != app
    ]


@checks.register()
def check_one_site_root(app_configs=None, **kwargs):
    """platform.E009: site setup makes one home page per language from the PageType marked site_root."""
    roots = [pt.model._meta.label for pt in registry.page_types() if pt.site_root]
    if len(roots) == 1:
        return []
    found = ", ".join(roots) if roots else "none"
    return [
        checks.Error(
            f"Exactly one page type must be the site root (site_root=True); found {found}.",
            hint="Mark the home page's PageType with site_root=True, and only that one.",
            id="platform.E009",
        )
    ]


@checks.register()
def check_api_fields_have_schemas(app_configs=None, **kwargs):
    """platform.E007: the OpenAPI document describes a page field by the schema its PageApi gives; a
    field without one would be served but undocumented."""
    return [
        checks.Error(
            f"The API field {name!r} of {page_type.model._meta.label} has no schema.",
            hint=f"Add {name!r} to the schema of its PageApi (a JSON schema, cms/api/schema.py has the parts).",
            obj=page_type.model,
            id="platform.E007",
        )
        for page_type in registry.page_types()
        for name in (getattr(api_field, "name", api_field) for api_field in page_type.api.fields)
        if name not in page_type.api.schema
    ]
