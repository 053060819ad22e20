"""How rich text is expanded for visitors: page links localized in two queries, images never resized.

Page links. Wagtail's ``PageLinkHandler`` loads the linked pages as their specific types and then takes
each one's ``.localized`` version: for a visitor in another language than the pages', two queries per
link (six on the Arabic home page). A link needs only the page's URL, which no page type here computes
differently (none overrides ``get_url_parts``): this handler reads the linked pages and their live
translations in the visitor's language as plain pages, one query each, and links where Wagtail's does.

Images. The editors' rich text offers no images (cms.blocks.RICH_TEXT_FEATURES), but an image embed
that reaches the database another way would make its rendition in the visitor's request (Wagtail's
``ImageEmbedHandler``), which cms/renditions.py forbids: its alternative text is shown instead.
"""

from django.utils.html import escape
from wagtail.images.rich_text import ImageEmbedHandler
from wagtail.models import Page
from wagtail.rich_text.pages import PageLinkHandler

from cms.localization import active_locale


class LocalizedPageLinkHandler(PageLinkHandler):
    @classmethod
    def expand_db_attributes_many(cls, attrs_list):
        ids = [str(attrs.get("id")) for attrs in attrs_list]
        by_id = {str(page.pk): page for page in Page.objects.filter(id__in=[pk for pk in ids if pk.isdigit()])}
        locale = active_locale()
        keys = {page.translation_key for page in by_id.values() if page.locale_id != locale.pk}
        # As Page.localized: the live translation in the active language, else the page itself.
        translations = {}
        if keys:
            translations = {
                page.translation_key: page
                for page in Page.objects.live().filter(locale=locale, translation_key__in=keys)
            }
        links = []
        for pk in ids:
            page = by_id.get(pk)
            if page is None:
                links.append("<a>")
            else:
                links.append(f'<a href="{escape(translations.get(page.translation_key, page).url)}">')
        return links


class ImageEmbedWithoutRendition(ImageEmbedHandler):
    @classmethod
    def expand_db_attributes_many(cls, attrs_list):
        return [escape(attrs.get("alt", "")) for attrs in attrs_list]
