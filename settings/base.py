"""Settings shared by every environment.

Environment variables are read in this package only (base, dev, test, production).
"""

import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url

from cms.cache_settings import DEFAULT_REDIS_TIMEOUT, cache_settings
from cms.frontend_cache_settings import frontend_cache_settings
from cms.log_format import logging_config
from cms.machine_translator_settings import machine_translator_settings
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
    "editorial_tools",
    "participation",
    "security",
    "news",
    "wagtail_localize",
    "wagtail_localize.locales",  # replaces wagtail.locales
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
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
    "django_tasks",
    "django_tasks_db",
    "rest_framework",
    "modelcluster",
    "taggit",
    "corsheaders",
    "csp",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    # Only for its catalogue: Wagtail's admin uses its naturaltime ("vor 3 Sekunden", not "3 seconds ago").
    "django.contrib.humanize",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    # Last: connects the page cache's purges once every app is ready and every snippet registered.
    "cms.page_cache",
]

MIDDLEWARE = [
    # First, so every later middleware's log lines carry the request id (cms/request_id.py).
    "cms.request_id.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Before WhiteNoise, so that static files (the widget's script) get their headers too.
    "cms.content_security.middleware.BrowserPolicyMiddleware",
    "cms.content_security.middleware.ContentSecurityPolicyMiddleware",
    "cms.request_cache.RequestCacheMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Anonymous responses from the cache (cms/page_cache): a hit skips everything below; it stores what
    # leaves them, so a hit has a miss's headers. The request id, security and CSP headers above still run.
    "cms.page_cache.middleware.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # The admin in German unless the user chose another language (cms/admin_language.py).
    "cms.admin_language.AdminDefaultLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # request.user.is_verified(): whether this session passed the second factor.
    "django_otp.middleware.OTPMiddleware",
    "security.middleware.AdminSecondFactorMiddleware",
    "security.middleware.MalformedAdminPostMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "participation.middleware.PrivateFormPagesMiddleware",
    # A search cluster that is down is a 503 "search unavailable", not a 500 (docs/search.md).
    "search.middleware.SearchUnavailableMiddleware",
    # Last, as django-axes requires: turns a locked-out login into the lockout page (security/lockout.py).
    "axes.middleware.AxesMiddleware",
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

# --- Login throttling and second factor (docs/security.md) ------------------------
# django-axes counts failed logins (admin, front-end login, any authenticate() call) per username AND
# client address in the database, so every worker and host shares them; page passwords are counted
# per client address and page in the cache (security/page_passwords.py). Both use these limits.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # first: refuses a locked-out username/address pair
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
LOGIN_COOLOFF = timedelta(minutes=int(os.environ.get("LOGIN_COOLOFF_MINUTES", "15")))
AXES_FAILURE_LIMIT = LOGIN_FAILURE_LIMIT
AXES_COOLOFF_TIME = LOGIN_COOLOFF
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_CLIENT_IP_CALLABLE = "cms.client_address.client_ip"
AXES_LOCKOUT_CALLABLE = "security.lockout.lockout_response"
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_RESET_ON_SUCCESS = True
# Successful logins are not recorded: the platform has no use for a log of who logged in from where.
AXES_DISABLE_ACCESS_LOG = True
AXES_ENABLE_ADMIN = False  # no Django admin; the Wagtail report "Gesperrte Anmeldungen" unlocks
# Second factor (TOTP, django-otp) in the Wagtail admin. Required for whoever holds one of these
# permissions (reading registrations and expressions of interest, or changing users: Programmteam,
# Administratoren and superusers); optional for everyone else. Production always requires it;
# development may switch it off with OTP_REQUIRED=0.
OTP_REQUIRED = env_bool("OTP_REQUIRED", True)
OTP_REQUIRED_PERMISSIONS = [
    "participation.view_registration",
    "participation.view_expressionofinterest",
    "auth.change_user",
]
OTP_TOTP_ISSUER = os.environ.get("OTP_TOTP_ISSUER", "Kommunale Zusammenarbeit")
OTP_RECOVERY_CODES = 10
# Front-end logins (private pages) and page passwords with an unsafe or no ?next= land on the home page.
LOGIN_REDIRECT_URL = "/"

# --- security.txt (RFC 9116, /.well-known/security.txt; 404 until SECURITY_CONTACT is set) ---
# Comma-separated; e-mail addresses become mailto: URIs. Expires is an ISO 8601 date-time.
SECURITY_CONTACT = env_list("SECURITY_CONTACT")
SECURITY_TXT_EXPIRES = os.environ.get("SECURITY_TXT_EXPIRES", "")
SECURITY_TXT_LANGUAGES = env_list("SECURITY_TXT_LANGUAGES", "de,en,fr")
SECURITY_TXT_POLICY = os.environ.get("SECURITY_TXT_POLICY", "")

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
# locale_overrides/ corrects Wagtail's and wagtail-localize's own catalogues (strings they leave in English
# or translate wrongly); it comes second so that makemessages never writes there, and it still wins over
# every installed app's catalogue (docs/translation.md).
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale_overrides"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Berlin"

WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_LOCALIZE_DEFAULT_TRANSLATION_MODE = "synced"

# --- Static and media --------------------------------------------------------
# Where collectstatic writes and WhiteNoise serves from; MEDIA_ROOT is where uploads go without S3.
STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Image renditions: beside the originals on disk; a public-read prefix with S3 (cms/storage_settings.py).
    "renditions": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WAGTAILIMAGES_RENDITION_STORAGE = "cms.storage.rendition_storage"

# --- Caches ----------------------------------------------------------------------
# Redis (django-redis) when REDIS_URL is set. An unreachable Redis makes every call a miss after at most
# REDIS_TIMEOUT seconds and is logged; it never fails a request (cms/cache.py).
REDIS_URL = os.environ.get("REDIS_URL", "")
CACHES = cache_settings(
    REDIS_URL,
    # Several sites (or test runs) can share one Redis database under different prefixes.
    key_prefix=os.environ.get("REDIS_KEY_PREFIX", "kz"),
    timeout=float(os.environ.get("REDIS_TIMEOUT", DEFAULT_REDIS_TIMEOUT)),
)
# Whole anonymous responses, replayed from the cache above and purged on every content change
# (cms/page_cache, docs/performance.md): PAGE_CACHE=off turns it off. An entry lives PAGE_CACHE_TIMEOUT
# seconds at most, and never past the next date-driven change (a call closing, an event starting).
PAGE_CACHE_ENABLED = os.environ.get("PAGE_CACHE", "on").strip().lower() != "off"
PAGE_CACHE_TIMEOUT = int(os.environ.get("PAGE_CACHE_TIMEOUT", "3600"))
# Each process keeps copies of the entries it served lately (cms/page_cache/store.py), up to this size:
# a hit then reads a few bytes from Redis instead of the whole response.
PAGE_CACHE_RECENT_BYTES = int(os.environ.get("PAGE_CACHE_RECENT_MB", "32")) * 2**20
# Seconds a CDN may keep a page (Cache-Control s-maxage, cut at the next change); 0: it asks every time.
PAGE_CACHE_CDN_MAX_AGE = int(os.environ.get("PAGE_CACHE_CDN_MAX_AGE", "0"))
# The CDN or caching proxy sent the purges (wagtail.contrib.frontend_cache); none unless configured.
WAGTAILFRONTENDCACHE = frontend_cache_settings(
    os.environ.get("FRONTEND_CACHE_PURGE_URL", ""),
    cloudflare_zone=os.environ.get("CLOUDFLARE_ZONE_ID", ""),
    cloudflare_token=os.environ.get("CLOUDFLARE_API_TOKEN", ""),
    cloudfront_distribution=os.environ.get("CLOUDFRONT_DISTRIBUTION_ID", ""),
)
# Sessions live in the database: a cache outage must not log editors out or lose a form in progress.
SESSION_ENGINE = "django.contrib.sessions.backends.db"

# --- Wagtail -------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Kommunale Zusammenarbeit"
WAGTAILADMIN_BASE_URL = PUBLIC_URL  # links in the admin's notification e-mails
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILEMBEDS_FINDERS = []  # no third-party embeds
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
# Uploads with more pixels are refused with a form error (cms/image_forms.py): every rendition decodes the
# whole image, 4 bytes a pixel. Wagtail's default is 128 megapixels.
WAGTAILIMAGES_MAX_IMAGE_PIXELS = int(os.environ.get("WAGTAILIMAGES_MAX_IMAGE_PIXELS", 40_000_000))
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
# The snippet a body's contact card points to ("app_label.Model", like WAGTAILIMAGES_IMAGE_MODEL):
# the block library in cms/ names no content app. Changing it needs a migration of every body field.
PLATFORM_CONTACT_SNIPPET = "programmes.ContactPoint"
# Machine pre-translation in the translation editor (docs/translation.md): deepl | libretranslate,
# off when empty. It fills a translation's empty strings for a translator to check; it never publishes.
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = machine_translator_settings(
    os.environ.get("MACHINE_TRANSLATOR", ""),
    os.environ.get("MACHINE_TRANSLATOR_URL", "").strip(),
    os.environ.get("MACHINE_TRANSLATOR_KEY", "").strip(),
)

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

# --- Background jobs (docs/deployment.md "Background jobs") ----------------------------
# Mail, renditions and Wagtail's own background work (reference index, search index) are tasks in
# PostgreSQL (or SQLite), run by `manage.py db_worker`; a visitor's request only enqueues them.
TASKS = {"default": {"BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend")}}
# Seconds a worker may hold an e-mail it is sending before another worker may take it over (a worker
# that died mid-send). Must exceed the longest SMTP conversation, i.e. several EMAIL_TIMEOUTs.
PARTICIPATION_MAIL_LEASE = int(os.environ.get("PARTICIPATION_MAIL_LEASE", "300"))
# The broken-link check (editorial_tools/link_check.py, docs/editors.md): seconds per request, requests at
# once, and seconds between two requests to the same host.
LINK_CHECK_TIMEOUT = float(os.environ.get("LINK_CHECK_TIMEOUT", "10"))
LINK_CHECK_CONCURRENCY = int(os.environ.get("LINK_CHECK_CONCURRENCY", "4"))
LINK_CHECK_HOST_INTERVAL = float(os.environ.get("LINK_CHECK_HOST_INTERVAL", "1"))

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

