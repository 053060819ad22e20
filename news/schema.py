"""schema.org NewsArticle for a news item (built on cms.json_ld); only what the page itself shows."""

from django.utils.translation import gettext

from cms.json_ld import SCHEMA
from cms.languages import content_language_tag
from cms.public_url import absolute

OG_IMAGE = "fill-1200x630"


def news_article(page, request=None):
    publisher = {"@type": "Organization", "name": gettext("Municipal Partnerships Maghreb-Germany")}
    return {
        "@context": SCHEMA,
        "@type": "NewsArticle",
        "headline": page.title,
        "description": page.summary,
        "url": page.get_full_url(request),
        "inLanguage": content_language_tag(page),
        # ISO 8601 allows a year alone: a date the sources give as a year stays one.
        "datePublished": str(page.date.year) if page.year_only else page.date.isoformat(),
        "dateModified": page.last_published_at.isoformat() if page.last_published_at else None,
        "image": absolute(page.image.get_rendition(OG_IMAGE).url, request) if page.image_id else None,
        "author": publisher,
        "publisher": publisher,
        "citation": page.source_list,
    }
