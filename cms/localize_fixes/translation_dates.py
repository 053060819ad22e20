"""wagtail-localize's translation editor with dates in the editor's language.

Upstream behaviour (wagtail-localize 1.14): ``StringTranslation.get_comment()`` and the editor's
``lastPublishedDate`` format dates with ``strftime("%-d %B %Y")`` (``wagtail_localize.compat.DATE_FORMAT``),
so the German editor reads "Manuell übersetzt am 5 December 2026". The project leaves those methods alone
and rewrites the English dates in what the editor's views send to the browser: the props of the editor
page (``before_edit_page`` / ``before_edit_snippet``, wrapped below) and the JSON answer of a saved
string (``localized_string_dates``, mounted by ``locale_permissions.guarded_urlpatterns``).
"""

import html
import json
import re
from datetime import date
from functools import wraps

from django.utils.formats import date_format
from wagtail_localize import wagtail_hooks as localize_hooks

ENGLISH_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
# What strftime("%-d %B %Y") writes in the server's C locale.
UPSTREAM_DATE = re.compile(r"\b(\d{1,2}) (" + "|".join(ENGLISH_MONTHS) + r") (\d{4})\b")
EDITOR_PROPS = re.compile(r'(<div class="js-translation-editor" data-props=")([^"]*)(")')


def localize_dates(text):
    """``text`` with every upstream English date written in the active language's DATE_FORMAT."""
    if not text:
        return text

    def local(match):
        day, month, year = match.groups()
        return date_format(date(int(year), ENGLISH_MONTHS.index(month) + 1, int(day)))

    return UPSTREAM_DATE.sub(local, text)


def _localize_props(props):
    editor_object = props.get("object") or {}
    editor_object["lastPublishedDate"] = localize_dates(editor_object.get("lastPublishedDate"))
    for string_translation in props.get("initialStringTranslations") or []:
        string_translation["comment"] = localize_dates(string_translation.get("comment"))
    return props


def localize_editor_page(response):
    """The translation editor page ``response`` with its React props' dates localized (others unchanged)."""
    if response is None or not hasattr(response, "content"):
        return response

    def rewrite(match):
        props = _localize_props(json.loads(html.unescape(match.group(2))))
        return match.group(1) + html.escape(json.dumps(props)) + match.group(3)

    content = response.content.decode()
    rewritten = EDITOR_PROPS.sub(rewrite, content)
    if rewritten != content:
        response.content = rewritten.encode()
    return response


def localized_string_dates(view):
    """Wrap wagtail-localize's edit_string_translation: its JSON's ``comment`` with a localized date."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        # A DRF Response renders its ``data`` later, on the way out.
        data = getattr(response, "data", None)
        if isinstance(data, dict) and "comment" in data:
            data["comment"] = localize_dates(data["comment"])
        return response

    return wrapped


def before_edit_page(request, page):
    return localize_editor_page(localize_hooks.before_edit_page(request, page))


def before_edit_snippet(request, instance):
    return localize_editor_page(localize_hooks.before_edit_snippet(request, instance))
