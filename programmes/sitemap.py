"""The partnerships' part of sitemap.xml (a SitemapSource, cms/sitemap.py): snippets with a page."""

from .models import Partnership
from .models.partnerships import landing_pages


def partnership_entries(request):
    """(translation key, full URL, language, None) for every partnership in a language with a published
    partnership index; no last-modified date, as partnerships carry none.

    Each language version is listed under its own language's index; the source-language version a
    language without a translation falls back to is not listed again (like an alias).
    """
    landing = landing_pages()
    if not landing:
        return []
    items = Partnership.objects.filter(locale_id__in=landing).select_related("locale").order_by("locale_id", "pk")
    entries = []
    for item in items:
        url = item.get_url(request, item.locale, full=True, fallback=False)
        if url:
            entries.append((item.translation_key, url, item.locale.language_code, None))
    return entries
