"""What every page repeats, cached across requests: the main navigation and the footer, and the lookups
every request starts with (the site, the locales, which pages have view restrictions).

The navigation and footer are the same on every page of a site in one language and cost five queries a
page when built (home page, menu pages, site settings, contact point, legal pages); the site, locale and
view-restriction lookups cost three or four more on every request. All are kept by the content cache
(cms/content_cache.py) under the page cache's content generation, which every publish, unpublish, move
or deletion of a page, every snippet, site setting, view restriction, site or locale change replaces:
the next request builds them anew, so they are never stale and nothing has to know which cache keys a
change concerns. While the cache is unreachable every request builds them, as without this module.
"""

from django.http.request import split_domain_port
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.models.i18n import LocaleManager

from cms import content_cache
from cms.request_cache import in_request, memo


def cached(name, site, language, build):
    """``build()`` for ``site`` and ``language``, cached until content changes."""
    return _cached(f"{site.pk}:{language}:{name}", build)


def cached_until_next_change(name, site, language, build):
    """As ``cached``, for what also changes with time (a status word, an "upcoming" list): the entry also
    ends at the next date-driven change of public content (``register_next_change``), as the page
    cache's entries do."""
    return _cached(f"{site.pk}:{language}:{name}", build, until_next_change=True)


def _cached(name, build, until_next_change=False):
    # Keyed by name alone: ``name`` already holds the site and language where they matter.
    return content_cache.cached("site-chrome", (name,), build, language="", until_next_change=until_next_change)


def find_site(request):
    """Wagtail's ``Site.find_for_request`` (its root page selected with it), cached per host and port, and
    kept on the request where Wagtail looks for it. None without a request or a matching site."""
    if request is None:
        return None
    if not hasattr(request, "_wagtail_site"):
        # As Wagtail: the raw host (CommonMiddleware has already answered a host outside ALLOWED_HOSTS with a 400).
        hostname, port = split_domain_port(request._get_raw_host())[0], request.get_port()
        request._wagtail_site = _cached(f"site:{hostname}:{port}", lambda: Site._find_for_request(request))
    return request._wagtail_site


def home_pages(request):
    """Every live translation of the site's root page (specific, without its StreamFields, which the frame
    does not show and every request would unpickle), by language code; {} without a site."""
    site = find_site(request)
    if site is None:
        return {}
    return memo(("home_pages", site.pk), lambda: cached("home_pages", site, "", lambda: _find_home_pages(site)))


def _find_home_pages(site):
    root_keys = Page.objects.filter(pk=site.root_page_id).values("translation_key")
    pages = Page.objects.live().filter(translation_key__in=root_keys).defer_streamfields().specific()
    codes = locale_codes()
    return {codes[page.locale_id]: page for page in pages}


def locales():
    """Every Locale by language code (``Locale.objects``: the languages in ``WAGTAIL_CONTENT_LANGUAGES``)."""
    return memo(
        "locales", lambda: _cached("locales", lambda: {locale.language_code: locale for locale in Locale.objects.all()})
    )


def locale_codes():
    """{locale id: language code}."""
    return {locale.pk: code for code, locale in locales().items()}


def restricted_pages():
    """``{page id: (path, depth)}`` of every page with a view restriction (private sections start there)."""
    return memo(
        "restricted_pages",
        lambda: _cached(
            "restricted_pages",
            lambda: {
                restriction.page_id: (restriction.page.path, restriction.page.depth)
                for restriction in PageViewRestriction.objects.select_related("page").only(
                    "page_id", "page__path", "page__depth"
                )
            },
        ),
    )


def remember_locales_per_request():
    """Make Wagtail's ``Locale.objects.get_for_language`` a lookup per request and language.

    Wagtail reaches it from ``Locale.get_active()``/``get_default()`` each time a page or snippet is
    ``.localized``, a URL or rich text is rendered or a route is resolved: 10–14 identical queries a
    page. Wagtail has no hook for it, so the manager method is wrapped (once, from CmsConfig.ready).
    In a request the locales come from the table cached until content changes (``locales``).
    """
    lookup = LocaleManager.get_for_language
    if getattr(lookup, "remembered_per_request", False):
        return

    def get_for_language(self, language_code):
        if not in_request():
            return lookup(self, language_code)
        return memo(("locale", language_code), lambda: _cached_locale(language_code) or lookup(self, language_code))

    get_for_language.remembered_per_request = True
    LocaleManager.get_for_language = get_for_language


def _cached_locale(language_code):
    try:
        code = get_supported_content_language_variant(language_code)
    except LookupError:
        return None  # Wagtail's own lookup raises it
    return locales().get(code)
