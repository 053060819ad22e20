"""The editorial roles and the permissions each one holds.

Page permissions are granted on a locale's home page, so a role reaches exactly one language tree.
Locale homes are the translations (or aliases) of the default site's root page; a home created later
gets its translators' permissions from ``editorial.signals``.

Redaktion writes, Freigabe approves and publishes (the approval workflow in ``editorial.workflow``
covers the German tree, so Redaktion has no "publish" permission anywhere). Administratoren run the
site without being superusers: their page permissions sit on the tree root (every locale), and they
hold the model permissions of every admin area the platform uses (users, groups, workflows, sites,
settings, locales, redirects, search promotions and search terms, snippets, media, submissions).
``setup_roles`` only adds what is missing, except that it withdraws the "publish" permission Redaktion
held before the approval workflow existed, so it can be rerun at any time. docs/editors.md describes
the roles.

Content apps add to this through their ``contributions.py`` (cms/platform.py): the snippets editors and
translators work on (``SnippetAccess``) and the model permissions a role needs for the app's admin
areas (``PermissionGrant``, e.g. submissions for Programmteam and Administratoren).
"""

from django.apps import apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Locale, Page

from cms.platform import registry

from .groups import (
    ADMIN_GROUP,
    APPROVER_GROUP,
    EDITOR_GROUP,
    PROGRAMME_TEAM_GROUP,
    TRANSLATOR_GROUPS,
    locale_homes,
)
from .workflow import setup_workflow

ADMIN_ACCESS = ("wagtailadmin", "access_admin")
SUBMIT_TRANSLATION = ("wagtail_localize", "submit_translation")
MEDIA_FOR_EDITORS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
]
MEDIA_APPS = {"wagtailimages", "wagtaildocs"}
# Editors choose the promoted search results and read the popular search terms (search/wagtail_hooks.py).
SEARCH_FOR_EDITORS = [
    ("wagtailsearchpromotions", f"{action}_searchpromotion") for action in ("add", "change", "delete")
] + [("wagtailsearchpromotions", "view_query")]
# Collection management is permitted per collection as well (Settings › Collections).
COLLECTION_PERMISSIONS = [("wagtailcore", f"{action}_collection") for action in ("add", "change", "delete")]
MEDIA_FOR_TRANSLATORS = [("wagtailimages", "choose_image"), ("wagtaildocs", "choose_document")]
# The alternative texts of images in a translator's own language (editorial/alt_texts.py limits them
# to the languages of the user's page permissions); Redaktion writes them in the image form.
ALT_TEXT_PERMISSION = ("cms", "change_imagealttext")
# Administratoren: the core's admin areas besides pages and the groups' own permissions (the content
# apps grant theirs, e.g. site settings and submissions).
ADMIN_MODEL_PERMISSIONS = (
    [("wagtailimages", f"{action}_image") for action in ("add", "change", "delete", "choose")]
    + [("wagtaildocs", f"{action}_document") for action in ("add", "change", "delete", "choose")]
    + COLLECTION_PERMISSIONS
    + [("auth", f"{action}_{model}") for model in ("user", "group") for action in ("add", "change", "delete", "view")]
    + [
        (app, f"{action}_{model}")
        for app, model in (
            ("wagtailcore", "site"),
            ("wagtailcore", "locale"),  # wagtail-localize's locale admin (with its synchronisation)
            ("wagtailcore", "workflow"),
            ("wagtailcore", "task"),
            ("wagtailredirects", "redirect"),
            ("wagtailsearchpromotions", "searchpromotion"),
        )
        for action in ("add", "change", "delete")
    ]
)

# Redaktion may not publish: German pages go live through the "Freigabe" workflow.
EDITOR_PAGE_PERMISSIONS = ("add", "change")
APPROVER_PAGE_PERMISSIONS = ("add", "change", "publish", "lock", "unlock")
# Page permissions withdrawn by setup_roles where an earlier version granted them.
REVOKED_PAGE_PERMISSIONS = [(EDITOR_GROUP, "publish")]
# On the tree root, so in every locale; bulk_delete deletes a page together with its subpages.
ADMIN_PAGE_PERMISSIONS = ("add", "change", "publish", "bulk_delete", "lock", "unlock")
# Translators never create pages (translations are created by wagtail-localize from the German
# source), they change and publish the pages of their own tree.
TRANSLATOR_PAGE_PERMISSIONS = ("change", "publish")


ALL_SNIPPET_ACTIONS = ("add", "change", "delete", "view")


def snippet_permissions(translatable_actions, shared_actions):
    """The registered snippets' permissions: translatable ones (a row per language) with the first
    actions, shared ones (reference data without language) with the second."""
    return [
        (access.model._meta.app_label, f"{action}_{access.model._meta.model_name}")
        for access in registry.snippet_access()
        for action in (translatable_actions if access.translatable else shared_actions)
    ]


def granted(role):
    """The model permissions the content apps grant ``role``."""
    return [permission for grant in registry.grants() if role in grant.roles for permission in grant.permissions]


