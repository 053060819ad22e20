"""Whole responses for anonymous GET and HEAD requests, replayed from the cache (``X-Cache: HIT``).

It sits after the session, CSRF, locale and security middleware (settings.MIDDLEWARE): those still run
on every hit, so a replayed page gets this request's CSP header, CORS headers and CSRF cookie, and ``/``
is still redirected by the visitor's own language (the key holds the active language).

Per-visitor values are cut out before a response is stored and filled in on every hit: the forms' CSRF
token (a fresh ``get_token``, which also sets this visitor's csrftoken cookie), the CSP nonce (this
request's, so that it matches this request's header) and ``unique_token``s. A response with such values
is told ``private, no-store`` on its way out: a CDN or browser must not keep another visitor's token.
"""

import re
import secrets
import time
from dataclasses import dataclass, field

from django.conf import settings
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils.cache import add_never_cache_headers, cc_delim_re, get_conditional_response, patch_cache_control
from django.utils.translation import get_language

from . import store

# Never cached: the admin, the headless preview, probes, violation reports, restricted files, passwords.
EXCLUDED_PREFIXES = (
    "/admin/",
    "/api/v2/page_preview/",
    "/healthz",
    "/readyz",
    "/csp-report/",
    "/documents/",
    "/images/",
)
EXCLUDED_PARTS = ("/_util/",)
CACHEABLE_STATUSES = {200, 301, 404, 410}
# Not part of the key: the language is (the active one); a session cookie means no caching at all; and
# nothing behind this middleware compresses (the API's Vary: Accept-Encoding is for the proxies in front).
UNKEYED_VARY_HEADERS = {"cookie", "accept-language", "accept-encoding"}

CSRF_INPUT = re.compile(rb'(name="csrfmiddlewaretoken" value=")[^"]*(")')
CSRF_PLACEHOLDER = b"__page_cache_csrf_token__"
NONCE_PLACEHOLDER = b"__page_cache_csp_nonce__"
UNIQUE_PLACEHOLDER = re.compile(rb"__page_cache_unique_(\d+)__")


def is_policy_attribute(name):
    """What a view's decorators leave on its response for the outer middleware: django-csp's policy
    changes (the widget's frame-ancestors) and Django's ``xframe_options_exempt``."""
    return name.startswith("_csp_") or name == "xframe_options_exempt"


@dataclass
class Entry:
    status: int
    headers: list
    content: bytes
    created: float
    expires_at: float = 0
    csrf: bool = False
    nonce: bool = False
    unique: int = 0
    vary: list = field(default_factory=list)
    tags: dict = field(default_factory=dict)  # {tag: version} of the volatile values it shows (depends_on)
    attributes: dict = field(default_factory=dict)

    @property
    def per_visitor(self):
        return self.csrf or self.nonce or bool(self.unique)


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not (settings.PAGE_CACHE_ENABLED and considered(request)):
            return mark_per_visitor(request, self.get_response(request))
        generation = store.generation()
        if generation is None:  # the cache is down: render, as without it
            return miss(request, self.get_response(request))
        base = store.base_key(generation, request, get_language())
        entry = store.get(base)
        if entry is not None and entry.vary:  # a marker: the response varies on these request headers
            entry = store.get(store.variant_key(base, request, entry.vary))
        if entry is not None and entry.tags and store.tag_versions(entry.tags) != entry.tags:
            entry = None  # a value it shows has changed since (a registration): rendered and stored anew
        if entry is not None:
            return replay(request, entry)
        expires_at = store.expiry(generation)
        response = self.get_response(request)
        entry = entry_for(request, response, expires_at)
        if entry is not None:
            if entry.vary:
                store.put(base, Entry(0, [], b"", entry.created, vary=entry.vary), expires_at)
                store.put(store.variant_key(base, request, entry.vary), entry, expires_at)
            else:
                store.put(base, entry, expires_at)
            set_cache_control(response, entry)
        return miss(request, response)


