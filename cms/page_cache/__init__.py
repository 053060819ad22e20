"""The anonymous page cache: whole responses for visitors who are not logged in, never stale.

- ``middleware.PageCacheMiddleware`` stores and replays responses (``store`` says where and for how long).
- Entries live under a generation that ``invalidation`` replaces whenever published content changes, so
  every old entry dies at once; each entry also expires at the next date-driven change of what the site
  shows (a call opening or closing, an event starting or ending), which apps tell the cache with
  ``register_next_change``.
- A value that changes far more often than content (an event's free places) is a tag: the code that
  shows it calls ``depends_on``, the entry keeps the tag's version, and a change of the app's model
  (``watch``) bumps only that tag, so a registration makes only the pages that show the places misses.
  Pages, snippets, site settings, images and documents are watched by the core (``invalidation``).
- A per-visitor value in a page (a form's submission token) comes from ``unique_token``: a page served
  from the cache gets a fresh one in its place, as it gets a fresh CSRF token and CSP nonce.

See docs/performance.md, "Caching".
"""

import secrets

# This package is imported while Django loads the apps (INSTALLED_APPS): store, and what it imports,
# must need no model.
from . import store

_tag_sources = {}


def register_next_change(source):
    """``source(now)`` returns the first instant after ``now`` at which a public page, listing, feed or
    API answer of the app changes by itself (a status word, an "upcoming" list), or None."""
    store.next_change_sources.append(source)


def watch(model, tags, urls):
    """Saving or deleting a row of ``model`` changes what pages show under ``tags(row)``, a list of
    ``(kind, pk)`` as passed to ``depends_on``: cached responses that depend on one of them are misses
    from then on, all others stay cached. ``urls(row)``: the addresses a CDN is told to purge."""
    _tag_sources[model] = (tags, urls)


def tag_sources():
    return dict(_tag_sources)


def tag(kind, pk):
    return f"{kind}:{pk}"


def depends_on(request, kind, pk):
    """The response being rendered shows a volatile value of one object (``kind`` and ``pk``, e.g. an
    event's free places): call this before reading the value, so that a change while the page renders
    makes the stored entry stale rather than wrong."""
    if request is None:
        return
    tags = request.__dict__.setdefault("page_cache_tags", {})
    name = tag(kind, pk)
    if name not in tags:
        tags[name] = store.tag_version(name)


def unique_token(request):
    """A random token (``secrets.token_urlsafe(24)``) for this response that no two visitors may share;
    the cache puts a fresh one in its place on every hit."""
    token = secrets.token_urlsafe(24)
    if request is not None:
        request.__dict__.setdefault("page_cache_unique_tokens", []).append(token)
    return token
