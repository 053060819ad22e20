"""``{% cache_published "name" key … %}…{% endcache_published %}``: a part of a page that shows only
published, public content (a listing of calls or events), rendered once per content generation, site
and language and kept until content changes or the next date-driven change of public content
(cms/site_chrome.py). Querysets are lazy: a cached part costs no query.

Only for parts that are the same for every visitor: nothing that depends on the visitor, a form, a
registration count (``cms.page_cache.depends_on``) or the current time other than through the statuses
``register_next_change`` covers. Previews (drafts) are always rendered anew and never stored.
"""

from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from cms import site_chrome

register = template.Library()


class CachePublishedNode(template.Node):
    def __init__(self, nodelist, name, keys):
        self.nodelist = nodelist
        self.name = name
        self.keys = keys

    def render(self, context):
        request = context.get("request")
        site = site_chrome.find_site(request)
        if site is None or getattr(request, "is_preview", False):
            return self.nodelist.render(context)
        parts = [str(self.name.resolve(context)), *(str(key.resolve(context)) for key in self.keys)]
        name = "fragment:" + ":".join(parts)
        html = site_chrome.cached_until_next_change(
            name, site, get_language(), lambda: str(self.nodelist.render(context))
        )
        return mark_safe(html)


@register.tag("cache_published")
def cache_published(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError(f"{bits[0]} needs a name")
    nodelist = parser.parse(("endcache_published",))
    parser.delete_first_token()
    name, *keys = (parser.compile_filter(bit) for bit in bits[1:])
    return CachePublishedNode(nodelist, name, keys)
