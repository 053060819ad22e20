"""Helpers for tests of the site in several languages (not a test module)."""

from wagtail.models import Locale, Page

OTHER_LOCALES = ("fr", "ar-dz", "en")


def alias_missing_pages(locales=OTHER_LOCALES):
    """Give every live German page an alias in each locale where it has no version yet, in tree order,
    as wagtail-localize's "synchronise from de" does."""
    for code in locales:
        locale = Locale.objects.get_or_create(language_code=code)[0]
        for page in Page.objects.filter(locale=Locale.get_default(), depth__gt=1).live().order_by("path"):
            if not page.get_translations().filter(locale=locale).exists():
                page.copy_for_translation(locale, copy_parents=True, alias=True)


def version(page, code):
    """``page``'s version (translation or alias) in language ``code``."""
    return Page.objects.get(translation_key=page.translation_key, locale__language_code=code).specific
