"""The site's one public address: ``settings.PUBLIC_URL`` (scheme, host and port), and absolute URLs under it.

Wagtail builds page URLs from its ``Site`` (``Site.root_url``: port 80 → ``http://host``, 443 →
``https://host``, any other port → ``http://host:port``). ``setup_site`` and the demo loader write
PUBLIC_URL into the default Site (``site_fields``), so page URLs and everything built here agree.
Every other absolute URL (API links, feeds' self links, robots.txt, e-mails, widget origin) goes
through ``root_url``/``absolute`` below: the Site serving the request, else the default Site, else
PUBLIC_URL itself — never the Host header of the request.
"""

from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.core import checks
from django.db import DatabaseError
from wagtail.models import Site

from cms.request_cache import memo

DEFAULT_PORTS = {"http": 80, "https": 443}


class PublicUrlError(ValueError):
    """PUBLIC_URL is not an address a Wagtail Site can stand for; the message says why."""


@dataclass(frozen=True)
class PublicAddress:
    scheme: str
    hostname: str
    port: int

    @property
    def root_url(self):
        if self.port == DEFAULT_PORTS[self.scheme]:
            return f"{self.scheme}://{self.hostname}"
        return f"{self.scheme}://{self.hostname}:{self.port}"


def parse_public_url(value):
    """``https://kommunal.example.org`` → PublicAddress("https", "kommunal.example.org", 443).

    Refuses what Wagtail's Site cannot reproduce: it knows https only on port 443 and plain http on
    every other port, and it has no path prefix.
    """
    value = (value or "").strip()
    try:
        parts = urlsplit(value)
        port = parts.port
    except ValueError as error:
        raise PublicUrlError(f"PUBLIC_URL {value!r} is not a URL: {error}") from error
    scheme = parts.scheme.lower()
    if scheme not in DEFAULT_PORTS or not parts.hostname:
        raise PublicUrlError(f"PUBLIC_URL {value!r} must be http:// or https:// followed by a host name.")
    if parts.path not in ("", "/") or parts.query or parts.fragment or parts.username or parts.password:
        raise PublicUrlError(f"PUBLIC_URL {value!r} must be scheme, host and port only (no path, query or login).")
    port = port or DEFAULT_PORTS[scheme]
    if scheme == "https" and port != 443:
        raise PublicUrlError(f"PUBLIC_URL {value!r}: Wagtail's Site serves https on port 443 only.")
    if scheme == "http" and port == 443:
        raise PublicUrlError(f"PUBLIC_URL {value!r}: port 443 is https in Wagtail's Site.")
    return PublicAddress(scheme, parts.hostname.lower(), port)


def public_address():
    return parse_public_url(settings.PUBLIC_URL)


def site_fields(hostname=None, port=None):
    """Hostname and port of the default Site for PUBLIC_URL; explicit values (setup_site's options) win."""
    address = public_address()
    return {"hostname": hostname or address.hostname, "port": port or address.port}


def _default_site_root_url():
    site = Site.objects.filter(is_default_site=True).only("hostname", "port").first()
    return site.root_url if site else public_address().root_url


def root_url(request=None):
    """The public address without a trailing slash, as Wagtail's page URLs use it.

    With a request: the Site that serves it (the default Site for unknown hosts), once per request.
    Without one (e-mails, commands): the default Site. Without any Site: PUBLIC_URL.
    """
    if request is None:
        return _default_site_root_url()
    return memo(("public_root_url", request), lambda: _site_root_url(request))


def _site_root_url(request):
    site = Site.find_for_request(request)
    return site.root_url if site else public_address().root_url


def absolute(url, request=None):
    """A site-relative URL (``/de/…``) under the public address; absolute URLs (media on S3, other
    sites) and empty values are returned unchanged."""
    if not url or not url.startswith("/") or url.startswith("//"):
        return url
    return root_url(request) + url


def check_public_url(app_configs=None, **kwargs):
    """PUBLIC_URL must be an address a Site can stand for (registered in CmsConfig.ready)."""
    try:
        public_address()
    except PublicUrlError as error:
        return [checks.Error(str(error), hint="For example https://kommunal.example.org", id="cms.E020")]
    return []


def check_default_site(app_configs=None, databases=None, **kwargs):
    """The default Site must be at PUBLIC_URL, or page URLs point elsewhere (only with --database)."""
    if not databases:
        return []
    try:
        address = public_address()
        current = _default_site_root_url()
    except (PublicUrlError, DatabaseError):
        return []  # a bad PUBLIC_URL is cms.E020; a database without tables has no Site yet
    if current != address.root_url:
        return [
            checks.Warning(
                f"The default Site answers at {current}, PUBLIC_URL is {address.root_url}: page URLs, feeds and "
                "e-mails would point at the Site's address.",
                hint="Run manage.py setup_site.",
                id="cms.W020",
            )
        ]
    return []
