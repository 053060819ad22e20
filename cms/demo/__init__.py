"""Demo content: texts as data, contributed by each app as a ``cms.platform.DemoContent`` and loaded by
``manage.py load_demo_content``; the loader (this package and the command) names no app.

An app's content module (``<app>/demo/content_de.py``) refers to pages, snippets and images with the
small markers below, and to its own kinds of objects with markers it resolves itself
(``DemoContent.resolvers``); the loader resolves them to database rows. That keeps the texts free of
loading mechanics.

Translations are not content modules: the loader translates the German items through wagtail-localize
from each DemoContent's PO files (``po_dir``: fr.po, ar_DZ.po, en.po; msgid = German segment), see
``translate.py``.

A new app adds its part in its ``contributions.py``, e.g. a section with items that link to pages of
another app by key::

    register(DemoContent(pages=content_de.PAGES, po_dir=Path(demo.__file__).resolve().parent / "locale", order=300))

    PAGES = [
        {"key": "myapp-index", "type": "myapp.IndexPage", "parent": "home", "slug": "aktuelles",
         "title": "Aktuelles", "show_in_menus": True, "fields": {"intro": "…"}},
        {"key": "myapp-kickoff", "type": "myapp.ItemPage", "parent": "myapp-index", "slug": "auftakt",
         "title": "…", "fields": {"summary": "…", "related_programme": PageRef("programme"),
         "sources": "giz.de, Projekt 38368\nWebsite der SKEW"}},  # sources: one a line
    ]
"""

from dataclasses import dataclass

# The language of every content module; the loader translates from it.
LANGUAGE = "de"


@dataclass(frozen=True)
class PageRef:
    """A demo page of any app, by its key."""

    key: str


@dataclass(frozen=True)
class SnippetRef:
    """A demo snippet, by the kind of its ``DemoSnippets`` (e.g. "organisation") and its key."""

    kind: str
    key: str


@dataclass(frozen=True)
class ImageRef:
    """A demo image, by its key in a ``DemoImages``."""

    key: str


@dataclass(frozen=True)
class FromNow:
    """A moment relative to the time of loading, so "Beispiel:" samples stay in the future.

    The wall-clock ``time`` ("HH:MM") is read in the page's time zone, ``days`` after today.
    """

    days: int
    time: str
