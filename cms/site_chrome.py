"""What every page repeats – the main navigation and the footer – cached across requests.

Both are the same on every page of a site in one language and cost five queries a page when built
(home page, menu pages, site settings, contact point, legal pages). They are cached under the page
cache's content generation (cms/page_cache/store.py), which every publish, unpublish, move or deletion
of a page, every snippet, site setting, view restriction, site or locale change replaces: the next
request builds them anew, so they are never stale and nothing has to know which cache keys a change
concerns. The generation is read once per request. While the cache is unreachable every request builds
them, as without this module.
"""

from django.core.cache import cache

from cms.page_cache import store

# An entry under a generation that nothing replaces still expires: a missed change lasts a day at most.
TIMEOUT = 24 * 60 * 60


def cached(name, site, language, build):
    """``build()`` for ``site`` and ``language``, cached until content changes."""
    generation = store.generation()
    if generation is None:
        return build()
    key = f"site-chrome:{generation}:{site.pk}:{language}:{name}"
    found = cache.get(key)
    if found is not None:
        return found[0]
    value = build()
    cache.set(key, (value,), TIMEOUT)
    return value
