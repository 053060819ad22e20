"""Language tags and writing direction, for templates, API, feeds, calendars, sitemap and JSON-LD alike.

Django names a language "ar-dz"; the lang attribute, hreflang, Content-Language, xml:lang and
schema.org's inLanguage want the BCP 47 tag "ar-DZ"; Open Graph wants a territory ("de_DE").
Content not yet translated (a wagtail-localize alias, a snippet from another locale) is written in
another language than the visitor's: ``source_language`` says which.
"""

from django.conf import settings
from django.utils.translation import get_language, get_language_info, to_locale
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale

from cms import site_chrome
from cms.request_cache import memo

# Open Graph wants a territory; the languages here are read in these countries.
OG_LOCALES = {"de": "de_DE", "fr": "fr_FR", "ar-dz": "ar_DZ", "en": "en_GB"}


def bcp47(language_code):
    """Django's "ar-dz" → "ar-DZ" (BCP 47); the site's default language when there is none."""
    return to_locale(language_code or settings.LANGUAGE_CODE).replace("_", "-")


def direction(language_code):
    """ "rtl" or "ltr" for a language; "ltr" for one Django does not know (nothing to mirror then)."""
    try:
        return "rtl" if get_language_info(language_code or settings.LANGUAGE_CODE)["bidi"] else "ltr"
    except KeyError:
        return "ltr"


def og_locale(language_code):
    """Open Graph's locale ("ar_DZ", "de_DE") for a language."""
    return OG_LOCALES.get(language_code, to_locale(language_code))


def default_language():
    """The source language's code among the content languages ("de"), from the settings: no query."""
    return get_supported_content_language_variant(settings.LANGUAGE_CODE)


def active_locale():
    """The visitor's Locale (the default one for a language without a locale), once per request."""
    return memo(("active_locale", get_language()), _lookup_active_locale)


def _lookup_active_locale():
    try:
        return Locale.get_active()
    except Locale.DoesNotExist:
        return Locale.get_default()


def locale_codes():
    """{Locale id: Django language code}, read once per request (from the cached site frame)."""
    return memo("locale_codes", site_chrome.locale_codes)


def source_language(obj):
    """The language (Django code) ``obj``'s text is written in when that is not the visitor's, else "".

    An alias (wagtail-localize's stand-in for a page not yet translated) carries the source
    language's text; a page or snippet from another locale carries that locale's.
    """
    locale_id = getattr(obj, "locale_id", None)
    if locale_id is None:
        return ""
    current = get_language() or settings.LANGUAGE_CODE
    if getattr(obj, "alias_of_id", None):
        code = default_language()
    elif locale_id == active_locale().pk and active_locale().language_code == current:
        return ""
    else:
        code = locale_codes().get(locale_id, settings.LANGUAGE_CODE)
    return "" if code == current else code


def foreign_language_tag(obj):
    """The BCP 47 tag for ``obj``'s text when it is not in the visitor's language, else ""."""
    code = source_language(obj)
    return bcp47(code) if code else ""


def content_language_tag(obj):
    """The BCP 47 tag of the language ``obj``'s text is written in (the visitor's unless it is untranslated)."""
    # No source language: the text is in the visitor's (which costs no query, unlike obj.locale).
    return bcp47(source_language(obj) or get_language())
