from wagtail import hooks

from cms.rich_text import LocalizedPageLinkHandler


# After Wagtail's own registration (order 0), so that this handler replaces its page link handler.
@hooks.register("register_rich_text_features", order=1)
def localize_page_links_in_one_query(features):
    features.register_link_type(LocalizedPageLinkHandler)
