"""The editorial groups by name, and the home pages their page permissions sit on.

Shared by the roles (``editorial.roles``) and the approval workflow (``editorial.workflow``), which
``setup_roles`` sets up after the roles.
"""

from wagtail.models import Page, Site

EDITOR_GROUP = "Redaktion"
APPROVER_GROUP = "Freigabe"
# Works on submissions (registrations, expressions of interest); no page permissions.
PROGRAMME_TEAM_GROUP = "Programmteam"
# Runs the site without being a superuser (a superuser bypasses every check); see editorial.roles.
ADMIN_GROUP = "Administratoren"

# Translator group name by locale language code.
TRANSLATOR_GROUPS = {
    "fr": "Übersetzung FR",
    "ar-dz": "Übersetzung AR",
    "en": "Übersetzung EN",
}


def locale_homes():
    """{language_code: home page} for every locale in which the default site's root has a version."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    # The tree root spans every locale: a grant there would lift the locale restriction.
    if site is None or site.root_page.depth < 2:
        return {}
    pages = Page.objects.filter(translation_key=site.root_page.translation_key, depth=site.root_page.depth)
    return {page.locale.language_code: page for page in pages.select_related("locale")}
