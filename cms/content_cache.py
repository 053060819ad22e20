"""What a page shows of published content, worked out once per content generation and cached.

A call or event page, a listing or an API answer reads the same related pages, snippets and
translations on every request, and renders the same HTML from them. ``cached`` keeps such a value
(model instances, lists, HTML) in the cache under the page cache's content generation
(cms/page_cache/store.py), which every publish, unpublish, move or deletion of a page and every
snippet, site setting, image, document, view restriction, site or locale change replaces: the next
request works it out anew. An entry also ends at the next date-driven change of what the site shows
(a call opening or closing, an event starting or ending: ``register_next_change``), so a status word
computed from the current time is right to the minute.

Only what every visitor of a published page sees may go in: nothing from drafts or previews, nothing
that depends on registrations (free places, waiting list), the visitor, a form's CSRF or submission
token or the CSP nonce. ``{% published_fragment %}`` (cms/templatetags/content_cache_tags.py) refuses
to store HTML that contains one of those.

While the cache cannot be reached every request works the value out, as without this module.
"""

import hashlib
import time
from functools import partial

from django.conf import settings
from django.core.cache import cache
from django.utils import translation
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.translation import get_language

from cms.page_cache import store

# A name and its parts must stay short and printable: they are hashed into the key.
KEY_PREFIX = "content"


def key_for(name, parts):
    digest = hashlib.sha256("\n".join(str(part) for part in parts).encode()).hexdigest()
    return f"{KEY_PREFIX}:{name}:{digest}"


def cached(name, parts, build, storable=None, request=None, language=None, until_next_change=True):
    """``build()`` for ``parts`` (e.g. a page's pk) in ``language`` (default: the active one), cached until
    published content changes or, unless ``until_next_change`` is false (for what no date changes, such
    as the locales), the next date-driven change, whichever comes first. ``storable(value)``, if given,
    may refuse a value (it is then returned but not kept). A preview (``request.is_preview``) shows a
    draft: it is built and never cached."""
    generation = _generation(request)
    if generation is None:
        return build()
    key = key_for(name, (generation, get_language() if language is None else language, *parts))
    found = cache.get(key)
    if found is not None:
        return found[0]
    value = build()
    if storable is not None and not storable(value):
        return value
    timeout = _timeout(generation, until_next_change)
    if timeout >= 1:
        cache.set(key, (value,), timeout)
    return value


def _generation(request):
    """The content generation to key by; None when nothing may be kept (a preview, no reachable cache)."""
    if request is not None and getattr(request, "is_preview", False):
        return None
    return store.generation()


def _timeout(generation, until_next_change=True):
    # Without a date-driven end, as long as a cached page lives (PAGE_CACHE_TIMEOUT): a change whose
    # generation replacement was lost while the cache was unreachable lasts no longer here than there.
    if until_next_change:
        return int(store.expiry(generation) - time.time())
    return settings.PAGE_CACHE_TIMEOUT


def cached_many(name, parts_per_item, build, request=None):
    """A value per item (``parts_per_item``: the parts of each), read in one round trip; ``build(indexes)``
    works out the values of the items at those indexes (the ones not cached), in the same order."""
    generation = _generation(request)
    if generation is None:
        return build(list(range(len(parts_per_item))))
    keys = [key_for(name, (generation, get_language(), *parts)) for parts in parts_per_item]
    found = cache.get_many(keys) if keys else {}
    missing = [index for index, key in enumerate(keys) if key not in found]
    values = {keys[index]: found[keys[index]][0] for index in range(len(keys)) if keys[index] in found}
    if missing:
        built = build(missing)
        timeout = _timeout(generation)
        fresh = {keys[index]: value for index, value in zip(missing, built, strict=True)}
        if timeout >= 1:
            cache.set_many({key: (value,) for key, value in fresh.items()}, timeout)
        values.update(fresh)
    return [values[key] for key in keys]


class LazyValues:
    """The dict of values ``build()`` returns, worked out once, on first use, in the language active when
    this was made (also when read after the response, as tests do). A view puts ``lazy(names)`` in its
    context: when the template's cached part (``{% published_fragment %}``) is a hit, nothing is built."""

    def __init__(self, build):
        self.build = build
        self.language = get_language()

    @cached_property
    def values(self):
        with translation.override(self.language):
            return self.build()

    def get(self, name):
        return self.values[name]

    def lazy(self, names):
        return {name: SimpleLazyObject(partial(self.get, name)) for name in names}
