"""Where cached responses live and for how long.

Every entry carries the generation it was stored under and counts only while that is still the current
one: ``new_generation()`` (on any content change) makes every older entry a miss at once. An entry is
read together with the current generation in one round trip (``lookup``), and the next entry stored at
the same address replaces the stale one. Each entry's timeout is the default
``PAGE_CACHE_TIMEOUT`` cut at the next date-driven change of public content (``next_change``), which
is computed from live content once per generation and again whenever that instant has passed.

The cache is the default one (Redis in production, cms/cache.py): when it cannot be reached, reads
are misses and writes are dropped, so a request is then rendered, never failed.

Each process also keeps the entries it read or stored lately (``recent``), so that a hit of a large
response (the sitemap, an API list) reads only the small generation from the cache: an entry at an
address is replaced only under a new generation, after its expiry, or when its tags change (checked on
every hit), so a copy whose generation is still the current one is what the cache holds.

Tags (``depends_on``) have versions of their own, outside the generation: ``bump_tag`` makes only the
entries that depend on one tag stale. A tag whose version is lost gets a new random one, so a lost
version never matches an old entry.
"""

import hashlib
import threading
import time
import uuid
from collections import OrderedDict

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

from cms.request_cache import forget, memo

GENERATION_KEY = "page_cache:generation"
# Filled by ``cms.page_cache.register_next_change``.
next_change_sources = []


def generation():
    """The current generation, or None when the cache cannot be reached (then nothing is cached).
    Read once per request: the page cache and the navigation and footer (cms/site_chrome.py) share it."""
    return memo("page_cache_generation", lambda: current_version(GENERATION_KEY))


def new_generation():
    cache.set(GENERATION_KEY, uuid.uuid4().hex, None)
    forget("page_cache_generation")


def current_version(key):
    current = cache.get(key)
    if current is None:
        cache.add(key, uuid.uuid4().hex, None)
        current = cache.get(key)
    return current


def tag_key(tag):
    return f"page_cache:tag:{tag}"


def tag_version(tag):
    """The tag's current version, or None when the cache cannot be reached."""
    return current_version(tag_key(tag))


def tag_versions(tags):
    """{tag: current version or None} in one round trip."""
    found = cache.get_many([tag_key(tag) for tag in tags])
    return {tag: found.get(tag_key(tag)) for tag in tags}


def bump_tag(tag):
    cache.set(tag_key(tag), uuid.uuid4().hex, None)


def next_change(current_generation, now):
    """Unix time of the next date-driven change of any public content after ``now`` (a Unix time), or None."""
    key = f"page_cache:{current_generation}:next_change"
    stored = cache.get(key)
    if stored is None or (stored and stored <= now):
        moment = timezone.now()
        instants = [instant for source in next_change_sources if (instant := source(moment)) is not None]
        stored = min(instants).timestamp() if instants else 0
        cache.set(key, stored, settings.PAGE_CACHE_TIMEOUT)
    return stored or None


def expiry(current_generation):
    """Unix time at which an entry stored now must be gone."""
    now = time.time()
    until = now + settings.PAGE_CACHE_TIMEOUT
    change = next_change(current_generation, now)
    return min(until, change) if change else until


def base_key(request, language):
    address = f"{request.get_host()}\n{language}\n{request.get_full_path()}"
    return f"page_cache:entry:{hashlib.sha256(address.encode()).hexdigest()}"


def lookup(keys):
    """(current generation, [what is stored at each key or None]) in one round trip; the generation is
    None when the cache cannot be reached. Entries still have to be checked against the generation.

    When this process has a copy of every entry under the current generation, only the generation is
    read (a few bytes instead of the whole response)."""
    copies = [recent.get(key) for key in keys]
    if None not in copies:
        current = generation()
        if current is None:
            return None, [None for _key in keys]
        if all(copy.generation == current for copy in copies):
            return current, copies
    found = cache.get_many([GENERATION_KEY, *keys])
    current = found.get(GENERATION_KEY)
    if current is None:  # never set, evicted, or the cache is down
        return generation(), [None for _key in keys]
    remember_generation(current)
    entries = [found.get(key) for key in keys]
    for key, entry in zip(keys, entries, strict=True):
        if entry is not None and entry.generation == current:
            recent.put(key, entry)
    return current, entries


def remember_generation(current):
    """The navigation and footer (cms/site_chrome.py) read the generation this request already has."""
    memo("page_cache_generation", lambda: current)


def variant_key(key, request, headers):
    """The key of the variant for the request headers a response varies on (``Vary``)."""
    values = "\n".join(f"{name}:{request.headers.get(name, '')}" for name in headers)
    return f"{key}:{hashlib.sha256(values.encode()).hexdigest()}"


def get(key):
    entry = cache.get(key)
    if entry is not None:
        recent.put(key, entry)
    return entry


def put(key, entry, expires_at):
    timeout = int(expires_at - time.time())
    if timeout >= 1:
        cache.set(key, entry, timeout)
        recent.put(key, entry)


class RecentEntries:
    """Entries by key, the least recently used dropped beyond ``max_bytes`` of content, and each
    dropped at its ``expires_at`` (the cache's timeout for it). Shared by a process's threads."""

    OVERHEAD = 1024  # bytes counted per entry besides its content: headers, the key

    def __init__(self, max_bytes):
        self.max_bytes = max_bytes
        self.size = 0
        self.entries = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key):
        with self.lock:
            entry = self.entries.get(key)
            if entry is None:
                return None
            if entry.expires_at <= time.time():
                self._drop(key)
                return None
            self.entries.move_to_end(key)
            return entry

    def put(self, key, entry):
        cost = len(entry.content) + self.OVERHEAD
        if cost > self.max_bytes:
            return
        with self.lock:
            if key in self.entries:
                self._drop(key)
            self.entries[key] = entry
            self.size += cost
            while self.size > self.max_bytes:
                self._drop(next(iter(self.entries)))

    def clear(self):
        with self.lock:
            self.entries.clear()
            self.size = 0

    def _drop(self, key):
        self.size -= len(self.entries.pop(key).content) + self.OVERHEAD


recent = RecentEntries(settings.PAGE_CACHE_RECENT_BYTES)
