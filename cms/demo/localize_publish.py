"""Workaround: publish a wagtail-localize page translation now, not on commit.

``Translation.save_target(publish=True)`` (through ``TranslationSource.create_or_update_translation``)
does not publish the new page revision itself: it registers ``transaction.on_commit(revision.publish)``.
Inside an outer transaction (``load_demo_content`` runs in ``transaction.atomic()``, and every test
runs inside a transaction that is rolled back) the translated page stays unpublished until the
outer commit, and in tests for ever: later steps that look for the live translation do not find
it. So the page is saved as a draft revision (``publish=False``, which registers nothing) and that
revision is published here, at once. Snippets are not affected: our translatable snippets have no
draft state and are saved directly.
"""

from wagtail.models import Page


def save_page_translation(translation):
    """Save the target page of a wagtail-localize ``Translation`` and publish it immediately."""
    translation.save_target(publish=False)
    page = translation.source.get_translated_instance(translation.target_locale)
    page = Page.objects.get(pk=page.pk).specific  # fresh: save_target changed alias_of and the revision
    revision = page.get_latest_revision()
    revision.publish()
    return page
