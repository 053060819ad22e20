"""DeepL at an address of the deployment's choosing (``MACHINE_TRANSLATOR_URL``).

Upstream behaviour (wagtail-localize 1.14, ``machine_translators/deepl.py``): ``DeepLTranslator`` picks
its address from the key alone (keys ending in ``:fx`` use api-free.deepl.com, others api.deepl.com),
so a proxy, DeepL's own regional endpoints or a loopback stand-in in tests cannot be used. This
subclass only replaces ``get_api_endpoint``: with the option ``API_URL`` (the base address, as in
DeepL's documentation, e.g. ``https://api.deepl.com``) it posts to ``<API_URL>/v2/translate``; without
it upstream decides. Parameters, headers and the answer's handling stay upstream's.
"""

from wagtail_localize.machine_translators.deepl import DeepLTranslator


class ConfigurableDeepLTranslator(DeepLTranslator):
    def get_api_endpoint(self):
        if base := self.options.get("API_URL"):
            return f"{base.rstrip('/')}/v2/translate"
        return super().get_api_endpoint()
