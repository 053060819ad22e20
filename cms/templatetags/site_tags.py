"""The site's frame: language attributes, navigation, language switcher, breadcrumbs, footer.

Each part costs a fixed number of queries, however large the site grows. Everything here
degrades to "nothing to show" when there is no request or no site (error pages, previews).
"""

from django import template
from django.conf import settings
from django.db.models import Q
from django.urls import translate_url
from django.utils.translation import get_language, get_language_bidi, to_locale
from wagtail.models import Page, Site

from cms.localization import active_locale, localize_all, public_pages

register = template.Library()

# Open Graph wants a territory; the languages here are read in these countries.
OG_LOCALES = {"de": "de_DE", "fr": "fr_FR", "ar-dz": "ar_DZ", "en": "en_GB"}


def bcp47(language_code):
    """Django's "ar-dz" → "ar-DZ" (BCP 47 as the lang attribute expects it)."""
    return to_locale(language_code or settings.LANGUAGE_CODE).replace("_", "-")


@register.simple_tag
def html_lang():
    return bcp47(get_language())


@register.simple_tag
def html_dir():
    return "rtl" if get_language_bidi() else "ltr"


@register.filter
def lang_tag(language_code):
    return bcp47(language_code)


@register.simple_tag
def og_locale(language_code=None):
    code = language_code or get_language() or settings.LANGUAGE_CODE
    return OG_LOCALES.get(code, to_locale(code))


@register.simple_tag
def og_locale_alternates():
    current = get_language()
    return [OG_LOCALES.get(code, to_locale(code)) for code, _name in settings.LANGUAGES if code != current]


def _site(request):
    if request is None:
        return None
    try:
        return Site.find_for_request(request)
    except Exception:
        return None


def _request_cache(request):
    """A dict kept on the request, so that header, breadcrumbs and footer share their lookups."""
    if request is None:
        return {}
    if not hasattr(request, "_site_tags_cache"):
        request._site_tags_cache = {}
    return request._site_tags_cache


def _locale(request):
    return active_locale()


def _public(queryset, request):
    return public_pages(queryset.live())


def _site_settings(request):
    from home.models import SiteSettings

    if request is None or _site(request) is None:
        return None
    return SiteSettings.for_request(request)


def _home_pages(request):
    """Every live translation of the site's home page, by language code (one query, cached per request)."""
    if request is None:
        return {}
    if not hasattr(request, "_site_home_pages"):
        site = _site(request)
        homes = {}
        if site is not None:
            root_keys = Page.objects.filter(pk=site.root_page_id).values("translation_key")
            for page in Page.objects.live().filter(translation_key__in=root_keys).select_related("locale"):
                homes[page.locale.language_code] = page
        request._site_home_pages = homes
    return request._site_home_pages


def _current_home(request):
    homes = _home_pages(request)
    return homes.get(get_language()) or homes.get(settings.LANGUAGE_CODE)


@register.simple_tag(takes_context=True)
def home_page(context):
    return _current_home(context.get("request"))


@register.simple_tag(takes_context=True)
def main_navigation(context):
    """The live, public children of the home page in the active language that are shown in menus."""
    request = context.get("request")
    home = _current_home(request)
    if home is None:
        return []
    current = context.get("page")
    items = []
    for page in _public(home.get_children(), request).in_menu():
        url = page.get_url(request)
        active = bool(current and current.path.startswith(page.path))
        items.append(
            {"title": page.title, "url": url, "active": active, "current": bool(current and current.pk == page.pk)}
        )
    return items


@register.simple_tag(takes_context=True)
def language_links(context):
    """One link per language: the live translation of this page, else that language's home page."""
    request = context.get("request")
    page = context.get("page")
    homes = _home_pages(request)
    translations = {}
    if isinstance(page, Page) and page.pk:
        for translation in _public(page.get_translations(inclusive=True), request).select_related("locale"):
            translations[translation.locale.language_code] = translation
    current = get_language()
    links = []
    for code, name in settings.LANGUAGES:
        target = translations.get(code)
        url = target.get_url(request) if target else None
        if url is None and request is not None and not isinstance(page, Page):
            # Views outside the page tree (search) exist in every language at the same path.
            translated = translate_url(request.get_full_path(), code)
            if translated != request.get_full_path() or code == current:
                url = translated
        if url is None and code in homes:
            url = homes[code].get_url(request)
        if url is None:
            continue
        links.append({"code": code, "lang": bcp47(code), "name": name, "url": url, "current": code == current})
    return links


