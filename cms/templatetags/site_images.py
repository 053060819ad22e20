"""``{% image %}`` and ``{% srcset_image %}`` for the public site: the same syntax as Wagtail's, but a
missing rendition is never made in the visitor's request (cms/renditions.py). The worker is asked to
make it; meanwhile an informative image shows its alternative text in its place, a decorative one
nothing, and ``{% image … as name %}`` sets ``name`` to None. Site templates load this library instead of
``wagtailimages_tags`` (a test keeps it so); the admin keeps Wagtail's tags.
"""

from django import template
from django.utils.html import format_html
from wagtail.images.models import ResponsiveImage
from wagtail.images.templatetags import wagtailimages_tags

from cms import renditions
from cms.image_alt import alt_for

register = template.Library()


class SiteImageNode(template.Node):
    def __init__(self, node):
        self.node = node  # Wagtail's parsed node: its image expression, filter specs, attributes, "as" name

    def render(self, context):
        node = self.node
        image = node.validate_image(context)
        if not image:
            return ""
        multiple = isinstance(node, wagtailimages_tags.SrcsetImageNode)
        filters = node.get_filters() if multiple else [node.get_filter()]
        found = renditions.existing(image, filters)
        available = [found[f.spec] for f in filters if f.spec in found]
        attrs = {key: value.resolve(context) for key, value in node.attrs.items()}
        if "alt" not in attrs:
            attrs.update(image_alt_attrs(image))
        if not available:
            if node.output_var_name:
                context[node.output_var_name] = None
                return ""
            return self.placeholder(image, attrs)
        if multiple:
            # Those sizes that exist already; the browser picks among them.
            responsive = ResponsiveImage({rendition.filter_spec: rendition for rendition in available}, attrs)
            if node.output_var_name:
                context[node.output_var_name] = ResponsiveImage(responsive.renditions)
                return ""
            return responsive.__html__()
        if node.output_var_name:
            context[node.output_var_name] = available[0]
            return ""
        return available[0].img_tag(attrs)

    @staticmethod
    def placeholder(image, attrs):
        alt = attrs.get("alt", image.default_alt_text)
        if not alt:
            return ""  # decorative: screen readers skipped it before, and nothing is lost to the eye
        classes = " ".join(filter(None, [attrs.get("class", ""), "image-pending"]))
        if attrs.get("lang"):
            return format_html(
                '<span class="{}" role="img" aria-label="{}" lang="{}">{}</span>', classes, alt, attrs["lang"], alt
            )
        return format_html('<span class="{}" role="img" aria-label="{}">{}</span>', classes, alt, alt)


def image_alt_attrs(image):
    """``alt`` in the active language (else the default one) and ``lang`` saying which."""
    alt = alt_for(image)
    if not alt.text:
        return {"alt": image.default_alt_text}  # Wagtail's default: the title
    return {"alt": alt.text, "lang": alt.lang}


def site_image(parser, token):
    node = wagtailimages_tags.image(parser, token)
    if isinstance(node, wagtailimages_tags.PictureNode):
        raise template.TemplateSyntaxError("{% picture %} is not supported by site_images; use {% srcset_image %}.")
    return SiteImageNode(node)


register.tag("image", site_image)
register.tag("srcset_image", site_image)
