"""A memo that lives for one request, for lookups that many parts of a page repeat.

Header, footer, listings and localisation helpers all need the active Locale and Wagtail's
view restrictions; without this each of them would query for them again. Outside a request
(management commands, tests calling helpers directly) nothing is cached.
"""

from contextvars import ContextVar

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
