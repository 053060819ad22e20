"""Settings shared by every environment.

Environment variables are read in this package only (base, dev, test, production).
"""

import os
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url

from search.backend_settings import search_backends

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = env_bool("DEBUG", False)
# The site's one public address: scheme, host and port (no path). Every absolute URL (pages, API,
# feeds, sitemap, e-mails, admin notifications) derives from it; setup_site writes it into Wagtail's
# default Site (cms/public_url.py). production.py refuses to start without it.
PUBLIC_URL = os.environ.get("PUBLIC_URL", "http://127.0.0.1:8000").strip().rstrip("/")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", f"127.0.0.1,localhost,{urlsplit(PUBLIC_URL).hostname or ''}")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
# Reverse proxies in front of the app that append to X-Forwarded-For (cms/client_address.py): 0 when
# gunicorn faces the visitors, 1 behind nginx, 2 behind a load balancer and nginx.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
# A stale or missing form token gets a page in the site's design that says nothing was saved.
CSRF_FAILURE_VIEW = "cms.views.csrf_failure"

INSTALLED_APPS = [
    # Project apps first so their templates and translations win.
    "cms",
    "home",
    "programmes",
    "search",
    "editorial",
    "participation",
    "wagtail_localize",
    "wagtail_localize.locales",  # replaces wagtail.locales
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.search_promotions",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "wagtail.api.v2",
    "wagtail_headless_preview",
    "rest_framework",
    "modelcluster",
    "taggit",
    "corsheaders",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "cms.request_cache.RequestCacheMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "participation.middleware.PrivateFormPagesMiddleware",
]

ROOT_URLCONF = "cms.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "cms.wsgi.application"

# SQLite is the embedded default; production sets DATABASE_URL to PostgreSQL.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Languages -------------------------------------------------------------
# German is the source language. Arabic uses the Algerian locale: Western digits and
# Algerian month names come from Django's ar_DZ formats.
LANGUAGE_CODE = "de"
LANGUAGES = [
    ("de", "Deutsch"),
    ("fr", "Français"),
    ("ar-dz", "العربية"),
    ("en", "English"),
]
LANGUAGES_BIDI = ["ar", "ar-dz"]
# British English date and time formats for "en" (cms/formats/en).
FORMAT_MODULE_PATH = ["cms.formats"]
# KZ_LOCALE_PATH lets scripts/check_translations.py write fresh catalogues to a scratch copy.
LOCALE_PATHS = [Path(os.environ.get("KZ_LOCALE_PATH", BASE_DIR / "locale"))]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Berlin"

WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_LOCALIZE_DEFAULT_TRANSLATION_MODE = "synced"

# --- Static and media --------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# --- Caches ----------------------------------------------------------------------
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "kz",
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# --- Wagtail -------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Kommunale Zusammenarbeit"
WAGTAILADMIN_BASE_URL = PUBLIC_URL  # links in the admin's notification e-mails
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILEMBEDS_FINDERS = []  # no third-party embeds
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "ods", "pdf", "pptx", "txt", "xlsx", "zip"]
# Per-language search on the database (search/backends.py); SEARCH_BACKEND=opensearch|elasticsearch
# with SEARCH_URL switches to a cluster with per-language analysers (docs/search.md).
WAGTAILSEARCH_BACKENDS = search_backends(
    os.environ.get("SEARCH_BACKEND", "database"),
    os.environ.get("SEARCH_URL", ""),
    os.environ.get("SEARCH_INDEX", "kz"),
)
WAGTAILADMIN_COMMENTS_ENABLED = True
# Approval workflow (editorial/workflow.py): Freigabe is e-mailed when a page is submitted, the
# submitter when it is approved or sent back. Publishing directly cancels a running workflow.
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAIL_WORKFLOW_CANCEL_ON_PUBLISH = True
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "noreply@localhost")
WAGTAIL_USER_TIME_ZONES = ["Europe/Berlin", "Africa/Algiers", "Africa/Casablanca", "Africa/Tunis", "UTC"]

# --- API -------------------------------------------------------------------------
WAGTAILAPI_LIMIT_MAX = 50
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
# For If-None-Match from browser code; Content-Language is readable without (CORS-safelisted).
CORS_EXPOSE_HEADERS = ["ETag"]
CORS_ALLOWED_ORIGINS = env_list("CORS_ALLOWED_ORIGINS")
# Headless preview (cms/api/preview.py): with no client URL, pages preview in the admin as usual.
HEADLESS_PREVIEW_CLIENT_URL = os.environ.get("HEADLESS_PREVIEW_CLIENT_URL", "")
WAGTAIL_HEADLESS_PREVIEW = {
    "CLIENT_URLS": {"default": HEADLESS_PREVIEW_CLIENT_URL} if HEADLESS_PREVIEW_CLIENT_URL else {},
    "REDIRECT_ON_PREVIEW": False,
}
HEADLESS_PREVIEW_MAX_AGE = int(os.environ.get("HEADLESS_PREVIEW_MAX_AGE", "3600"))  # seconds a token is valid

# --- E-mail ------------------------------------------------------------------------
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "noreply@localhost")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "10"))

# --- Participation (event registration, expressions of interest; docs/participation.md) ---
# Days after an event's end (registrations), after the call's deadline or the last change, whichever
# is later (expressions of interest), or after writing (outbox e-mails) before
# purge_expired_submissions deletes them.
PARTICIPATION_RETENTION_DAYS = int(os.environ.get("PARTICIPATION_RETENTION_DAYS", "180"))
# Submissions per client address within the window (seconds); more get 429.
PARTICIPATION_RATE_LIMIT = int(os.environ.get("PARTICIPATION_RATE_LIMIT", "10"))
PARTICIPATION_RATE_LIMIT_WINDOW = int(os.environ.get("PARTICIPATION_RATE_LIMIT_WINDOW", "600"))
# send_pending_mail gives up on an e-mail after this many failed attempts (it stays in the outbox).
PARTICIPATION_MAIL_MAX_ATTEMPTS = int(os.environ.get("PARTICIPATION_MAIL_MAX_ATTEMPTS", "10"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

WAGTAILIMAGES_IMAGE_FORM_BASE = "cms.image_forms.AccessibleImageForm"
