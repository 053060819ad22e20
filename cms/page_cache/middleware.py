"""Whole responses for anonymous GET and HEAD requests, replayed from the cache (``X-Cache: HIT``).

It sits right after WhiteNoise (settings.MIDDLEWARE), before sessions, CORS, locale, CSRF, auth and
messages: a hit runs none of them, which is most of what a hit cost. So it decides from the request
alone that a visitor is anonymous (no session or messages cookie, no Authorization header) and which
language LocaleMiddleware would activate (``active_language``), and it stores a response as it leaves
those middleware, with the headers they added (``Content-Language``, ``Vary``, ``X-Frame-Options``,
CORS): a hit carries the headers a miss carries. The middleware before it (request id, security, CSP,
browser policies) run on hits and misses alike.

Per-visitor values are cut out before a response is stored and filled in on every hit: the forms' CSRF
token (a fresh ``get_token``; the visitor's ``csrftoken`` cookie is read and set exactly as Django's
CsrfViewMiddleware does), the CSP nonce (this request's, so that it matches this request's header) and
``unique_token``s. A response with such values is told ``private, no-store``: a CDN or browser must not
keep another visitor's token. A response that sets any other cookie is not stored.
"""

import re
import secrets
import time
from dataclasses import dataclass, field

from django.conf import settings
from django.conf.urls.i18n import is_language_prefix_patterns_used
from django.http import HttpResponse
from django.middleware.csrf import CsrfViewMiddleware, get_token
from django.utils import translation
from django.utils.cache import add_never_cache_headers, cc_delim_re, get_conditional_response, patch_cache_control

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
# Page passwords and shared draft previews, under every language prefix.
EXCLUDED_PARTS = ("/_util/", "/_preview/")
CACHEABLE_STATUSES = {200, 301, 404, 410}
# Not part of the key: the language is; a session cookie means no caching at all; and nothing behind
# this middleware compresses (the API's Vary: Accept-Encoding is for the proxies in front).
UNKEYED_VARY_HEADERS = {"cookie", "accept-language", "accept-encoding"}
# Set on the way out by the middleware after this one on a miss; recomputed on a hit.
UNSTORED_HEADERS = {"content-length"}
# Headers the middleware after this one give any response (besides CORS's access-control-*), a 304 too.
MIDDLEWARE_HEADERS = {"content-language", "vary", "x-frame-options", "x-cache", "age"}

CSRF_INPUT = re.compile(rb'(name="csrfmiddlewaretoken" value=")[^"]*(")')
CSRF_PLACEHOLDER = b"__page_cache_csrf_token__"
NONCE_PLACEHOLDER = b"__page_cache_csp_nonce__"
UNIQUE_PLACEHOLDER = re.compile(rb"__page_cache_unique_(\d+)__")


def is_policy_attribute(name):
    """What a view's decorators leave on its response for the outer middleware: django-csp's policy
    changes (the widget's frame-ancestors)."""
    return name.startswith("_csp_")


@dataclass
class Entry:
    status: int
    headers: list
    content: bytes
    created: float
    generation: str = ""
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


# The CSRF cookie on a hit: read and set by Django's own code, with the settings a miss would use.
csrf_cookies = CsrfViewMiddleware(lambda request: None)


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not (settings.PAGE_CACHE_ENABLED and considered(request)):
            return mark_per_visitor(request, self.get_response(request))
        language = active_language(request)
        base = store.base_key(request, language)
        generation, entry = find(request, base)
        if generation is None:  # the cache is down: render, as without it
            return miss(request, self.get_response(request))
        if entry is not None and entry.tags and store.tag_versions(entry.tags) != entry.tags:
            entry = None  # a value it shows has changed since (a registration): rendered and stored anew
        if entry is not None:
            return replay(request, entry)
        expires_at = store.expiry(generation)
        response = self.get_response(request)
        entry = entry_for(request, response, generation, expires_at, language)
        if entry is not None:
            if entry.vary:
                marker = Entry(0, [], b"", entry.created, generation, expires_at, vary=entry.vary)
                remember_vary(base, entry.vary)
                store.put(base, marker, expires_at)
                store.put(store.variant_key(base, request, entry.vary), entry, expires_at)
            else:
                store.put(base, entry, expires_at)
            set_cache_control(response, entry)
        return miss(request, response)


def find(request, base):
    """(current generation, the entry for this request or None). A response that varies on request
    headers is stored as a marker naming them at ``base`` and the response under a key per value;
    once a process has seen the marker, it reads both in the one round trip that reads the generation."""
    guess = known_vary.get(base)
    keys = [base, store.variant_key(base, request, guess)] if guess else [base]
    generation, found = store.lookup(keys)
    entry = current(found[0], generation)
    if entry is None or not entry.vary:
        return generation, entry
    if entry.vary == guess:
        return generation, current(found[1], generation)
    remember_vary(base, entry.vary)
    return generation, current(store.get(store.variant_key(base, request, entry.vary)), generation)


