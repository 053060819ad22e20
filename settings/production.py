"""Production: PostgreSQL (DATABASE_URL), Redis (REDIS_URL) and S3-compatible media storage."""

import os

from django.core.exceptions import ImproperlyConfigured

from cms.storage_settings import s3_media_settings

from .base import *  # noqa: F403
from .base import STORAGES, env_bool

DEBUG = False
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set in the environment for production.")
if not os.environ.get("DATABASE_URL"):
    raise ImproperlyConfigured("DATABASE_URL must be set in the environment for production.")

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
SECURE_CONTENT_TYPE_NOSNIFF = True

STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# S3-compatible media storage (AWS S3, MinIO, Ceph …) when a bucket is configured: originals and
# documents private behind signed URLs, renditions public by bucket policy (docs/deployment.md).
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
if AWS_STORAGE_BUCKET_NAME:
    _media = s3_media_settings(
        AWS_STORAGE_BUCKET_NAME,
        endpoint_url=os.environ.get("AWS_S3_ENDPOINT_URL"),
        region=os.environ.get("AWS_S3_REGION_NAME"),
        custom_domain=os.environ.get("AWS_S3_CUSTOM_DOMAIN"),  # renditions only
        url_expire=int(os.environ.get("AWS_QUERYSTRING_EXPIRE", "600")),
        timeout=float(os.environ.get("AWS_S3_TIMEOUT", "5")),
    )
    STORAGES = {**STORAGES, **_media["STORAGES"]}
    WAGTAILDOCS_SERVE_METHOD = _media["WAGTAILDOCS_SERVE_METHOD"]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}