# --- Health (cms/health.py) ---------------------------------------------------------------
# /readyz runs these; each returns a short detail or raises.
READINESS_CHECKS = {
    "database": "cms.health.check_database",
    "cache": "cms.health.check_cache",
    "storage": "cms.health.check_storage",
    "queue": "cms.health.check_task_backend",
}

# --- Content-Security-Policy and other browser policies (cms/content_security; docs/security.md) ---
# Public pages (django-csp 4's format): nothing inline, nothing from another origin. The media
# storage's origin is added to img-src at start-up when media is not served from this origin (S3).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "report-uri": ["/csp-report/"],
        "report-to": "csp",
    },
}
# Everything that is not an HTML page (API, feeds, calendars, sitemap): nothing may load or run.
CONTENT_SECURITY_POLICY_NON_HTML = {
    "DIRECTIVES": {
        "default-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'none'"],
        "frame-ancestors": ["'none'"],
        "report-uri": ["/csp-report/"],
        "report-to": "csp",
    },
}
# The admin (Wagtail 7.4): enforced as far as Wagtail allows. Its templates write inline <script>s
# (date pickers, inline panels, wagtail-localize) and its vendor.js inserts inline scripts and <style>s,
# so these are allowed, and only reported against the strict report-only policy below; inline event
# handlers (script-src-attr), which Wagtail does not use, stay blocked.
CONTENT_SECURITY_POLICY_ADMIN = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", "'unsafe-inline'"],
        "script-src-attr": ["'none'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'"],
        "worker-src": ["'self'", "blob:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
        "report-uri": ["/csp-report/"],
        "report-to": "csp",
    },
}
CONTENT_SECURITY_POLICY_ADMIN_REPORT_ONLY = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY_ADMIN["DIRECTIVES"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
    },
}
# Who may show the widget (/widget/) in a frame: any site by default, as docs/api.md promises partners.
WIDGET_FRAME_ANCESTORS = env_list("WIDGET_FRAME_ANCESTORS", "*")
# Violation reports a client may send per window (seconds) to /csp-report/; more get 429, unlogged.
CSP_REPORT_RATE_LIMIT = int(os.environ.get("CSP_REPORT_RATE_LIMIT", "30"))
CSP_REPORT_RATE_LIMIT_WINDOW = int(os.environ.get("CSP_REPORT_RATE_LIMIT_WINDOW", "60"))
# Browser features no page of the platform uses; "()" turns a feature off, also for frames. Only features
# Chromium knows: an unknown one is a console error on every page (tests/browser/test_content_security.py).
PERMISSIONS_POLICY = {
    "accelerometer": [],
    "autoplay": [],
    "browsing-topics": [],
    "camera": [],
    "display-capture": [],
    "encrypted-media": [],
    "geolocation": [],
    "gyroscope": [],
    "hid": [],
    "idle-detection": [],
    "magnetometer": [],
    "microphone": [],
    "midi": [],
    "payment": [],
    "screen-wake-lock": [],
    "serial": [],
    "usb": [],
    "xr-spatial-tracking": [],
}

# --- Logs (cms/log_format.py) ---------------------------------------------------------
# Every line: time, level, logger, request id. LOG_FORMAT=json writes one JSON object per line.
LOG_LEVEL = os.environ.get("LOG_LEVEL", "WARNING").upper()
LOG_FORMAT = os.environ.get("LOG_FORMAT", "text").lower()
LOGGING = logging_config(LOG_LEVEL, LOG_FORMAT)

WAGTAILIMAGES_IMAGE_FORM_BASE = "cms.image_forms.AccessibleImageForm"
# A storage that is down is a form error on upload, not a 500 (cms/upload_forms.py).
WAGTAILDOCS_DOCUMENT_FORM_BASE = "cms.document_forms.DocumentForm"
