from wagtail import hooks

from cms.rich_text import ImageEmbedWithoutRendition, LocalizedPageLinkHandler


# After Wagtail's own registrations (order 0), so that these handlers replace Wagtail's.
@hooks.register("register_rich_text_features", order=1)
def lean_rich_text_handlers(features):
    features.register_link_type(LocalizedPageLinkHandler)
    features.register_embed_type(ImageEmbedWithoutRendition)
