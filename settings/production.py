"""Production: PostgreSQL (DATABASE_URL), Redis (REDIS_URL) and S3-compatible media storage."""

import os

from django.core.exceptions import ImproperlyConfigured

from cms.log_format import logging_config
from cms.storage_settings import s3_media_settings

from .base import *  # noqa: F403
from .base import DATABASES, LOG_FORMAT, STORAGES, env_bool

DEBUG = False
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set in the environment for production.")
if not os.environ.get("DATABASE_URL"):
    raise ImproperlyConfigured("DATABASE_URL must be set in the environment for production.")
# The default (http://127.0.0.1:8000) would put a dead address into every link, feed and e-mail.
if not os.environ.get("PUBLIC_URL", "").strip():
    raise ImproperlyConfigured(
        "PUBLIC_URL (e.g. https://kommunal.example.org) must be set in the environment for production."
    )

# Keep database connections between requests: opening one costs more than most page queries. Health
# checks replace a connection the server closed. DATABASE_CONN_MAX_AGE=0 closes after each request.
DATABASES["default"]["CONN_MAX_AGE"] = int(os.environ.get("DATABASE_CONN_MAX_AGE", "60"))
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
# Probes talk plain HTTP to the app port; a redirect to https would read as "down".
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
# HSTS (docs/security.md): browsers refuse plain HTTP for this host for SECURE_HSTS_SECONDS. Include
# subdomains only when every subdomain serves HTTPS; preload only after submitting the domain to
# hstspreload.org, which is hard to undo (months).
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", False)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
# check --deploy keeps warning until the operator has decided; a variable set to 0 is that decision.
SILENCED_SYSTEM_CHECKS = [
    check_id
    for name, check_id in (
        ("SECURE_HSTS_INCLUDE_SUBDOMAINS", "security.W005"),
        ("SECURE_HSTS_PRELOAD", "security.W021"),
    )
    if os.environ.get(name) is not None and not env_bool(name)
]
SECURE_CONTENT_TYPE_NOSNIFF = True

# Staff who read personal data always log in with a second factor in production.
if not env_bool("OTP_REQUIRED", True):
    raise ImproperlyConfigured("OTP_REQUIRED cannot be switched off in production (docs/security.md).")
OTP_REQUIRED = True
# Rate limits, login throttling and sessions need one cache for all processes (cms/checks.py).
REQUIRE_SHARED_CACHE = True

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

LOG_LEVEL = os.environ.get("LOG_LEVEL", "INFO").upper()
LOGGING = logging_config(LOG_LEVEL, LOG_FORMAT)

# Error reporting, only when a DSN is configured. No personal data leaves the server: no user,
# IP address, cookies or headers (send_default_pii=False) and no request bodies, which hold
# registration forms (names, e-mail addresses).
SENTRY_DSN = os.environ.get("SENTRY_DSN", "")
if SENTRY_DSN:
    import sentry_sdk
    from sentry_sdk.integrations.django import DjangoIntegration

    sentry_sdk.init(
        dsn=SENTRY_DSN,
        environment=os.environ.get("SENTRY_ENVIRONMENT", "production"),
        release=os.environ.get("SENTRY_RELEASE") or None,
        integrations=[DjangoIntegration()],
        send_default_pii=False,
        max_request_body_size="never",
        traces_sample_rate=float(os.environ.get("SENTRY_TRACES_SAMPLE_RATE", "0")),
    )
