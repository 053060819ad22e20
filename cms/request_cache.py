"""A memo that lives for one request, for lookups that many parts of a page repeat.

Header, footer, listings and localisation helpers all need the active Locale and Wagtail's
view restrictions; without this each of them would query for them again. Outside a request
(management commands, tests calling helpers directly) nothing is cached.
"""

from contextvars import ContextVar

from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models.i18n import LocaleManager

_store = ContextVar("request_cache", default=None)


def memo(key, compute):
    store = _store.get()
    if store is None:
        return compute()
    if key not in store:
        store[key] = compute()
    return store[key]


def in_request():
    """Whether a request is being answered (outside one, ``memo`` remembers nothing)."""
    return _store.get() is not None


def forget(key):
    """Drop ``key`` from this request's memo (after a change in the request that makes it wrong)."""
    store = _store.get()
    if store is not None:
        store.pop(key, None)


class RequestCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _store.set({})
        try:
            return self.get_response(request)
        finally:
            _store.reset(token)


def remember_locales_per_request():
    """Make Wagtail's ``Locale.objects.get_for_language`` a lookup per request and language.

    Wagtail reaches it from ``Locale.get_active()``/``get_default()`` each time a page or snippet is
    ``.localized``, a URL or rich text is rendered or a route is resolved: 10–14 identical queries a
    page. Wagtail has no hook for it, so the manager method is wrapped (once, from CmsConfig.ready).
    In a request the locales come from the table cached until content changes (cms/site_chrome.py).
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
    from cms import site_chrome

    try:
        code = get_supported_content_language_variant(language_code)
    except LookupError:
        return None  # Wagtail's own lookup raises it
    return site_chrome.locales().get(code)
