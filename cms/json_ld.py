"""schema.org JSON-LD: the vocabulary's address, serialisation safe inside <script>, the element itself.

Apps build their own types (events, calls, partnerships) as plain dicts and hand them to ``script``;
only what the page itself shows publicly goes in.
"""

import json

from django.utils.safestring import mark_safe

SCHEMA = "https://schema.org"

_EMPTY = (None, "", [], {})


def _clean(data):
    """Drop empty values so that the output says nothing rather than something empty."""
    if isinstance(data, dict):
        return {key: _clean(value) for key, value in data.items() if value not in _EMPTY}
    if isinstance(data, list):
        return [_clean(value) for value in data if value not in _EMPTY]
    return data


def to_json_ld(data):
    # "</script>" or "<!--" inside a title must not end the script element.
    text = json.dumps(_clean(data), ensure_ascii=False, indent=None, sort_keys=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def script(data):
    """The <script type="application/ld+json"> element for ``data``, marked safe for templates."""
    # to_json_ld escapes <, > and &, so the text cannot close the element.
    return mark_safe(f'<script type="application/ld+json">{to_json_ld(data)}</script>')
