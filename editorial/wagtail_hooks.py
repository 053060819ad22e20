from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.forms import CheckboxInput
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.userbar import ContentCheckerItem
from wagtail.log_actions import LogFormatter
from wagtail.models import TranslatableMixin

from cms.image_forms import language_name
from cms.localize_fixes.locale_permissions import guarded_urlpatterns, user_can_work_in_locale

from .alt_texts import LOG_ACTION, AltTextsView, alt_text_locales, missing_counts
from .outdated import outdated_translations
from .panels import dashboard_panels
from .queue_views import TranslationQueueReportView
from .views import (
    EditorGuideView,
    OutdatedTranslationsReportView,
)


# order=-1: these patterns must come before wagtail-localize's own at the same paths.
@hooks.register("register_admin_urls", order=-1)
def register_admin_urls():
    report_urls = [
        path("outdated-translations/", OutdatedTranslationsReportView.as_view(), name="outdated_translations"),
        path(
            "outdated-translations/results/",
            OutdatedTranslationsReportView.as_view(results_only=True),
            name="outdated_translations_results",
        ),
        path("translation-queue/", TranslationQueueReportView.as_view(), name="translation_queue"),
        path(
            "translation-queue/results/",
            TranslationQueueReportView.as_view(results_only=True),
            name="translation_queue_results",
        ),
    ]
    alt_text_urls = [path("", AltTextsView.as_view(), name="alt_texts")]
    guide_urls = [path("", EditorGuideView.as_view(), name="editor_guide")]
    return [
        path("localize/", include((guarded_urlpatterns(), "kz_localize_guard"))),
        path("reports/", include((report_urls, "editorial"))),
        path("editor-guide/", include((guide_urls, "editorial_guide"))),
        path("alt-texts/", include((alt_text_urls, "editorial_alt_texts"))),
    ]


@hooks.register("construct_help_menu")
def use_platform_editor_guide(request, menu_items):
    # Wagtail's items open its English guide and release notes on guide.wagtail.org; the platform's
    # guide is in the admin, in the admin's language.
    menu_items[:] = [item for item in menu_items if not item.name.startswith("whats-new-in-wagtail")]
    for index, item in enumerate(menu_items):
        if item.name == "editor-guide":
            menu_items[index] = MenuItem(
                _("Editor guide"), reverse("editorial_guide:editor_guide"), name="editor-guide", icon_name="help"
            )


@hooks.register("register_reports_menu_item")
def register_outdated_translations_menu_item():
    return MenuItem(
        _("Outdated translations"),
        reverse("editorial:outdated_translations"),
        icon_name="warning",
        order=8990,
    )


@hooks.register("register_reports_menu_item")
def register_translation_queue_menu_item():
    return MenuItem(_("Translation queue"), reverse("editorial:translation_queue"), icon_name="globe", order=8980)


class AltTextsMenuItem(MenuItem):
    def is_shown(self, request):
        return bool(alt_text_locales(request.user))


@hooks.register("register_reports_menu_item")
def register_alt_texts_menu_item():
    return AltTextsMenuItem(
        _("Alternative texts"), reverse("editorial_alt_texts:alt_texts"), icon_name="image", order=8985
    )


@hooks.register("register_log_actions")
def register_alt_text_log_action(actions):
    @actions.register_action(LOG_ACTION)
    class AltTextChanged(LogFormatter):
        label = _("Change alternative text")

        def format_message(self, log_entry):
            language = language_name(log_entry.data.get("language", ""))
            if log_entry.data.get("new"):
                return _("Alternative text (%(language)s) changed") % {"language": language}
            return _("Alternative text (%(language)s) removed") % {"language": language}


def _deny_other_locales(request, instances):
    for instance in instances:
        if isinstance(instance, TranslatableMixin) and not user_can_work_in_locale(request.user, instance.locale_id):
            raise PermissionDenied


# Snippets have no per-object permissions in Wagtail; these hooks keep translators to their own
# locale's rows. order=-2: before wagtail-localize's before_edit_snippet (wrapped at order -1 in
# cms/wagtail_hooks.py), which opens its editor.
@hooks.register("before_edit_snippet", order=-2)
def restrict_snippet_edit_to_own_locale(request, instance):
    _deny_other_locales(request, [instance])


@hooks.register("before_delete_snippet", order=-1)
def restrict_snippet_delete_to_own_locale(request, instances):
    _deny_other_locales(request, instances)


