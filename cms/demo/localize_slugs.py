"""Workaround: slugs that wagtail-localize cannot take as translated.

wagtail-localize runs the translated slug through ``django.utils.text.slugify`` without
``allow_unicode`` when it saves a page translation (``TranslationSource.create_or_update_translation``).
An Arabic slug such as "الرئيسية" becomes "", and the page then fails validation ("slug required")
or, worse, gets an empty slug. So a translated slug that has no ASCII slug is replaced by the
source (German) slug before import; the page's URL keeps the German path segment under /ar-dz/.

Each locale's home page is a child of the tree root, where all locales' home pages are siblings and
slugs must be unique among siblings (Wagtail checks siblings of every locale). A translated
"home" -> "home" (en) would clash with the German home, and wagtail-localize would quietly rename it
"home-2". Home pages are not part of any URL (sites serve the tree below them), so they get
"<source slug>-<language code>", the slug Wagtail itself gives to their aliases ("home-fr").
"""

from django.utils.text import slugify


def translated_slug(source_page, translated, language_code):
    """The slug to import for ``source_page`` in ``language_code``, given the translator's slug."""
    if source_page.depth <= 2:
        return f"{source_page.slug}-{language_code}"
    slug = slugify(translated or "")
    return slug or source_page.slug
