"""Page permissions follow the site's home pages.

- A locale home created after ``setup_roles`` ran (an alias made by locale synchronisation, or the
  first translation of the home page) gets its locale's group permissions at once.
- When the default site gets another root page (Wagtail's placeholder replaced by a real home page
  under Settings › Sites), the roles' permissions and the approval workflow move along: the new root
  and its translations get them. Permissions on the old root stay until that page is deleted.
"""

from django.contrib.auth.models import Group
from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.models import Page, Site

from .groups import EDITOR_GROUP, locale_homes
from .roles import grant_locale_home_permissions
from .workflow import setup_workflow


@receiver(post_save)
def grant_permissions_on_new_locale_home(sender, instance, created, raw=False, **kwargs):
    if not created or raw or not isinstance(instance, Page) or instance.depth != 2:
        return
    # Only homes of languages other than the site root's own: one query, and only for new top-level pages.
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        return
    root = site.root_page
    if root.pk != instance.pk and root.translation_key == instance.translation_key and root.depth == instance.depth:
        grant_locale_home_permissions(instance)


@receiver(post_save, sender=Site)
def roles_follow_the_site_root(sender, instance, raw=False, **kwargs):
    # Before setup_roles ran there is nothing to move; a site parked on the tree root has no home yet.
    if raw or not instance.is_default_site or instance.root_page.depth != 2:
        return
    if not Group.objects.filter(name=EDITOR_GROUP).exists():
        return
    for home in locale_homes().values():
        grant_locale_home_permissions(home)
    setup_workflow()
