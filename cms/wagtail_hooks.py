from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.translation import gettext as _
from wagtail import hooks

from cms.localize_fixes import locale_admin_labels, translation_dates
from cms.rich_text import ImageEmbedWithoutRendition, LocalizedPageLinkHandler


# After Wagtail's own registrations (order 0), so that these handlers replace Wagtail's.
@hooks.register("register_rich_text_features", order=1)
def lean_rich_text_handlers(features):
    features.register_link_type(LocalizedPageLinkHandler)
    features.register_embed_type(ImageEmbedWithoutRendition)


# wagtail-localize's translation editor with dates in the editor's language (cms/localize_fixes/translation_dates.py).
# order=-1: before wagtail-localize's own hooks (order 0), which then find the editor already answered.
hooks.register("before_edit_page", translation_dates.before_edit_page, order=-1)
hooks.register("before_edit_snippet", translation_dates.before_edit_snippet, order=-1)


@hooks.register("insert_global_admin_js")
def translation_editor_labels():
    """The translation editor's hard-coded English labels in the admin's language (see the script)."""
    editor_title = _("Translation from %(source)s into %(target)s") % {"source": "{source}", "target": "{target}"}
    return format_html(
        '<script src="{}" data-more-actions="{}" data-editor-title="{}"></script>',
        static("cms/js/translation-editor-labels.js"),
        _("More actions"),
        editor_title,
    )


@hooks.register("register_admin_urls", order=-1)
def register_locale_admin_labels():
    # Before wagtail-localize's locale viewset, at the same path (cms/localize_fixes/locale_admin_labels.py).
    return locale_admin_labels.urlpatterns()