def considered(request):
    if request.method not in ("GET", "HEAD"):
        return False
    path = request.path
    if path.startswith(EXCLUDED_PREFIXES) or any(part in path for part in EXCLUDED_PARTS):
        return False
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or "messages" in cookies or "Authorization" in request.headers:
        return False
    return True


def entry_for(request, response, expires_at):
    """What to store of this response with its per-visitor values cut out, or None if it must not be stored."""
    if response.status_code not in CACHEABLE_STATUSES or response.streaming or response.cookies:
        return None
    cache_control = response.get("Cache-Control", "").lower()
    if any(word in cache_control for word in ("private", "no-store", "no-cache")):
        return None
    vary = {name.strip().lower() for name in cc_delim_re.split(response.get("Vary", "")) if name.strip()}
    if "*" in vary:
        return None
    tags = request.__dict__.get("page_cache_tags", {})
    if None in tags.values():  # a tag's version could not be read: the entry could never be found stale
        return None
    content = response.content
    csrf = bool(request.META.get("CSRF_COOKIE_NEEDS_UPDATE"))
    if csrf:
        content, found = CSRF_INPUT.subn(rb"\1" + CSRF_PLACEHOLDER + rb"\2", content)
        if not found:  # the token is used somewhere we cannot replace it
            return None
    nonce = request.__dict__.get("_csp_nonce")
    if isinstance(nonce, str):
        content = content.replace(nonce.encode(), NONCE_PLACEHOLDER)
    unique = request.__dict__.get("page_cache_unique_tokens", [])
    for number, token in enumerate(unique):
        content = content.replace(token.encode(), b"__page_cache_unique_%d__" % number)
    headers = [(name, value) for name, value in response.items() if name.lower() != "content-length"]
    return Entry(
        status=response.status_code,
        headers=headers,
        content=content,
        created=time.time(),
        expires_at=expires_at,
        csrf=csrf,
        nonce=isinstance(nonce, str),
        unique=len(unique),
        vary=sorted(vary - UNKEYED_VARY_HEADERS),
        tags=dict(tags),
        attributes={name: value for name, value in vars(response).items() if is_policy_attribute(name)},
    )


def replay(request, entry):
    content = entry.content
    if entry.csrf:
        content = content.replace(CSRF_PLACEHOLDER, get_token(request).encode())
    if entry.nonce:
        content = content.replace(NONCE_PLACEHOLDER, str(request.csp_nonce).encode())
    if entry.unique:
        fresh = [secrets.token_urlsafe(24).encode() for _number in range(entry.unique)]
        content = UNIQUE_PLACEHOLDER.sub(lambda match: fresh[int(match.group(1))], content)
    response = HttpResponse(content, status=entry.status)
    for name, value in entry.headers:
        response[name] = value
    for name, value in entry.attributes.items():
        setattr(response, name, value)
    age = int(time.time() - entry.created)
    response["Age"] = str(age)
    response["X-Cache"] = "HIT"
    if entry.per_visitor:
        add_never_cache_headers(response)
        patch_cache_control(response, private=True)
    else:
        set_cache_control(response, entry)
    if "ETag" in response:  # the API, feeds and calendars: If-None-Match gets a 304, as from the view
        return get_conditional_response(request, etag=response["ETag"], response=response)
    return response


def miss(request, response):
    response["X-Cache"] = "MISS"
    return mark_per_visitor(request, response)


def mark_per_visitor(request, response):
    """A response with a CSRF token, CSP nonce or unique token is kept by no CDN or browser cache."""
    nonce = isinstance(request.__dict__.get("_csp_nonce"), str)
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or nonce or request.__dict__.get("page_cache_unique_tokens"):
        add_never_cache_headers(response)
        patch_cache_control(response, private=True)
    return response


def set_cache_control(response, entry):
    """Shared caches (a CDN) may keep a response for PAGE_CACHE_CDN_MAX_AGE, never past the next change;
    browsers ask again every time, so that an edit shows on the next visit."""
    if entry.per_visitor:
        return
    shared = min(settings.PAGE_CACHE_CDN_MAX_AGE, int(entry.expires_at - time.time()))
    patch_cache_control(response, public=True, max_age=0, s_maxage=max(shared, 0))
