"""A page's indexed text as plain text, for the excerpt a search result shows.

Read from the field values the page object already holds: a StreamField's stored JSON is walked
with its block definitions instead of being turned into block values, which would load the images,
documents and snippets it refers to (a query per result).
"""

from django.db import models
from wagtail import blocks
from wagtail.fields import RichTextField, StreamField
from wagtail.rich_text import get_text_for_indexing
from wagtail.search import index

# Written for the results: shown first when they contain a matched word.
SUMMARY_FIELDS = ("search_description", "summary", "intro")
# A body longer than this is cut before highlighting: an excerpt needs one passage, not the whole page.
MAX_TEXT_LENGTH = 20_000


def summary_text(page):
    for name in SUMMARY_FIELDS:
        value = getattr(page, name, "")
        if value:
            return value
    return ""


def body_texts(page):
    """The text of the page's other indexed fields (body, offer …), in the order of its search fields."""
    names = [
        field.field_name
        for field in page.get_search_fields()
        if isinstance(field, index.SearchField) and field.field_name not in ("title", *SUMMARY_FIELDS)
    ]
    texts = []
    for name in dict.fromkeys(names):
        try:
            field = page._meta.get_field(name)
        except Exception:  # a search field that is a method or property: not stored text
            continue
        value = page.__dict__.get(field.attname)  # never a deferred-field query
        if not value:
            continue
        if isinstance(field, StreamField):
            text = " ".join(stream_text(field.stream_block, value.raw_data))
        elif isinstance(field, RichTextField):
            text = get_text_for_indexing(value)
        elif isinstance(field, (models.TextField, models.CharField)):
            text = value
        else:
            continue
        if text.strip():
            texts.append(text[:MAX_TEXT_LENGTH])
    return texts


def stream_text(block, raw):
    """The searchable text of ``raw`` (stored JSON) under ``block``, as Wagtail indexes it, without queries."""
    if raw is None or not getattr(block, "search_index", True):
        return
    if isinstance(block, blocks.StreamBlock):
        for child in raw:
            child_block = block.child_blocks.get(child.get("type"))
            if child_block is not None:
                yield from stream_text(child_block, child.get("value"))
    elif isinstance(block, blocks.StructBlock):
        if isinstance(raw, dict):
            for name, child_block in block.child_blocks.items():
                yield from stream_text(child_block, raw.get(name))
    elif isinstance(block, blocks.ListBlock):
        for item in raw:
            # Stored as {"type": "item", "value": …, "id": …} since Wagtail 2.16, plain values before.
            is_item = isinstance(item, dict) and item.get("type") == "item" and "value" in item
            yield from stream_text(block.child_block, item["value"] if is_item else item)
    elif isinstance(block, blocks.RichTextBlock):
        yield get_text_for_indexing(str(raw))
    elif isinstance(block, (blocks.CharBlock, blocks.TextBlock)):
        yield str(raw)
