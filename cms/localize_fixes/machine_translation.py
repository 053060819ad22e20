"""A machine translation provider that fails must not become a server error.

Upstream behaviour (wagtail-localize 1.14, ``views/edit_translation.machine_translate``): the view calls
the configured provider without catching anything. A provider that is down, too slow or refuses the
key raises ``requests.RequestException``; DeepL's translator does not check the HTTP status, so a refusal
surfaces as ``KeyError`` (no ``translations`` in the answer), an unexpected answer as ``ValueError``.
Each is a 500 for the translator.

This wraps the view: the translator is sent back to the translation editor with a message. Nothing is
lost: upstream writes the machine translations only after the provider has answered for every string.
"""

import logging

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from requests import RequestException
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail_localize.views import edit_translation

logger = logging.getLogger("cms.machine_translation")

PROVIDER_ERRORS = (RequestException, KeyError, ValueError)


def machine_translate(request, translation_id):
    try:
        return edit_translation.machine_translate(request, translation_id)
    except PROVIDER_ERRORS:
        logger.warning("Machine translation of translation %s failed", translation_id, exc_info=True)
        messages.error(
            request,
            _(
                "The machine translation service did not answer or refused the request. Nothing was changed: "
                "try again later or translate the texts yourself."
            ),
        )
        return redirect(get_valid_next_url_from_request(request) or reverse("wagtailadmin_home"))
