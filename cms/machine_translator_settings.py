"""``WAGTAILLOCALIZE_MACHINE_TRANSLATOR`` from the environment: DeepL or LibreTranslate, off by default.

wagtail-localize ships a translator class for each; with one configured, its translation editor offers
a button that fills the still empty strings of a translation for a translator to check and publish.
Read by ``settings/base.py`` only (docs/translation.md, "Machine pre-translation").
"""

from django.core.exceptions import ImproperlyConfigured

PROVIDERS = {
    # Upstream's DeepL translator, with an optional address of its own (cms/machine_translators.py).
    "deepl": "cms.machine_translators.ConfigurableDeepLTranslator",
    "libretranslate": "wagtail_localize.machine_translators.libretranslate.LibreTranslator",
}
# Seconds to wait for the provider; the translator's request (and a gunicorn worker) waits as long.
TIMEOUT = 20


def machine_translator_settings(provider="", url="", key=""):
    """The setting's value, or ``None`` (no machine translation) when ``provider`` is empty."""
    provider = provider.strip().lower()
    if not provider:
        return None
    if provider not in PROVIDERS:
        raise ImproperlyConfigured(
            f"MACHINE_TRANSLATOR must be one of {', '.join(PROVIDERS)} or empty, not {provider!r}."
        )
    if provider == "deepl":
        if not key:
            raise ImproperlyConfigured("MACHINE_TRANSLATOR=deepl needs MACHINE_TRANSLATOR_KEY (the DeepL API key).")
        options = {"AUTH_KEY": key, "TIMEOUT": TIMEOUT}
        # Without an address, DeepL's is chosen by the key: free keys (ending in ":fx") use api-free.
        if url:
            options["API_URL"] = url.rstrip("/")
        return {"CLASS": PROVIDERS[provider], "OPTIONS": options}
    if not url:
        raise ImproperlyConfigured(
            "MACHINE_TRANSLATOR=libretranslate needs MACHINE_TRANSLATOR_URL (e.g. https://translate.example.org)."
        )
    options = {"LIBRETRANSLATE_URL": url.rstrip("/"), "API_KEY": key, "TIMEOUT": TIMEOUT}
    return {"CLASS": PROVIDERS[provider], "OPTIONS": options}
