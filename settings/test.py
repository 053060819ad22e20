import os

from .base import *  # noqa: F403

SECRET_KEY = "test-only-key"
DEBUG = False
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# The suite must not depend on a Redis server; cache behaviour is tested explicitly.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
MEDIA_ROOT = os.environ.get("TEST_MEDIA_ROOT", "/tmp/kz-test-media")
WAGTAILADMIN_BASE_URL = "http://testserver"
# Admin tests log in without a second factor; security/tests switch it on where it is under test.
OTP_REQUIRED = False
# Tasks run at once, in the request that enqueues them (after its commit), so tests see their effect
# (mail.outbox, reference index) without a worker. Tests of the queue itself switch to the database
# backend (participation/tests/test_mail_queue.py, cms/tests/test_renditions.py).
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
