"""System checks: the public address (cms/public_url.py), and running on more than one process.

Rate limits (participation), login throttling and, with a cache session engine, sessions keep their
state in the default cache. A per-process cache gives every gunicorn worker its own counters (a limit
of 10 becomes 10 per worker and host) and logs visitors out when the next request reaches another
worker. Production settings (``REQUIRE_SHARED_CACHE = True``) make this an error that stops
``migrate`` and ``check``; elsewhere ``check --deploy`` warns.
"""

from django.conf import settings
from django.core import checks

from cms.public_url import check_default_site, check_public_url

checks.register(check_public_url)
checks.register(check_default_site, checks.Tags.database)

PER_PROCESS_CACHES = {
    "django.core.cache.backends.locmem.LocMemCache": "a memory cache of each process",
    "django.core.cache.backends.dummy.DummyCache": "no cache at all",
    "django.core.cache.backends.filebased.FileBasedCache": "files on one host",
}
CACHE_ONLY_SESSIONS = "django.contrib.sessions.backends.cache"


def _per_process(alias):
    backend = settings.CACHES.get(alias, {}).get("BACKEND", "")
    return backend, PER_PROCESS_CACHES.get(backend)


def shared_cache_problems(level):
    """(id suffix, message, hint) for each state that needs a shared cache but has none."""
    cls, prefix = (checks.Error, "cms.E") if level == "error" else (checks.Warning, "cms.W")
    messages = []
    backend, kind = _per_process("default")
    if kind:
        messages.append(
            cls(
                f"The default cache is {backend} ({kind}): rate limits and login throttling "
                "count per process, so every limit multiplies with workers and hosts.",
                hint="Set REDIS_URL to a Redis server all app processes share (docs/deployment.md).",
                id=f"{prefix}010",
            )
        )
    if settings.SESSION_ENGINE == CACHE_ONLY_SESSIONS:
        alias = getattr(settings, "SESSION_CACHE_ALIAS", "default")
        session_backend, session_kind = _per_process(alias)
        if session_kind:
            messages.append(
                cls(
                    f"SESSION_ENGINE keeps sessions only in the cache '{alias}', which is {session_backend} "
                    f"({session_kind}): logins are lost between workers and on every restart.",
                    hint="Use a shared cache (REDIS_URL) or the database / cached_db session engine.",
                    id=f"{prefix}011",
                )
            )
    return messages


@checks.register(checks.Tags.caches)
def check_shared_cache(app_configs=None, **kwargs):
    if not getattr(settings, "REQUIRE_SHARED_CACHE", False):
        return []
    return shared_cache_problems("error")


@checks.register(checks.Tags.caches, deploy=True)
def check_shared_cache_deploy(app_configs=None, **kwargs):
    # Production already reports these as errors; say it once.
    if getattr(settings, "REQUIRE_SHARED_CACHE", False):
        return []
    return shared_cache_problems("warning")
