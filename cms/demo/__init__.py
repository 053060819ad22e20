"""Demo content: texts as data (one module per language), loaded by ``manage.py load_demo_content``.

The content modules refer to pages, snippets and places with the small markers below; the loader
resolves them to database rows. That keeps the texts free of loading mechanics.

Translations are not content modules: the loader translates the German items through wagtail-localize
from PO files in ``locale/`` (fr.po, ar_DZ.po, en.po; msgid = German segment), see ``translate.py``.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class PageRef:
    """A demo page, by its key in ``PAGES``."""

    key: str


@dataclass(frozen=True)
class SnippetRef:
    """A demo snippet: kind is "applicant_type", "organisation", "contact_point" or "venue"."""

    kind: str
    key: str


@dataclass(frozen=True)
class ImageRef:
    """A demo image, by its key in ``IMAGES`` (its file is in cms/demo/images/)."""

    key: str


@dataclass(frozen=True)
class Place:
    """A Country (ISO 3166-1 alpha-2, "DZ") or a Region (ISO 3166-2, "DZ-23")."""

    code: str


@dataclass(frozen=True)
class FromNow:
    """A moment relative to the time of loading, so "Beispiel:" samples stay in the future.

    The wall-clock ``time`` ("HH:MM") is read in the page's time zone, ``days`` after today.
    """

    days: int
    time: str
