"""A locale home created after ``setup_roles`` ran (an alias made by locale synchronisation, or the
first translation of the home page) gets its locale's group permissions at once."""

from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.models import Page, Site

from .roles import grant_locale_home_permissions


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