@register.simple_tag(takes_context=True)
def breadcrumbs(context):
    """Ancestors from the home page down to the parent of the current page."""
    request = context.get("request")
    page = context.get("page")
    if not isinstance(page, Page) or page.depth <= 2:
        return []
    ancestors = page.get_ancestors().filter(depth__gte=2).live()
    return [{"title": ancestor.title, "url": ancestor.get_url(request)} for ancestor in ancestors]


@register.simple_tag(takes_context=True)
def footer_links(context):
    """The legal pages chosen in the site settings, each in the visitor's language where it is live."""
    from home.models import SiteSettings

    request = context.get("request")
    site_settings = _site_settings(request)
    if site_settings is None:
        return []
    chosen = [getattr(site_settings, f"{name}_id") for name in SiteSettings.FOOTER_PAGE_FIELDS]
    chosen_ids = [pk for pk in chosen if pk]
    if not chosen_ids:
        return []
    locale = _locale(request)
    keys = Page.objects.filter(pk__in=chosen_ids).values("translation_key")
    # One query returns both the chosen pages and their translations in the visitor's language.
    pages = list(
        _public(Page.objects.filter(translation_key__in=keys), request)
        .filter(Q(pk__in=chosen_ids) | Q(locale=locale))
        .select_related("locale")
    )
    by_pk = {page.pk: page for page in pages}
    by_key = {page.translation_key: page for page in pages if page.locale_id == locale.pk}
    links = []
    for pk in chosen_ids:
        source = by_pk.get(pk)
        if source is None:
            continue
        page = by_key.get(source.translation_key, source)
        lang = "" if page.locale_id == locale.pk else bcp47(page.locale.language_code)
        links.append({"title": page.title, "url": page.get_url(request), "lang": lang})
    return links


@register.simple_tag(takes_context=True)
def footer_contact(context):
    """The site's contact point in the visitor's language (one query, organisation included)."""
    from programmes.models import ContactPoint

    request = context.get("request")
    site_settings = _site_settings(request)
    if site_settings is None or not site_settings.contact_point_id:
        return None
    locale = _locale(request)
    pk = site_settings.contact_point_id
    key = ContactPoint.objects.filter(pk=pk).values("translation_key")[:1]
    candidates = list(
        ContactPoint.objects.select_related("organisation").filter(Q(pk=pk) | Q(translation_key=key, locale=locale))
    )
    return next((c for c in candidates if c.locale_id == locale.pk), None) or next(
        (c for c in candidates if c.pk == pk), None
    )


@register.simple_tag(takes_context=True)
def localized(context, objects):
    """Translatable snippets or pages in the active language, in one query for the whole list."""
    return localize_all(objects, locale=_locale(context.get("request")))


@register.simple_tag(takes_context=True)
def with_display_topics(context, items):
    """Give every listing item ``display_topics``: its topics in the visitor's language.

    The items' topics must be prefetched; all topics of all items are localized with one query.
    """
    from programmes.models import TopicPage

    items = list(items)
    topics = {}
    for item in items:
        for topic in item.topics.all():
            topics.setdefault(topic.pk, topic)
    if topics:
        request = context.get("request")
        localized_topics = localize_all(
            topics.values(), locale=_locale(request), queryset=_public(TopicPage.objects.all(), request)
        )
        mapping = dict(zip(topics.keys(), localized_topics, strict=True))
    else:
        mapping = {}
    for item in items:
        item.display_topics = [mapping[topic.pk] for topic in item.topics.all() if mapping[topic.pk].live]
    return items


@register.simple_tag(takes_context=True)
def other_language(context, item):
    """The lang attribute for an item shown in a listing in another language, else "".

    Listings fall back to the source language only (``prefer_active_locale``), so an item
    that is not in the visitor's language is in the source language.
    """
    locale_id = getattr(item, "locale_id", None)
    if locale_id is None or locale_id == _locale(context.get("request")).pk:
        return ""
    return bcp47(settings.LANGUAGE_CODE)
