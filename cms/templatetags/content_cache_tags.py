"""``{% published_fragment "name" part … %}…{% endpublished_fragment %}``: HTML of published content,
rendered once per content generation and language (cms/content_cache.py).

The parts say what the HTML depends on besides the generation, the language and the host (links to
another site are absolute): the page's pk, and for a listing the request's path with its query string
(filters, pagination). An empty name renders without caching. What the fragment shows should be
worked out lazily or come from the content cache itself, so that a hit costs no query.

Previews render the draft and are never cached. HTML with a per-visitor value (a form's CSRF or
submission token, the CSP nonce, a value tagged with ``depends_on`` such as an event's free places) is
rendered but not kept: such a part belongs outside the fragment.
"""

from django import template
from django.utils.safestring import mark_safe

from cms import content_cache

register = template.Library()

PER_VISITOR_MARKERS = ("csrfmiddlewaretoken",)


class PublishedFragmentNode(template.Node):
    def __init__(self, nodelist, name, parts):
        self.nodelist = nodelist
        self.name = name
        self.parts = parts

    def render(self, context):
        request = context.get("request")
        name = self.name.resolve(context)
        if request is None or not name:
            return self.nodelist.render(context)
        parts = [request.get_host(), *(part.resolve(context) for part in self.parts)]
        before = _per_visitor_state(request)

        def storable(html):
            return _per_visitor_state(request) == before and not _shows_per_visitor_value(html, request)

        return mark_safe(
            content_cache.cached(f"fragment:{name}", parts, lambda: self.nodelist.render(context), storable, request)
        )


def _per_visitor_state(request):
    """What the page cache's per-visitor helpers have recorded so far in this request."""
    return (
        len(request.__dict__.get("page_cache_unique_tokens", ())),
        tuple(request.__dict__.get("page_cache_tags", {})),
    )


def _shows_per_visitor_value(html, request):
    nonce = request.__dict__.get("_csp_nonce")
    return any(marker in html for marker in PER_VISITOR_MARKERS) or (isinstance(nonce, str) and nonce in html)


@register.tag
def published_fragment(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError(f"{bits[0]} needs a name, then the parts the HTML depends on")
    nodelist = parser.parse(("endpublished_fragment",))
    parser.delete_first_token()
    return PublishedFragmentNode(nodelist, parser.compile_filter(bits[1]), [parser.compile_filter(b) for b in bits[2:]])
