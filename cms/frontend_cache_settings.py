"""WAGTAILFRONTENDCACHE for settings/base.py: which CDN or caching proxy the page cache purges (cms/page_cache).

Reads no environment and imports no Django module, so settings can import it (like cms/cache_settings.py).
Each backend is used only when its settings are given; none means no CDN purges.
"""


def frontend_cache_settings(purge_url="", *, cloudflare_zone="", cloudflare_token="", cloudfront_distribution=""):
    backends = {}
    if purge_url:
        # Varnish, nginx or any proxy that accepts an HTTP PURGE for a URL.
        backends["http"] = {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend", "LOCATION": purge_url}
    if cloudflare_zone and cloudflare_token:
        backends["cloudflare"] = {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
            "ZONEID": cloudflare_zone,
            "BEARER_TOKEN": cloudflare_token,
        }
    if cloudfront_distribution:
        backends["cloudfront"] = {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
            "DISTRIBUTION_ID": cloudfront_distribution,
        }
    return backends
