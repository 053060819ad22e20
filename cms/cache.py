"""A django-redis cache whose outages cost a log line, not a request.

django-redis already turns connection errors into cache misses with ``IGNORE_EXCEPTIONS``; with
``DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS`` it logs every ignored call with a traceback at ERROR, which
is a flood when a page makes a dozen cache calls. Here each process logs one WARNING when Redis
becomes unreachable and then at most one a minute while it stays so.

While Redis is down, reads are misses and writes are dropped; ``add``, ``incr`` and the like return
None (callers that count, such as participation/ratelimit.py, check for it).
"""

import logging
import sys
import threading
import time

from django_redis.cache import RedisCache

logger = logging.getLogger("cms.cache")

# Seconds between two warnings about the same outage, per process.
WARNING_INTERVAL = 60


class OutageLog:
    """Stands in for django-redis's logger: called with ``exception(message)`` inside an except block."""

    def __init__(self, location, interval=WARNING_INTERVAL):
        self.location = location
        self.interval = interval
        self.last = None
        self.lock = threading.Lock()

    def exception(self, message, *args, **kwargs):
        now = time.monotonic()
        with self.lock:
            if self.last is not None and now - self.last < self.interval:
                return
            self.last = now
        error = sys.exc_info()[1]
        cause = getattr(error, "__cause__", None) or error
        logger.warning(
            "Cache unreachable (%s): %s; serving without cache, next warning in %s s at the earliest.",
            self.location,
            cause,
            self.interval,
        )


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._ignore_exceptions = params.get("OPTIONS", {}).get("IGNORE_EXCEPTIONS", True)
        self._log_ignored_exceptions = True
        self.logger = OutageLog(redact(server))


def redact(location):
    """The Redis address without a password, for the log."""
    if "@" in location:
        scheme, _sep, rest = location.partition("://")
        return f"{scheme}://…@{rest.rpartition('@')[2]}"
    return location
