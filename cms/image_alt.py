"""An image's alternative text in a language: the one place that chooses it (issue 14).

The default language's text is the image's own ``description`` (required at upload); the other
languages have one optional ``ImageAltText`` each. Where a language has none, the default text is
used and said to be in the default language, so that templates mark it (``lang="de"``) and screen
readers pronounce it as German rather than reading German words with French rules. Templates mark
the image's own text with its language always: an untranslated page (an alias) shows its German body
marked ``lang="de"`` at a French address, where the image's French text needs ``lang="fr"``.

Lists of images fetch their alternative texts with one query (``alt_texts_prefetch``); the default
language needs none, so pages in German do not pay for the other languages. A query for images
themselves can bring every language's text along at no extra query (``with_alt_text_columns``).
"""

from typing import NamedTuple

from django.conf import settings
from django.db.models import OuterRef, Prefetch, Subquery, prefetch_related_objects
from django.utils.translation import get_language
from wagtail.coreutils import get_supported_content_language_variant

from cms.languages import bcp47, default_language
from cms.models import ImageAltText


class Alt(NamedTuple):
    text: str
    language: str  # the language code the text is written in

    @property
    def lang(self):
        """The language as the HTML lang attribute wants it ("ar-DZ")."""
        return bcp47(self.language)


def content_language(language=None):
    """``language`` (or the active one) as one of the content languages; the default one if unknown."""
    try:
        return get_supported_content_language_variant(language or get_language() or settings.LANGUAGE_CODE)
    except LookupError:
        return default_language()


def alt_for(image, language=None):
    """The image's alternative text in ``language`` (default: the active one), else the default language's."""
    language = content_language(language)
    fallback = Alt(image.description or "", default_language())
    if language == fallback.language:
        return fallback
    column = _column(language)
    if column in image.__dict__:  # with_alt_text_columns
        text = (image.__dict__[column] or "").strip()
        return Alt(text, language) if text else fallback
    for alt_text in image.alt_texts.all():  # prefetched where images are listed
        if alt_text.locale.language_code == language and alt_text.text.strip():
            return Alt(alt_text.text.strip(), language)
    return fallback


def alt_texts_prefetch(lookup="alt_texts"):
    """For ``prefetch_related``: ``lookup`` is the path to the images' alt texts (``"image__alt_texts"``)."""
    return Prefetch(lookup, queryset=ImageAltText.objects.select_related("locale"))


def needs_alt_texts(language=None):
    return content_language(language) != default_language()


def prefetch_alt_texts(images, language=None):
    """Fetch the alternative texts of ``images`` (Image objects, None allowed) with one query, unless the
    language is the default one, whose text is on the image itself."""
    images = [image for image in images if image is not None]
    if images and needs_alt_texts(language):
        prefetch_related_objects(images, alt_texts_prefetch())
    return images


def with_alt_texts(queryset, lookup="image__alt_texts", language=None):
    """``queryset`` prefetching its images' alternative texts, where the language needs them."""
    return queryset.prefetch_related(alt_texts_prefetch(lookup)) if needs_alt_texts(language) else queryset


def _column(language):
    return "alt_text_in_" + language.replace("-", "_")


def with_alt_text_columns(images):
    """An image queryset with each other language's text as a column of its own (one subquery each),
    so that ``alt_for`` needs no query whatever the languages of what is shown."""
    others = [code for code, _name in settings.LANGUAGES if code != default_language()]
    return images.annotate(
        **{
            _column(code): Subquery(
                ImageAltText.objects.filter(image=OuterRef("pk"), locale__language_code=code).values("text")[:1]
            )
            for code in others
        }
    )