# {base key: the request headers its response varies on} (the API varies on Origin), per process.
known_vary = {}
KNOWN_VARY_LIMIT = 10_000


def remember_vary(base, vary):
    if len(known_vary) >= KNOWN_VARY_LIMIT:
        known_vary.clear()
    known_vary[base] = vary


def considered(request):
    """Whether the request may be answered from the cache, decided before any later middleware ran:
    an anonymous GET or HEAD of a public address. ``/`` is never: it redirects by the visitor's language."""
    if request.method not in ("GET", "HEAD"):
        return False
    path = request.path
    if path == "/" or path.startswith(EXCLUDED_PREFIXES) or any(part in path for part in EXCLUDED_PARTS):
        return False
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or "messages" in cookies or "HTTP_AUTHORIZATION" in request.META:
        return False
    return True


def active_language(request):
    """The language Django's LocaleMiddleware will activate for this request (it runs after this
    middleware): the path's prefix, else the language cookie, Accept-Language, LANGUAGE_CODE."""
    urlconf = getattr(request, "urlconf", settings.ROOT_URLCONF)
    i18n_patterns_used, prefixed_default_language = is_language_prefix_patterns_used(urlconf)
    language = translation.get_language_from_request(request, check_path=i18n_patterns_used)
    if not translation.get_language_from_path(request.path_info) and i18n_patterns_used:
        if not prefixed_default_language:
            language = settings.LANGUAGE_CODE
    return language


def current(entry, generation):
    """The entry if it was stored under the current generation (no content change since), else None."""
    if entry is None or entry.generation != generation:
        return None
    return entry


def entry_for(request, response, generation, expires_at, language):
    """What to store of this response with its per-visitor values cut out, or None if it must not be stored."""
    if response.status_code not in CACHEABLE_STATUSES or response.streaming:
        return None
    if getattr(request, "LANGUAGE_CODE", None) != language:  # rendered in another language than the key's
        return None
    csrf = settings.CSRF_COOKIE_NAME in response.cookies
    if set(response.cookies) - {settings.CSRF_COOKIE_NAME}:
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
    if csrf:
        content, found = CSRF_INPUT.subn(rb"\1" + CSRF_PLACEHOLDER + rb"\2", content)
        if not found:  # a renewed cookie without a form, or the token is used where we cannot replace it
            return None
    nonce = request.__dict__.get("_csp_nonce")
    if isinstance(nonce, str):
        content = content.replace(nonce.encode(), NONCE_PLACEHOLDER)
    unique = request.__dict__.get("page_cache_unique_tokens", [])
    for number, token in enumerate(unique):
        content = content.replace(token.encode(), b"__page_cache_unique_%d__" % number)
    headers = [(name, value) for name, value in response.items() if name.lower() not in UNSTORED_HEADERS]
    return Entry(
        status=response.status_code,
        headers=headers,
        content=content,
        created=time.time(),
        generation=generation,
        expires_at=expires_at,
        csrf=csrf,
        nonce=isinstance(nonce, str),
        unique=len(unique),
        vary=sorted(vary - UNKEYED_VARY_HEADERS),
        tags=dict(tags),
        attributes={name: value for name, value in vars(response).items() if is_policy_attribute(name)},
    )


def replay(request, entry):
    csrf_cookies.process_request(request)  # the visitor's csrftoken cookie, as on a miss
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
    response["Content-Length"] = str(len(content))
    response["Age"] = str(int(time.time() - entry.created))
    response["X-Cache"] = "HIT"
    csrf_cookies.process_response(request, response)  # a new or renewed csrftoken cookie, if one is due
    if entry.per_visitor or settings.CSRF_COOKIE_NAME in response.cookies:
        add_never_cache_headers(response)
        patch_cache_control(response, private=True)
    else:
        set_cache_control(response, entry)
    if "ETag" in response:  # the API, feeds and calendars: If-None-Match gets a 304, as from the view
        return not_modified_or(request, response)
    return response


def not_modified_or(request, response):
    """A 304 for a matching If-None-Match, else ``response``. Django's 304 keeps the caching headers; the
    304 a view answers also gets the headers of the middleware between this one and the view."""
    answer = get_conditional_response(request, etag=response["ETag"], response=response)
    if answer is not response:
        for name, value in response.items():
            if name.lower() in MIDDLEWARE_HEADERS or name.lower().startswith("access-control-"):
                answer[name] = value
        answer["Content-Length"] = "0"
    return answer


def miss(request, response):
    response["X-Cache"] = "MISS"
    return mark_per_visitor(request, response)


def mark_per_visitor(request, response):
    """A response with a CSRF token, CSP nonce or unique token is kept by no CDN or browser cache."""
    nonce = isinstance(request.__dict__.get("_csp_nonce"), str)
    csrf = settings.CSRF_COOKIE_NAME in response.cookies
    if csrf or nonce or request.__dict__.get("page_cache_unique_tokens"):
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
