"""The anonymous page cache: whole responses for visitors who are not logged in, never stale.

- ``middleware.PageCacheMiddleware`` stores and replays responses (``store`` says where and for how long).
- Entries live under a generation that ``invalidation`` replaces whenever published content changes, so
  every old entry dies at once; each entry also expires at the next date-driven change of what the site
  shows (a call opening or closing, an event starting or ending), which apps tell the cache with
  ``register_next_change``.
- Apps whose own models change what pages show (registrations change the free places) name them with
  ``watch``; pages, snippets, site settings, images and documents are watched by the core.
- A per-visitor value in a page (a form's submission token) comes from ``unique_token``: a page served
  from the cache gets a fresh one in its place, as it gets a fresh CSRF token and CSP nonce.

See docs/performance.md, "Caching".
"""

import secrets

_next_change_sources = []
_watched_models = []


def register_next_change(source):
    """``source(now)`` returns the first instant after ``now`` at which a public page, listing, feed or
    API answer of the app changes by itself (a status word, an "upcoming" list), or None."""
    _next_change_sources.append(source)


def next_change_sources():
    return list(_next_change_sources)


def watch(*models):
    """Saving or deleting one of these models purges every cached response."""
    _watched_models.extend(models)


def watched_models():
    return list(_watched_models)


def unique_token(request):
    """A random token (``secrets.token_urlsafe(24)``) for this response that no two visitors may share;
    the cache puts a fresh one in its place on every hit."""
    token = secrets.token_urlsafe(24)
    if request is not None:
        request.__dict__.setdefault("page_cache_unique_tokens", []).append(token)
    return token
