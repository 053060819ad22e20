"""A first install in one step: ``manage.py setup_site`` after ``migrate``.

A database that has only been migrated holds Wagtail's placeholder page ("Welcome to your new Wagtail
site!") as the root of the default site, the locale ``de`` and Wagtail's groups Editors and
Moderators. ``setup_site`` turns that into the platform's structure:

1. the four locales (``WAGTAIL_CONTENT_LANGUAGES``);
2. a German home page (the page type registered with ``site_root=True``) as the default site's root,
   replacing the placeholder (only if the placeholder is still empty; any other root page is left alone
   with a message), and the site at the public address (``PUBLIC_URL``, or ``--hostname``/``--port``)
   instead of Wagtail's ``localhost:80``;
3. the section pages under it (the registered sections: topics, calls, events, partnerships), where
   missing;
4. French, Arabic and English synchronised from German, which gives each language its home page;
5. the registered setup steps (programmes: countries, regions and applicant types);
6. the roles and the approval workflow (``setup_roles``), on those home pages.

Like ``setup_roles`` it only adds what is missing, so it can run again after every deployment.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import translation
from wagtail.models import Locale, Page, Site
from wagtail_localize.models import LocaleSynchronization

from cms.platform import registry
from cms.public_url import PublicUrlError, site_fields

from .roles import setup_roles


class SiteSetupError(Exception):
    """The database holds something setup_site must not change by itself; the message says what."""


def is_wagtail_placeholder(page):
    """Wagtail's welcome page: a plain Page (no model of ours) without children."""
    return page.specific_class is Page and page.depth == 2 and not page.get_children().exists()


def ensure_locales():
    created = []
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        _locale, was_created = Locale.objects.get_or_create(language_code=code)
        if was_created:
            created.append(code)
    return [f"Locales: {', '.join(created)} created" if created else "Locales: all present"]


def _publish(page):
    page.save_revision().publish()
    return page


def ensure_address(site, hostname, port):
    """The default site at the public address (PUBLIC_URL, or the explicit options). Returns report lines."""
    wanted = site_fields(hostname, port)
    clash = Site.objects.filter(**wanted).exclude(pk=site.pk).first()
    if clash is not None:
        raise SiteSetupError(
            f"Another site (“{clash.site_name or clash.hostname}”, id {clash.pk}) already answers at "
            f"{clash.hostname}:{clash.port}. Delete it or give it another address under Settings › Sites, and run "
            "setup_site again."
        )
    if (site.hostname, site.port) == (wanted["hostname"], wanted["port"]):
        return [f"Site address: {site.root_url}"]
    before = site.root_url
    site.hostname, site.port = wanted["hostname"], wanted["port"]
    site.save(update_fields=["hostname", "port"])  # clears Wagtail's cached site root paths
    return [f"Site address: {before} → {site.root_url}"]


def ensure_home(hostname, port, site_name):
    """The default site with a German home page as its root. Returns (home, report lines)."""
    home_model = registry.site_root()
    german = Locale.get_default()
    tree_root = Page.get_first_root_node()
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first() or Site.objects.first()
    report = []
    root = site.root_page if site else None
    if root is not None and isinstance(root.specific, home_model):
        return root.specific, ["Home page: exists", *ensure_address(site, hostname, port)]
    if root is not None and root.depth > 1 and not is_wagtail_placeholder(root):
        raise SiteSetupError(
            f"The default site's root is “{root.title}” ({root.specific_class.__name__}, id {root.pk}), not a "
            "home page. Point the site at a home page under Settings › Sites, or move the page away, and run "
            "setup_site again."
        )
    if root is not None and root.depth > 1:
        # Deleting the page would delete the site pointing at it: park the site on the tree root first.
        Site.objects.filter(root_page=root).update(root_page=tree_root)
        title = root.title
        root.delete()
        report.append(f"Home page: Wagtail's placeholder “{title}” removed")
    home = home_model.objects.filter(depth=2, locale=german, alias_of__isnull=True).first()
    if home is None:
        fields = registry.page_type(home_model).setup_fields
        home = home_model(title=site_name, slug="home", locale=german, **fields)
        tree_root.add_child(instance=home)
        _publish(home)
        report.append(f"Home page: “{home.title}” created")
    if site is None:
        site = Site(**site_fields(hostname, port), site_name=site_name, is_default_site=True)
        report.append(f"Site: {site.root_url} created")
    site.root_page = home
    site.is_default_site = True
    site.save()  # editorial.signals moves the roles' permissions to the new root if they exist already
    report += ensure_address(site, hostname, port)
    report.append(f"Site: {site.root_url} shows “{home.title}”")
    return home, report


def ensure_sections(home):
    report = []
    for page_type in registry.section_page_types():
        section, model = page_type.section, page_type.model
        if not section.created_by_setup or model.objects.child_of(home).exists():
            continue
        # The German source title, which the translators translate like any page title.
        with translation.override(home.locale.language_code):
            title = str(section.title)
        page = model(title=title, slug=section.slug, locale=home.locale, show_in_menus=section.in_menu)
        try:
            home.add_child(instance=page)
        except ValidationError as error:  # e.g. an unrelated page already holds the slug
            report.append(f"Section {title}: not created ({'; '.join(error.messages)})")
            continue
        _publish(page)
        report.append(f"Section {title}: created at {page.url_path}")
    return report or ["Sections: all present"]


def ensure_synchronisation(source):
    """Every other locale synchronises from German: each gets aliases of the German tree at once."""
    report = []
    for locale in Locale.objects.exclude(pk=source.pk).order_by("language_code"):
        if LocaleSynchronization.objects.filter(locale=locale).exists():
            continue
        LocaleSynchronization.objects.create(locale=locale, sync_from=source)
        report.append(f"Locale {locale.language_code}: synchronised from {source.language_code}")
    return report or ["Locale synchronisation: all set"]


def run_setup_steps():
    report = []
    for step in registry.setup_steps():
        report += step.run()
    return report


def setup_site(hostname=None, port=None, site_name=None):
    """Locales, home page, sections, synchronisation, setup steps, roles and workflow. Returns report lines."""
    try:
        site_fields(hostname, port)
    except PublicUrlError as error:
        raise SiteSetupError(str(error)) from error
    with transaction.atomic():
        report = ensure_locales()
        home, lines = ensure_home(hostname, port, site_name or settings.WAGTAIL_SITE_NAME)
        report += lines
        report += ensure_sections(home)
        report += ensure_synchronisation(home.locale)
        report += run_setup_steps()
        report += setup_roles()
    return report