# Administratoren manage users without being superusers. Wagtail lets anyone with "change user" tick
# "Administrator" (superuser) on another account and reset a superuser's password; either would make
# the group a way to become superuser. Only superusers create, change or deactivate superusers.
def _refuse_superuser_change(request):
    messages.error(request, _("Only a superuser can create, change or deactivate superusers."))
    return redirect("wagtailusers_users:index")


def _grants_superuser(request):
    # Read the box as the user form will (Django's CheckboxInput), so no spelling slips through.
    return request.method == "POST" and CheckboxInput().value_from_datadict(request.POST, None, "is_superuser")


@hooks.register("before_create_user")
def only_superusers_create_superusers(request):
    if not request.user.is_superuser and _grants_superuser(request):
        return _refuse_superuser_change(request)


@hooks.register("before_edit_user")
def only_superusers_edit_superusers(request, user):
    if not request.user.is_superuser and (user.is_superuser or _grants_superuser(request)):
        return _refuse_superuser_change(request)


@hooks.register("before_bulk_action")
def only_superusers_act_on_superusers(request, action_type, objects, action_class_instance):
    if request.user.is_superuser or action_class_instance.model is not get_user_model():
        return None
    if any(getattr(user, "is_superuser", False) for user in objects):
        return _refuse_superuser_change(request)


class OutdatedTranslationsPanel(Component):
    name = "outdated_translations"
    order = 250

    def __init__(self, user):
        self.user = user

    def render_html(self, parent_context=None):
        count = outdated_translations(self.user).count()
        return render_to_string(
            "editorial/outdated_translations_panel.html",
            {"count": count, "report_url": reverse("editorial:outdated_translations")},
        )


@hooks.register("construct_homepage_panels")
def add_outdated_translations_panel(request, panels):
    if request.user.has_perm("wagtail_localize.submit_translation"):
        panels.append(OutdatedTranslationsPanel(request.user))


class AltTextsPanel(Component):
    """How many images lack an alternative text in each of the user's languages, linked to the screen."""

    name = "alt_texts"
    order = 246

    def __init__(self, user, locales):
        self.user = user
        self.locales = locales

    def render_html(self, parent_context=None):
        return render_to_string(
            "editorial/alt_texts_panel.html",
            {"counts": missing_counts(self.user, self.locales), "url": reverse("editorial_alt_texts:alt_texts")},
        )


@hooks.register("construct_homepage_panels")
def add_alt_texts_panel(request, panels):
    locales = alt_text_locales(request.user)
    if locales:
        panels.append(AltTextsPanel(request.user, locales))


@hooks.register("construct_homepage_panels")
def add_editorial_panels(request, panels):
    # Wagtail's own "Awaiting your review" and "Your pages in a workflow" panels stay in place.
    panels.extend(dashboard_panels(request.user))


class PlatformContentChecker(ContentCheckerItem):
    """Wagtail's content checks (userbar and the editor's "Checks" panel) plus rules that catch what
    editors most often get wrong here: missing alt text, unclear links and language markup."""

    axe_run_only = [
        *ContentCheckerItem.axe_run_only,
        "image-alt",
        "link-in-text-block",
        "list",
        "listitem",
        "valid-lang",
    ]
    # Without messages of its own a rule shows axe's English text in the German admin.
    axe_messages = {
        **ContentCheckerItem.axe_messages,
        "image-alt": {
            "error_name": _("Image has no alternative text"),
            "help_text": _("Describe the image in its alternative text, or mark it as decorative"),
        },
        "link-in-text-block": {
            "error_name": _("Link cannot be told apart from the surrounding text"),
            "help_text": _("Links in running text need an underline or another visible mark besides colour"),
        },
        "list": {
            "error_name": _("List contains elements that are not list items"),
            "help_text": _("Put only list items directly into a list"),
        },
        "listitem": {
            "error_name": _("List item outside a list"),
            "help_text": _("Put list items into a bulleted or numbered list"),
        },
        "valid-lang": {
            "error_name": _("Invalid language code"),
            "help_text": _("Use a valid language code such as de, fr, ar-DZ or en"),
        },
    }


@hooks.register("construct_wagtail_userbar")
def use_platform_content_checker(request, items, page=None):
    for index, item in enumerate(items):
        if isinstance(item, ContentCheckerItem) and not isinstance(item, PlatformContentChecker):
            items[index] = PlatformContentChecker(in_editor=item.in_editor)
