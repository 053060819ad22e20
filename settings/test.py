import os

from .base import *  # noqa: F403
from .base import DATABASES

# `manage.py makemigrations --check` (make lint) opens the database: with the default file it left an
# empty db.sqlite3 behind. pytest-django's SQLite test database is in memory either way.
if not os.environ.get("DATABASE_URL"):
    DATABASES["default"]["NAME"] = ":memory:"

SECRET_KEY = "test-only-key"
DEBUG = False
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# The suite must not depend on a Redis server; cache behaviour is tested explicitly.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Off, so other tests render every request; the page cache's tests switch it on (cms/page_cache/tests).
PAGE_CACHE_ENABLED = False
WAGTAILFRONTENDCACHE = {}
MEDIA_ROOT = os.environ.get("TEST_MEDIA_ROOT", "/tmp/kz-test-media")
# The Django test client's host: absolute URLs in answers can be followed with the client.
PUBLIC_URL = "http://testserver"
WAGTAILADMIN_BASE_URL = PUBLIC_URL
# Admin tests log in without a second factor; security/tests switch it on where it is under test.
OTP_REQUIRED = False
# Tasks run at once, in the request that enqueues them (after its commit), so tests see their effect
# (mail.outbox, reference index) without a worker. Tests of the queue itself switch to the database
# backend (participation/tests/test_mail_queue.py, cms/tests/test_renditions.py).
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