def group_model_permissions():
    """Model-level permissions per group name."""
    editor = (
        [ADMIN_ACCESS, SUBMIT_TRANSLATION]
        + snippet_permissions(ALL_SNIPPET_ACTIONS, ALL_SNIPPET_ACTIONS)
        + MEDIA_FOR_EDITORS
        + SEARCH_FOR_EDITORS
    )
    translator = (
        [ADMIN_ACCESS, SUBMIT_TRANSLATION]
        + snippet_permissions(("change", "view"), ("view",))
        + MEDIA_FOR_TRANSLATORS
        + [ALT_TEXT_PERMISSION]
    )
    admin = (
        [ADMIN_ACCESS, SUBMIT_TRANSLATION]
        + snippet_permissions(ALL_SNIPPET_ACTIONS, ALL_SNIPPET_ACTIONS)
        + ADMIN_MODEL_PERMISSIONS
        + [ALT_TEXT_PERMISSION]
        + [("wagtailsearchpromotions", "view_query")]  # promotions themselves are in ADMIN_MODEL_PERMISSIONS
    )
    return {
        EDITOR_GROUP: editor + granted("editor"),
        APPROVER_GROUP: editor + granted("approver"),
        PROGRAMME_TEAM_GROUP: [ADMIN_ACCESS] + granted("programme_team"),
        **dict.fromkeys(TRANSLATOR_GROUPS.values(), translator + granted("translator")),
        ADMIN_GROUP: admin + granted("admin"),
    }


def page_permission_plan():
    """[(group name, language code, page actions)]: which group gets which actions in which tree."""
    default = Locale.get_default().language_code
    plan = [(EDITOR_GROUP, default, EDITOR_PAGE_PERMISSIONS), (APPROVER_GROUP, default, APPROVER_PAGE_PERMISSIONS)]
    plan += [(name, code, TRANSLATOR_PAGE_PERMISSIONS) for code, name in TRANSLATOR_GROUPS.items()]
    return plan


def grant_page_permissions(group, page, actions):
    created = 0
    for action in actions:
        permission = Permission.objects.get(content_type__app_label="wagtailcore", codename=f"{action}_page")
        _, was_created = GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)
        created += was_created
    return created


def grant_locale_home_permissions(page):
    """Give the groups planned for ``page``'s locale their permissions on it. Returns how many were added."""
    code = page.locale.language_code
    added = 0
    for name, language_code, actions in page_permission_plan():
        if language_code == code:
            group, _ = Group.objects.get_or_create(name=name)
            added += grant_page_permissions(group, page, actions)
    return added


def grant_collection_permissions(group, permissions):
    """Images, documents and collections themselves are permitted per collection in Wagtail, not by model
    permissions alone: grant the group's media permissions on the root collection (and so on every one)."""
    # A database flushed between browser tests has lost the root collection that migrate creates.
    root = Collection.get_first_root_node() or Collection.add_root(name="Root")
    for permission in permissions:
        app_label = permission.content_type.app_label
        if app_label in MEDIA_APPS or (app_label, permission.codename) in COLLECTION_PERMISSIONS:
            GroupCollectionPermission.objects.get_or_create(group=group, collection=root, permission=permission)


def ensure_permissions_exist():
    """Create every app's model permissions, as ``migrate`` does.

    A test database flushed between browser tests (TransactionTestCase) loses them until the next
    migrate; setting up roles there must not fail.
    """
    for app_config in apps.get_app_configs():
        create_permissions(app_config, verbosity=0)
    # wagtail-localize creates this one in a data migration (it has no model of its own).
    content_type, _ = ContentType.objects.get_or_create(app_label="wagtail_localize", model="translation")
    Permission.objects.get_or_create(
        content_type=content_type, codename="submit_translation", defaults={"name": "Can submit translations"}
    )


def setup_roles():
    """Create the groups and their permissions; idempotent. Returns a list of report lines."""
    ensure_permissions_exist()
    report = []
    for name, codes in group_model_permissions().items():
        group, created = Group.objects.get_or_create(name=name)
        permissions = [
            Permission.objects.select_related("content_type").get(content_type__app_label=app, codename=code)
            for app, code in codes
        ]
        group.permissions.add(*permissions)
        report.append(f"{name}: {'created' if created else 'exists'}, {len(permissions)} model permissions")
        grant_collection_permissions(group, permissions)
    homes = locale_homes()
    default_home = homes.get(Locale.get_default().language_code)
    if default_home is not None and default_home.specific_class is Page:
        report.append(
            "Warning: the default site's root is Wagtail's placeholder page; run setup_site to replace it "
            "(permissions and workflow follow the site root when it changes)"
        )
    for name, code, actions in page_permission_plan():
        page = homes.get(code)
        if page is None:
            report.append(f"{name}: no home page in locale {code} yet; permissions follow when it is created")
            continue
        added = grant_page_permissions(Group.objects.get(name=name), page, actions)
        report.append(f"{name}: {', '.join(actions)} on {page.url_path} ({code}), {added} added")
    tree_root = Page.get_first_root_node()
    if tree_root is not None:
        added = grant_page_permissions(Group.objects.get(name=ADMIN_GROUP), tree_root, ADMIN_PAGE_PERMISSIONS)
        actions = ", ".join(ADMIN_PAGE_PERMISSIONS)
        report.append(f"{ADMIN_GROUP}: {actions} on the tree root (all locales), {added} added")
    for name, action in REVOKED_PAGE_PERMISSIONS:
        removed, _ = GroupPagePermission.objects.filter(
            group__name=name, permission__codename=f"{action}_page"
        ).delete()
        if removed:
            report.append(f"{name}: {action} withdrawn ({removed} removed)")
    report += setup_workflow()
    return report
