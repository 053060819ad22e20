"""The site's frame: language attributes, navigation, language switcher, breadcrumbs, footer.

Each part costs a fixed number of queries, however large the site grows. The parts that are the
same on every page of a language (home pages, navigation, footer) are cached across requests until
content changes (cms/site_chrome.py). Everything here degrades to "nothing to show" when there is
no request or no site (error pages, previews).
"""

import re

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, get_language_bidi, get_language_info
from wagtail.models import Page

from cms import site_chrome
from cms.languages import bcp47, direction, foreign_language_tag, og_locale, source_language
from cms.localization import active_locale, localize_all, public_pages
from cms.public_url import absolute
from cms.request_cache import memo

register = template.Library()


@register.simple_tag
def html_lang():
    return bcp47(get_language())


@register.simple_tag
def html_dir():
    return direction(get_language())


@register.simple_tag(takes_context=True)
def absolute_url(context, url):
    """A site-relative URL under the public address (PUBLIC_URL); an absolute one (media on S3) as it is."""
    return absolute(url, context.get("request"))


@register.filter
def lang_tag(language_code):
    return bcp47(language_code)


# --- Content not in the visitor's language ---------------------------------------------

# The BCP 47 tag for an object's text when it is not in the visitor's language, else "".
content_lang = register.filter("content_lang", foreign_language_tag)


@register.filter
def lang_attrs(obj):
    """' lang="de" dir="ltr"' for an element holding ``obj``'s text when that is in another language."""
    code = source_language(obj)
    if not code:
        return ""
    return format_html(' lang="{}" dir="{}"', bcp47(code), direction(code))


@register.simple_tag
def untranslated_attrs(obj):
    return lang_attrs(obj)


@register.simple_tag
def source_language_name(obj):
    """The name, in the visitor's language, of the language ``obj``'s text is written in."""
    code = source_language(obj) or settings.LANGUAGE_CODE
    return get_language_info(code)["name_translated"]


def _site(request):
    return site_chrome.find_site(request)


def _locale(request):
    return active_locale()


def _public(queryset, request):
    return public_pages(queryset.live())


def _home_pages(request):
    """Every live translation of the site's home page, by language code (cached, see site_chrome)."""
    return site_chrome.home_pages(request)


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
    items = site_chrome.cached("navigation", _site(request), get_language(), lambda: _menu_items(home, request))
    return [
        {
            **item,
            "active": bool(current and current.path.startswith(item["path"])),
            "current": bool(current and current.pk == item["pk"]),
        }
        for item in items
    ]


def _menu_items(home, request):
    return [
        {
            "pk": page.pk,
            "path": page.path,
            "title": page.title,
            "url": page.get_url(request),
            "lang": content_lang(page),
            "attrs": lang_attrs(page),
        }
        for page in _public(home.get_children(), request).in_menu()
    ]


def _versions(request, page):
    """The live, public versions of ``page`` in every language, aliases included, by language code.

    One query per page and content generation (cms/site_chrome.py): the switcher, the hreflang links and
    Open Graph share it, and so do the page's versions in the other languages.
    """
    site = _site(request)
    if site is None:
        return _find_versions(page.translation_key)
    name = f"versions:{page.translation_key}"
    return memo(
        ("versions", page.translation_key),
        lambda: site_chrome.cached(name, site, "", lambda: _find_versions(page.translation_key)),
    )


def _find_versions(translation_key):
    versions = {}
    queryset = public_pages(Page.objects.live().filter(translation_key=translation_key))
    # With their locales, which their URLs need.
    for version in queryset.select_related("locale").order_by("path"):
        code = version.locale.language_code
        # A real translation wins over an alias in the same language.
        if code not in versions or versions[code].alias_of_id and not version.alias_of_id:
            versions[code] = version
    return versions


def _translations(request, page):
    """The real (not alias) live versions of ``page``: the languages it exists in."""
    return {code: version for code, version in _versions(request, page).items() if not version.alias_of_id}


def _is_page(page):
    return isinstance(page, Page) and page.pk is not None


def _view_url(request, code):
    """The URL of a view outside the page tree (search) in language ``code``, or None."""
    match = getattr(request, "resolver_match", None)
    # A page path that matched no page (404) has no versions to offer.
    if match is None or match.url_name == "wagtail_serve":
        return None
    path = request.get_full_path()
    translated = translate_url(path, code)
    if translated != path or code == get_language():
        return translated
    return None


@register.simple_tag(takes_context=True)
def language_links(context):
    """One link per language: the live translation of this page, else that language's home page.

    A link to a home page carries ?untranslated=1, so that the home page can say why the visitor
    landed there. No query beyond the page's versions and the home pages (both cached).
    """
    request = context.get("request")
    page = context.get("page")
    homes = _home_pages(request)
    current = get_language()
    # A sub-page of a routable page (one partnership) names its own versions: {language code: full URL}.
    routed = context.get("translation_urls")
    translations = _translations(request, page) if _is_page(page) and routed is None else {}
    links = []
    for code, name in settings.LANGUAGES:
        url, untranslated = None, False
        if routed is not None:
            url = request.path if code == current else routed.get(code)
        elif _is_page(page):
            if code == current:
                url = page.get_url(request)
            elif code in translations:
                url = translations[code].get_url(request)
        else:
            url = _view_url(request, code)
        if url is None and code in homes:
            url = homes[code].get_url(request)
            untranslated = bool(url) and (_is_page(page) or routed is not None) and code != current
            if untranslated:
                url += "?untranslated=1"
        if url is None:
            continue
        links.append(
            {
                "code": code,
                "lang": bcp47(code),
                "name": name,
                "url": url,
                "current": code == current,
                "untranslated": untranslated,
            }
        )
    return links


