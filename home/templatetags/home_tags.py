"""The site footer's parts that come from the home app's site settings: the contact point and the
legal pages, each in the visitor's language, kept with the site frame (cms/site_chrome.py)."""

from django import template
from django.db.models import Q
from django.utils.translation import get_language
from wagtail.models import Page

from cms import site_chrome
from cms.localization import active_locale, public_pages
from cms.templatetags.site_tags import content_lang, lang_attrs
from home.models import SiteSettings
from programmes.models import ContactPoint

register = template.Library()


def _site_settings(request):
    if request is None or site_chrome.find_site(request) is None:
        return None
    return SiteSettings.for_request(request)


@register.simple_tag(takes_context=True)
def footer_links(context):
    """The legal pages chosen in the site settings, each in the visitor's language where it is live."""
    request = context.get("request")
    site = site_chrome.find_site(request)
    return site_chrome.cached("footer_links", site, get_language(), lambda: _footer_links(request)) if site else []


def _footer_links(request):
    site_settings = _site_settings(request)
    if site_settings is None:
        return []
    chosen = [getattr(site_settings, f"{name}_id") for name in SiteSettings.FOOTER_PAGE_FIELDS]
    chosen_ids = [pk for pk in chosen if pk]
    if not chosen_ids:
        return []
    locale = active_locale()
    keys = Page.objects.filter(pk__in=chosen_ids).values("translation_key")
    # One query returns both the chosen pages and their translations in the visitor's language.
    pages = list(
        public_pages(Page.objects.filter(translation_key__in=keys).live())
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
        lang = content_lang(page)
        links.append({"title": page.title, "url": page.get_url(request), "lang": lang, "attrs": lang_attrs(page)})
    return links


@register.simple_tag(takes_context=True)
def footer_contact(context):
    """The site's contact point in the visitor's language (one query, organisation included)."""
    request = context.get("request")
    site = site_chrome.find_site(request)
    if site is None:
        return None
    return site_chrome.cached("footer_contact", site, get_language(), lambda: _footer_contact(request))


def _footer_contact(request):
    site_settings = _site_settings(request)
    if site_settings is None:
        return None
    return ContactPoint.chosen_in(site_settings.contact_point_id, active_locale())