@register.simple_tag(takes_context=True)
def page_alternates(context):
    """hreflang alternates, canonical link and Open Graph locales of the current page.

    Every real translation lists the same set (all real translations plus x-default → the source
    language version), so the links are reciprocal by construction. An alias lists the real
    versions only and names the source page as canonical.
    """
    request = context.get("request")
    page = context.get("page")
    current = get_language() or settings.LANGUAGE_CODE
    default = settings.LANGUAGE_CODE
    result = {"alternates": [], "x_default": None, "canonical": None, "og_url": None}
    routed = context.get("translation_urls")
    if routed is not None:
        # A sub-page of a routable page (one partnership): its own versions and text language.
        urls = dict(routed)
        content_code = context.get("content_language") or current
        if content_code != current:
            result["canonical"] = urls.get(content_code)
        result["og_url"] = result["canonical"] or urls.get(current) or absolute(request.path, request)
        locales = [code for code, _name in settings.LANGUAGES if code in urls]
    elif _is_page(page):
        translations = _translations(request, page)
        urls = {code: version.get_full_url(request) for code, version in translations.items()}
        content_code = source_language(page) or current
        if content_code != current:
            # Shown in the source language: the source page is the one to index.
            source = translations.get(content_code)
            result["canonical"] = urls.get(content_code) if source else None
        result["og_url"] = result["canonical"] or page.get_full_url(request)
        locales = [code for code, _name in settings.LANGUAGES if code in urls]
    else:
        content_code = current
        urls = {}
        for code, _name in settings.LANGUAGES:
            url = _view_url(request, code)
            if url is not None:
                # Under the site's public address, as pages' URLs are (not the request's host).
                urls[code] = absolute(url, request)
        result["og_url"] = absolute(request.get_full_path(), request) if request is not None else None
        locales = list(urls)
    if urls:
        result["alternates"] = [{"hreflang": bcp47(code), "href": urls[code]} for code in locales]
        result["x_default"] = urls.get(default)
    result["og_locale"] = og_locale(content_code)
    result["og_alternates"] = [og_locale(code) for code in locales if code != content_code]
    return result


@register.simple_tag(takes_context=True)
def breadcrumbs(context):
    """Ancestors from the home page down to the parent of the current page."""
    request = context.get("request")
    page = context.get("page")
    if not isinstance(page, Page) or page.depth <= 2:
        return []
    ancestors = [ancestor for ancestor in _ancestors_from_home(page) if ancestor.live]
    return [
        {
            "title": ancestor.title,
            "url": ancestor.get_url(request),
            "lang": content_lang(ancestor),
            "attrs": lang_attrs(ancestor),
        }
        for ancestor in ancestors
    ]


def _ancestors_from_home(page):
    """The ancestors of ``page`` from the home page down: the parents Wagtail's router kept on the page it
    found (``_cached_parent_obj``, no query), else (a preview, a page not routed) from the database."""
    ancestors = []
    current = page
    while current.depth > 2:
        current = current.__dict__.get("_cached_parent_obj")
        if current is None:
            return list(page.get_ancestors().filter(depth__gte=2))
        ancestors.append(current)
    return ancestors[::-1]


@register.simple_tag(takes_context=True)
def localized(context, objects):
    """Translatable snippets or pages in the active language, in one query for the whole list."""
    return localize_all(objects, locale=_locale(context.get("request")))


@register.simple_tag(takes_context=True)
def other_language(context, item):
    """The lang attribute for an item shown in a listing in another language (or an alias), else ""."""
    return content_lang(item)


# --- Left-to-right runs inside right-to-left text ----------------------------------------

_LTR_RUNS = re.compile(
    r"(?P<email>[\w.+-]+@[\w-]+(?:\.[\w-]+)+)"
    r"|(?P<url>https?://[^\s<]+[^\s<.,;:!?)])"
    r"|(?P<phone>(?<![\w+])(?:\+|0)[\d][\d /().-]{5,}\d(?!\w))"
)


@register.filter(needs_autoescape=True)
def isolate_ltr(text, autoescape=True):
    """Wrap e-mail addresses, web addresses and phone numbers in <bdi dir="ltr"> in right-to-left pages.

    In Arabic text "+49 228 20 717-1343" would otherwise show its groups in reverse order.
    """
    text = conditional_escape(text) if autoescape else str(text)
    if not get_language_bidi():
        return text

    def wrap(match):
        run = match.group(0)
        if match.group("phone") and sum(char.isdigit() for char in run) < 7:
            return run
        return f'<bdi dir="ltr">{run}</bdi>'

    return mark_safe(_LTR_RUNS.sub(wrap, text))
